/**
 * BZPOPMIN, BZPOPMAX and BZMPOP (Redis 7.0's blockingGenericZpopCommand):
 * ZPOPMIN/ZPOPMAX/ZMPOP's answer, with the key, when a sorted set exists;
 * else the client blocks and is served the same way once one appears
 * (src/server/blocking.ts). In MULTI they answer the nil array instead.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { blockDeadline } from '../block-timeout.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KEY_FLAT, WITH_KEY, zpop } from './zpop-generic.js';

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
  const nk = args.int64(2);
  if (nk === null || nk < 1) return reply.error('ERR numkeys should be greater than 0');
  const whereIdx = 2 + Number(nk) + 1;
  if (whereIdx >= args.count) return reply.error(SYNTAX);
  let max: boolean;
  if (keyword(args, whereIdx, 'min')) max = false;
  else if (keyword(args, whereIdx, 'max')) max = true;
  else return reply.error(SYNTAX);
  let count = -1;
  for (let j = whereIdx + 1; j < args.count; j++) {
    if (count === -1 && keyword(args, j, 'count') && j + 1 < args.count) {
      j++;
      const c = args.int64(j);
      if (c === null || c < 1) return reply.error('ERR count should be greater than 0');
      count = Number(c);
    } else {
      return reply.error(SYNTAX);
    }
  }
  blockingZpop(ctx, args, reply, 3, Number(nk), max, count, WITH_KEY, 1);
}
