/**
 * ZRANDMEMBER: Redis 7.0's zrandmemberCommand(). Without a count, one
 * random member or nil; a negative count picks with repetition; a count at
 * least the size returns the whole set; otherwise distinct random members.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { entriesHeader, replyEntry, replyMember, zview } from './zset-common.js';

const LONG_MAX = 9223372036854775807n;
const HALF = LONG_MAX / 2n;

export function zrandmember(ctx: CommandContext, args: Args, reply: Reply): void {
  if (args.count === 2) {
    const pos = lookupReadOf(ctx.db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.nil();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const v = zview.open(ctx.db, pos);
    v.seek(Math.floor(Math.random() * v.length), false);
    v.next();
    return replyMember(reply, v);
  }
  const l = args.int64(2);
  if (l === null) return reply.error(NOT_INTEGER);
  if (BigInt(l) < -LONG_MAX) return reply.error('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807');
  if (args.count > 4 || (args.count === 4 && !keyword(args, 3, 'withscores'))) return reply.error(SYNTAX);
  const withScores = args.count === 4;
  if (withScores && (BigInt(l) < -HALF || BigInt(l) > HALF)) return reply.error('ERR value is out of range');
  const pos = lookupReadOf(ctx.db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
  if (pos === NO_KEY) return reply.array(0);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  if (l === 0 || l === 0n) return reply.array(0);
  const v = zview.open(ctx.db, pos);
  const size = v.length;
  const n = Number(l);
  if (n < 0) {
    const count = -n;
    entriesHeader(reply, count, withScores);
    for (let k = 0; k < count; k++) {
      v.seek(Math.floor(Math.random() * size), false);
      v.next();
      replyEntry(reply, v, withScores);
    }
    return;
  }
  if (n >= size) {
    entriesHeader(reply, size, withScores);
    v.seek(0, false);
    while (v.next()) replyEntry(reply, v, withScores);
    return;
  }
  // Distinct picks: a partial Fisher-Yates shuffle of the ranks.
  const ranks = Array.from({ length: size }, (_, i) => i);
  entriesHeader(reply, n, withScores);
  for (let k = 0; k < n; k++) {
    const j = k + Math.floor(Math.random() * (size - k));
    const r = ranks[j]!;
    ranks[j] = ranks[k]!;
    ranks[k] = r;
    v.seek(r, false);
    v.next();
    replyEntry(reply, v, withScores);
  }
}
