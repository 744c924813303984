// TYPE key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_KEY, TYPE_NAMES } from '../../engine/status.js';

export default defineCommand({
  name: 'type',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Determine the type stored at key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const slot = db.lookupReadAt(args.buf, args.start(1), args.end(1), false);
    reply.simple(slot === NO_KEY ? 'none' : TYPE_NAMES[db.type(slot)]);
  },
}) satisfies CommandSpec;
