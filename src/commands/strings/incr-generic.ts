/**
 * INCR, DECR, INCRBY and DECRBY: Redis 7.0's incrDecrCommand() with int64
 * semantics. Values are numbers while they are exactly representable
 * (|v| < 2^53) and bigints beyond, so the arithmetic is exact up to the
 * int64 limits and overflow is detected as Redis does.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, OVERFLOW, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { parseInt64 } from '../../engine/types/int64.js';
import { N, notifyArg } from '../notify.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Adds `incr` to the integer at the key in argument 1 and replies with the result. */
export function incrDecr(ctx: CommandContext, args: Args, reply: Reply, incr: number | bigint): void {
  const db = ctx.db;
  const kbuf = args.buf;
  const ks = args.start(1);
  const ke = args.end(1);
  const slot = db.lookupWriteAt(kbuf, ks, ke);
  let cur: number | bigint = 0;
  if (slot !== NO_KEY) {
    if (db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
    // Bytes in place (no view object), or the number of an int-encoded value.
    const mem = db.stringRef(slot);
    if (mem !== null) {
      const n = parseInt64(mem, db.refStart, db.refEnd);
      if (n === null) return reply.error(NOT_INTEGER);
      cur = n;
    } else {
      cur = db.value(slot) as number | bigint;
    }
  }
  let result: number | bigint | null;
  if (typeof cur === 'number' && typeof incr === 'number') {
    const sum = cur + incr;
    // Both operands are below 2^53 in magnitude: a sum inside the safe range is exact.
    result = sum > MAX_SAFE || sum < -MAX_SAFE ? bigSum(cur, incr) : sum;
  } else {
    result = bigSum(cur, incr);
  }
  if (result === null) return reply.error(OVERFLOW);
  // Keeps the TTL of an existing key; refreshes its access time as Redis's lookupKeyWrite() does.
  if (slot !== NO_KEY) db.setInt(slot, result);
  else db.putAt(kbuf, ks, ke, KeyType.STRING, Encoding.INT, result, true);
  ctx.dirty(1);
  notifyArg(ctx, N.STRING, 'incrby', args, 1);
  if (typeof result === 'number') reply.int(result);
  else reply.bigint(result);
}

/** Exact sum; a number when safe, a bigint beyond, null on int64 overflow. */
function bigSum(a: number | bigint, b: number | bigint): number | bigint | null {
  const r = BigInt(a) + BigInt(b);
  if (r > INT64_MAX || r < INT64_MIN) return null;
  return r <= MAX_SAFE && r >= -MAX_SAFE ? Number(r) : r;
}
