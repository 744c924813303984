// PERSIST key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_KEY } from '../../engine/status.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'persist',
  arity: 2,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: { summary: 'Remove the expiration from a key', since: '2.2.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const slot = db.lookupWriteAt(args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY || db.expireAt(slot) === 0) return reply.int(0);
    db.setExpire(slot, 0);
    ctx.dirty(1);
    notifyArg(ctx, N.GENERIC, 'persist', args, 1);
    reply.int(1);
  },
}) satisfies CommandSpec;
