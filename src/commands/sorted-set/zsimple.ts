/**
 * The one-key sorted-set commands with a short body (ZCARD, ZSCORE, ZMSCORE,
 * ZRANK, ZREVRANK, ZREM, ZCOUNT, ZLEXCOUNT), grouped so each command file
 * stays a declaration. Range arguments are parsed before the key is read,
 * as Redis does.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf, lookupWriteOf } from '../../engine/types/lookup.js';
import { MISSING, zsetRemove } from '../../engine/types/zset.js';
import { MIN_MAX_NOT_FLOAT, MIN_MAX_NOT_STRING, zview } from './zset-common.js';
import { lexRange, lexSpan, parseLexRange, parseScoreRange, scoreRange, scoreSpan } from './zrange-generic.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

function read(ctx: CommandContext, args: Args): number {
  return lookupReadOf(ctx.db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
}

function rank(ctx: CommandContext, args: Args, reply: Reply, rev: boolean): void {
  const pos = read(ctx, args);
  if (pos === NO_KEY) return reply.nil();
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  const v = zview.open(ctx.db, pos);
  const r = v.rankOf(args.str(2));
  if (r < 0) return reply.nil();
  reply.int(rev ? v.length - 1 - r : r);
}

export const zsimple = {
  zcard(ctx: CommandContext, args: Args, reply: Reply): void {
    const pos = read(ctx, args);
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(zview.open(ctx.db, pos).length);
  },

  zscore(ctx: CommandContext, args: Args, reply: Reply): void {
    const pos = read(ctx, args);
    if (pos === NO_KEY) return reply.nil();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const s = zview.open(ctx.db, pos).scoreOfBytes(args.buf, args.start(2), args.end(2));
    if (Number.isNaN(s)) reply.nil();
    else reply.double(s);
  },

  zmscore(ctx: CommandContext, args: Args, reply: Reply): void {
    const pos = read(ctx, args);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.array(args.count - 2);
    if (pos !== NO_KEY) zview.open(ctx.db, pos);
    for (let i = 2; i < args.count; i++) {
      const s = pos === NO_KEY ? NaN : zview.scoreOfBytes(args.buf, args.start(i), args.end(i));
      if (Number.isNaN(s)) reply.nil();
      else reply.double(s);
    }
  },

  zrank(ctx: CommandContext, args: Args, reply: Reply): void {
    rank(ctx, args, reply, false);
  },

  zrevrank(ctx: CommandContext, args: Args, reply: Reply): void {
    rank(ctx, args, reply, true);
  },

  zrem(ctx: CommandContext, args: Args, reply: Reply): void {
    const db = ctx.db;
    let pos = lookupWriteOf(db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    let deleted = 0;
    for (let i = 2; i < args.count; i++) {
      const r = zsetRemove(db, pos, args.str(i));
      if (r === MISSING) continue;
      deleted++;
      if (r === NO_KEY) break;
      pos = r;
    }
    if (deleted > 0) {
      ctx.dirty(deleted);
      notifyArg(ctx, N.ZSET, 'zrem', args, 1);
      notifyDelIfGone(ctx, args, 1);
    }
    reply.int(deleted);
  },

  zcount(ctx: CommandContext, args: Args, reply: Reply): void {
    if (!parseScoreRange(args, 2, 3)) return reply.error(MIN_MAX_NOT_FLOAT);
    const pos = read(ctx, args);
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const [from, to] = scoreSpan(zview.open(ctx.db, pos), scoreRange);
    reply.int(to >= from ? to - from + 1 : 0);
  },

  zlexcount(ctx: CommandContext, args: Args, reply: Reply): void {
    if (!parseLexRange(args, 2, 3)) return reply.error(MIN_MAX_NOT_STRING);
    const pos = read(ctx, args);
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const [from, to] = lexSpan(zview.open(ctx.db, pos), lexRange);
    reply.int(to >= from ? to - from + 1 : 0);
  },
};
