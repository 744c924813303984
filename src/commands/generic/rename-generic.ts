/**
 * RENAME and RENAMENX (Redis's renameGenericCommand): the value moves with
 * its TTL; a same-name rename only checks that the key exists; an existing
 * destination is overwritten (or, for NX, left alone). The write lookup
 * touches the source, so the renamed key's access time is now, as in Redis.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NO_SUCH_KEY } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { N, notifyArg } from '../notify.js';

function sameBytes(args: Args, a: number, b: number): boolean {
  return args.len(a) === args.len(b) && args.buf.compare(args.buf, args.start(a), args.end(a), args.start(b), args.end(b)) === 0;
}

export function renameGeneric(ctx: CommandContext, args: Args, reply: Reply, nx: boolean): void {
  const db = ctx.db;
  const buf = args.buf;
  if (db.lookupWriteAt(buf, args.start(1), args.end(1)) === NO_KEY) return reply.error(NO_SUCH_KEY);
  if (sameBytes(args, 1, 2)) return nx ? reply.int(0) : reply.ok();
  // Redis looks the destination up in both forms (expiring it lazily).
  const exists = db.lookupWriteAt(buf, args.start(2), args.end(2)) !== NO_KEY;
  if (nx && exists) return reply.int(0);
  // Found again: expiring the destination may have moved the source's handle.
  const slot = db.findAt(buf, args.start(1), args.end(1));
  // Write the destination before deleting the source: the value may be a view
  // of the source's memory, valid until the source is released. put()
  // overwrites an existing destination and clears its TTL.
  const expire = db.expireAt(slot);
  // The put copies the value out of the source's item, which stays allocated
  // until the delete; the delete finds the source again by name because the
  // put may have moved its handle.
  const dst = db.putAt(buf, args.start(2), args.end(2), db.type(slot), db.encoding(slot), db.value(slot));
  if (expire !== 0) db.setExpire(dst, expire);
  db.deleteKeyAt(buf, args.start(1), args.end(1));
  ctx.dirty(1);
  // Redis deletes an existing destination and adds it anew.
  if (exists) notifyArg(ctx, N.NEW, 'new', args, 2);
  notifyArg(ctx, N.GENERIC, 'rename_from', args, 1);
  notifyArg(ctx, N.GENERIC, 'rename_to', args, 2);
  if (nx) reply.int(1);
  else reply.ok();
}
