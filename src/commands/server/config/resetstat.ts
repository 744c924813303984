// CONFIG RESETSTAT
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'resetstat',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  doc: { summary: 'Reset the stats returned by INFO', since: '2.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    ctx.server.resetStats();
    reply.ok();
  },
});
