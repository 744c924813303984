// TOUCH key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_KEY } from '../../engine/status.js';

export default defineCommand({
  name: 'touch',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 1, -1)],
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  doc: {
    summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
    since: '3.2.1',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be touched.',
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    let n = 0;
    for (let i = 1; i < args.count; i++) {
      if (db.lookupReadAt(args.buf, args.start(i), args.end(i)) !== NO_KEY) n++;
    }
    reply.int(n);
  },
}) satisfies CommandSpec;
