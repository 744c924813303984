// DBSIZE
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'dbsize',
  arity: 1,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  tips: ['request_policy:all_shards', 'response_policy:agg_sum'],
  doc: { summary: 'Return the number of keys in the selected database', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    // Keys that expired but were not collected yet count, as in Redis.
    reply.int(ctx.db.size);
  },
}) satisfies CommandSpec;
