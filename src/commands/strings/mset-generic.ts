/** MSET and MSETNX: Redis 7.0's msetGenericCommand(). */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { wrongArity } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { putStringAt } from '../../engine/types/string.js';
import { N, notifyArg } from '../notify.js';

export function msetGeneric(ctx: CommandContext, args: Args, reply: Reply, nx: boolean): void {
  const n = args.count;
  if ((n & 1) === 0) return reply.error(wrongArity(nx ? 'msetnx' : 'mset'));
  const db = ctx.db;
  const buf = args.buf;
  if (nx) {
    // Nothing is set when any key exists.
    for (let j = 1; j < n; j += 2) {
      if (db.lookupWriteAt(buf, args.start(j), args.end(j)) !== NO_KEY) return reply.int(0);
    }
  }
  // No lookup before the write: Redis 7.0's MSET overwrites an expired key
  // without counting it in expired_keys (the put clears its TTL).
  for (let j = 1; j < n; j += 2) {
    putStringAt(db, buf, args.start(j), args.end(j), buf, args.start(j + 1), args.end(j + 1), false);
    notifyArg(ctx, N.STRING, 'set', args, j);
  }
  ctx.dirty((n - 1) >> 1);
  if (nx) reply.int(1);
  else reply.ok();
}
