/**
 * Timeout arguments, read as Redis 7.0's getTimeoutFromObjectOrReply(): the
 * blocking commands' (BLPOP, BZPOPMIN...) in UNIT_SECONDS, a long double of
 * seconds truncated to milliseconds; CLIENT PAUSE's in UNIT_MILLISECONDS, a
 * long long. Both are made absolute; 0 stays 0.
 */
import type { Args } from './args.js';
import type { Reply } from './reply.js';
import { parseLongDouble } from '../engine/types/longdouble.js';

const LLONG_MAX = 9223372036854775807n;

/**
 * The deadline in ms since the epoch (0 = never) of the timeout in argument
 * `i`, or -1 after replying with the error.
 */
export function blockDeadline(args: Args, i: number, reply: Reply): number {
  const v = parseLongDouble(args.view(i));
  if (v === null) {
    reply.error('ERR timeout is not a float or out of range');
    return -1;
  }
  const seconds = v.kind === 'finite' ? Number(v.mant) * 2 ** v.exp * (v.neg ? -1 : 1) : v.neg ? -Infinity : Infinity;
  const ms = Math.trunc(seconds * 1000);
  // (long long) of an infinite or out-of-range long double is LLONG_MIN on x86: "negative".
  if (ms < 0 || !(ms < 2 ** 63)) {
    reply.error('ERR timeout is negative');
    return -1;
  }
  return fromNow(ms, reply);
}

/** The same for a whole number of milliseconds (CLIENT PAUSE): the deadline, 0 for 0, or -1 after replying with the error. */
export function msDeadline(args: Args, i: number, reply: Reply): number {
  const v = args.int64(i);
  if (v === null) {
    reply.error('ERR timeout is not an integer or out of range');
    return -1;
  }
  if (v < 0) {
    reply.error('ERR timeout is negative');
    return -1;
  }
  return fromNow(v, reply);
}

/** A timeout of `ms` (>= 0) made absolute: 0 stays 0; past LLONG_MAX the out-of-range error and -1. */
function fromNow(ms: number | bigint, reply: Reply): number {
  if (ms === 0 || ms === 0n) return 0;
  const now = Date.now();
  if (BigInt(ms) > LLONG_MAX - BigInt(now)) {
    reply.error('ERR timeout is out of range');
    return -1;
  }
  return now + Number(ms);
}
