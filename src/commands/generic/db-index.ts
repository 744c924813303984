/**
 * Database-number arguments as Redis 7.0 reads them (getIntFromObjectOrReply
 * then selectDb's range check), shared by SELECT, MOVE, COPY ... DB and
 * SWAPDB, and the error texts those commands share.
 */
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER } from '../errors.js';

/** getIntFromObjectOrReply()'s range error when no custom message is given. */
export const INT_OUT_OF_RANGE = 'ERR value is out of range, value must between -2147483648 and 2147483647';
/** shared.sameobjecterr (MOVE and COPY onto themselves). */
export const SAME_OBJECT = 'ERR source and destination objects are the same';

/**
 * Argument `i` as a C int like getIntFromObjectOrReply(): strict int64 text
 * that fits in 32 bits. Replies with `message` (or Redis's default texts) and
 * returns null otherwise.
 */
export function intArg(args: Args, i: number, reply: Reply, message?: string): number | null {
  const v = args.int64(i);
  if (v === null) {
    reply.error(message ?? NOT_INTEGER);
    return null;
  }
  if (typeof v !== 'number' || v < -2147483648 || v > 2147483647) {
    reply.error(message ?? INT_OUT_OF_RANGE);
    return null;
  }
  return v;
}

/** selectDb()'s check: a valid index for `count` databases. */
export function validDb(id: number, count: number): boolean {
  return id >= 0 && id < count;
}
