// SLOWLOG LEN
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'len',
  arity: 2,
  flags: ['admin', 'loading', 'stale'],
  tips: ['request_policy:all_nodes', 'response_policy:agg_sum', 'nondeterministic_output'],
  doc: { summary: "Get the slow log's length", since: '2.2.12', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.int(ctx.server.slowlog().length);
  },
});
