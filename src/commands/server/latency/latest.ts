// LATENCY LATEST
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'latest',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return the latest latency samples for all events.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const events = ctx.server.latencyMonitor.events;
    reply.array(events.size);
    for (const [name, ts] of events) {
      const last = ts.last;
      reply.array(4);
      reply.bulkStr(name);
      reply.int(ts.times[last]!);
      reply.int(ts.latencies[last]!);
      reply.int(ts.max);
    }
  },
});
