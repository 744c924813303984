/**
 * BZPOPMIN, BZPOPMAX and BZMPOP (Redis 7.0's blockingGenericZpopCommand):
 * ZPOPMIN/ZPOPMAX/ZMPOP's answer, with the key, when a sorted set exists;
 * else the client blocks and is served the same way once one appears
 * (src/server/blocking.ts). In MULTI they answer the nil array instead.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { blockDeadline } from '../block-timeout.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KEY_FLAT, WITH_KEY, parseZmpop, zpop } from './zpop-generic.js';

/** Pops from the first existing sorted set of args[first, first + n), or blocks on them all. */
function blockingZpop(
  ctx: CommandContext, args: Args, reply: Reply, first: number, n: number, max: boolean, count: number, shape: number, timeoutIdx: number,
): void {
  const deadline = blockDeadline(args, timeoutIdx, reply);
  if (deadline < 0) return;
  for (let k = first; k < first + n; k++) {
    const pos = lookupWriteOf(ctx.db, KeyType.ZSET, args.buf, args.start(k), args.end(k));
    if (pos === NO_KEY) continue;
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    return zpop(ctx, args, reply, k, 1, max, count, shape, false);
  }
  if (ctx.client.tx.active) return reply.nilArray();
  ctx.client.block(args, first, n, KeyType.ZSET, deadline, (c, a, k, r) => zpop(c, a, r, k, 1, max, count, shape, false));
}

/** BZPOPMIN / BZPOPMAX key [key ...] timeout */
export function bzpopMinMax(ctx: CommandContext, args: Args, reply: Reply, max: boolean): void {
  blockingZpop(ctx, args, reply, 1, args.count - 2, max, -1, KEY_FLAT, args.count - 1);
}

/** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]: arguments checked in zmpopGenericCommand()'s order. */
export function bzmpop(ctx: CommandContext, args: Args, reply: Reply): void {
  const m = parseZmpop(args, 2, reply);
  if (m === null) return;
  blockingZpop(ctx, args, reply, m.first, m.numkeys, m.max, m.count, WITH_KEY, 1);
}
