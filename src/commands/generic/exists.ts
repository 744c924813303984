// EXISTS key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_KEY } from '../../engine/status.js';

export default defineCommand({
  name: 'exists',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 1, -1)],
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  doc: {
    summary: 'Determine if a key exists',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys to check.',
    history: [['3.0.3', 'Accepts multiple `key` arguments.']],
  },
  handler(ctx, args, reply) {
    // Each argument counts, repeated keys too; a lookup without touching the access time.
    const db = ctx.db;
    let n = 0;
    for (let i = 1; i < args.count; i++) {
      if (db.lookupReadAt(args.buf, args.start(i), args.end(i), false) !== NO_KEY) n++;
    }
    reply.int(n);
  },
}) satisfies CommandSpec;
