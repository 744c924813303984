// SLOWLOG RESET
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'reset',
  arity: 2,
  flags: ['admin', 'loading', 'stale'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  doc: { summary: 'Clear all entries from the slow log', since: '2.2.12', group: 'server', complexity: 'O(N) where N is the number of entries in the slowlog' },
  handler(ctx, _args, reply) {
    // Entry ids keep counting after a reset, as in Redis.
    ctx.server.slowlogReset();
    reply.ok();
  },
});
