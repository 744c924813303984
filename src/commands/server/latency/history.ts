// LATENCY HISTORY event
import { defineCommand } from '../../define.js';
import { SERIES_LEN } from '../../../observability/latency-monitor.js';

export default defineCommand({
  name: 'history',
  arity: 3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return timestamp-latency samples for the event.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const ts = ctx.server.latencyMonitor.events.get(args.str(2));
    if (ts === undefined) return reply.array(0);
    // Oldest first, from the slot after the newest.
    let n = 0;
    for (let j = 0; j < SERIES_LEN; j++) if (ts.times[j] !== 0) n++;
    reply.array(n);
    for (let j = 0; j < SERIES_LEN; j++) {
      const i = (ts.idx + j) % SERIES_LEN;
      if (ts.times[i] === 0) continue;
      reply.array(2);
      reply.int(ts.times[i]!);
      reply.int(ts.latencies[i]!);
    }
  },
});
