/**
 * DEL and UNLINK (Redis's delGenericCommand): each key is expired lazily
 * first, then deleted if still present. There is no lazy freeing here, so
 * UNLINK behaves as DEL.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NO_KEY } from '../../engine/status.js';
import { N, notifyArg } from '../notify.js';

export function delGeneric(ctx: CommandContext, args: Args, reply: Reply): void {
  const db = ctx.db;
  const buf = args.buf;
  let deleted = 0;
  for (let i = 1; i < args.count; i++) {
    const slot = db.lookupWriteAt(buf, args.start(i), args.end(i));
    if (slot === NO_KEY) continue;
    db.removeAt(slot);
    notifyArg(ctx, N.GENERIC, 'del', args, i);
    deleted++;
  }
  if (deleted > 0) ctx.dirty(deleted);
  reply.int(deleted);
}
