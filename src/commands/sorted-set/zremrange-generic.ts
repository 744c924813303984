/**
 * ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX: Redis 7.0's
 * zremrangeGenericCommand(). The range is parsed before the key is looked
 * up; the matching span of ranks is removed in one rebuild.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { zsetRemoveRanks } from '../../engine/types/zset.js';
import { MIN_MAX_NOT_FLOAT, MIN_MAX_NOT_STRING, longArg, zview } from './zset-common.js';
import { LEX, RANK, SCORE, lexRange, lexSpan, parseLexRange, parseScoreRange, rankSpan, scoreRange, scoreSpan } from './zrange-generic.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export { LEX, RANK, SCORE };

export function zremrangeGeneric(ctx: CommandContext, args: Args, reply: Reply, type: number): void {
  let start = 0;
  let end = 0;
  if (type === RANK) {
    const s = longArg(args, 2);
    const e = s === null ? null : longArg(args, 3);
    if (s === null || e === null) return reply.error(NOT_INTEGER);
    start = s;
    end = e;
  } else if (type === SCORE) {
    if (!parseScoreRange(args, 2, 3)) return reply.error(MIN_MAX_NOT_FLOAT);
  } else if (!parseLexRange(args, 2, 3)) {
    return reply.error(MIN_MAX_NOT_STRING);
  }
  const db = ctx.db;
  const pos = lookupWriteOf(db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
  if (pos === NO_KEY) return reply.int(0);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  const v = zview.open(db, pos);
  const [from, to] = type === RANK ? rankSpan(v.length, start, end) : type === SCORE ? scoreSpan(v, scoreRange) : lexSpan(v, lexRange);
  if (from > to) return reply.int(0);
  zsetRemoveRanks(db, pos, from, to);
  ctx.dirty(to - from + 1);
  notifyArg(ctx, N.ZSET, type === RANK ? 'zremrangebyrank' : type === SCORE ? 'zremrangebyscore' : 'zremrangebylex', args, 1);
  notifyDelIfGone(ctx, args, 1);
  reply.int(to - from + 1);
}
