/**
 * BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH (Redis 7.0's
 * blockingPopGenericCommand and blmoveGenericCommand): the non-blocking
 * answer when a key has elements, else the client blocks and is served the
 * same way once a list appears (src/server/blocking.ts). In MULTI they never
 * block: an empty answer is given as if the timeout had passed.
 */
import type { Args } from '../args.js';
import type { BlockedServe, CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { blockDeadline } from '../block-timeout.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import type { ListEnd } from '../../engine/types/list.js';
import { moveGeneric, parseMpop, popWithKey } from './list-generic.js';

/** Pops from the first non-empty list of args[first, first + n), or blocks on them all. */
export function blockingPop(
  ctx: CommandContext, args: Args, reply: Reply, first: number, n: number, where: ListEnd, count: number, timeoutIdx: number,
): void {
  const deadline = blockDeadline(args, timeoutIdx, reply);
  if (deadline < 0) return;
  const db = ctx.db;
  for (let k = first; k < first + n; k++) {
    const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(k), args.end(k));
    if (pos === NO_KEY) continue;
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    return popWithKey(ctx, args, k, pos, where, count, reply);
  }
  if (ctx.client.tx.active) return reply.nilArray();
  const serve: BlockedServe = (c, a, k, r) => {
    const pos = lookupWriteOf(c.db, KeyType.LIST, a.buf, a.start(k), a.end(k));
    popWithKey(c, a, k, pos, where, count, r);
  };
  ctx.client.block(args, first, n, KeyType.LIST, deadline, serve);
}

/** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: arguments checked in lmpopGenericCommand()'s order. */
export function blmpop(ctx: CommandContext, args: Args, reply: Reply): void {
  const m = parseMpop(args, 2, reply);
  if (m === null) return;
  blockingPop(ctx, args, reply, m.first, m.numkeys, m.where, m.count, 1);
}

/** BLMOVE and BRPOPLPUSH: source in argument 1, destination in argument 2. */
export function blockingMove(ctx: CommandContext, args: Args, reply: Reply, from: ListEnd, to: ListEnd, timeoutIdx: number): void {
  const deadline = blockDeadline(args, timeoutIdx, reply);
  if (deadline < 0) return;
  const src = lookupWriteOf(ctx.db, KeyType.LIST, args.buf, args.start(1), args.end(1));
  if (src === WRONG_TYPE) return reply.error(WRONGTYPE);
  if (src !== NO_KEY) return moveGeneric(ctx, args, reply, from, to);
  // Redis answers a null bulk here, but the null array on a timeout.
  if (ctx.client.tx.active) return reply.nil();
  ctx.client.block(args, 1, 1, KeyType.LIST, deadline, (c, a, _k, r) => moveGeneric(c, a, r, from, to));
}
