// LATENCY RESET [event ...]
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'reset',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  doc: { summary: 'Reset latency data for one or more events.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const names: string[] = [];
    for (let i = 2; i < args.count; i++) names.push(args.str(i));
    reply.int(ctx.server.latencyMonitor.reset(args.count === 2 ? null : names));
  },
});
