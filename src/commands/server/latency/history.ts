// LATENCY HISTORY event
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'history',
  arity: 3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return timestamp-latency samples for the event.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const samples = ctx.server.latencyMonitor.events.get(args.str(2))?.samples() ?? [];
    reply.array(samples.length);
    for (const [time, ms] of samples) {
      reply.array(2);
      reply.int(time);
      reply.int(ms);
    }
  },
});
