/**
 * The handlers behind SINTER, SUNION, SDIFF, their STORE forms and
 * SINTERCARD: gather the sources, compute with ../../engine/types/set-ops.ts,
 * then reply the result as a set or store it (an empty result deletes the
 * destination, whatever its type).
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import type { SetView } from '../../engine/types/set.js';
import { setDiff, setInter, setUnion } from '../../engine/types/set-ops.js';
import { acc, gatherSets, maxIntset, replyAccSet } from './set-common.js';
import { N, notifyArg } from '../notify.js';

export const enum SetOp {
  INTER,
  UNION,
  DIFF,
}

/**
 * Runs `op` over the keys in arguments [from, args.count); `dest` is the
 * argument index of the destination key, or -1 to reply the members.
 */
export function setOpGeneric(ctx: CommandContext, args: Args, reply: Reply, op: SetOp, from: number, dest: number): void {
  const sets = gatherSets(ctx, args, from, args.count, reply);
  if (sets === null) return;
  acc.reset(maxIntset(ctx));
  if (op === SetOp.INTER) {
    if (!sets.includes(null)) setInter(sets as SetView[], acc, 0);
  } else if (op === SetOp.UNION) {
    setUnion(sets, acc);
  } else {
    setDiff(sets, acc);
  }
  if (dest < 0) return replyAccSet(reply, acc);
  const n = acc.size;
  if (acc.store(ctx.db, args.buf, args.start(dest), args.end(dest))) {
    ctx.dirty(1);
    if (n === 0) notifyArg(ctx, N.GENERIC, 'del', args, dest);
    else notifyArg(ctx, N.SET, op === SetOp.INTER ? 'sinterstore' : op === SetOp.UNION ? 'sunionstore' : 'sdiffstore', args, dest);
  }
  reply.int(n);
}
