// LATENCY GRAPH event
import { defineCommand } from '../../define.js';
import { renderSparkline, type SparkSample } from '../../../observability/sparkline.js';

/** LATENCY_GRAPH_COLS. */
const COLUMNS = 80;

/** How long ago, as the graph labels it: 12s, 3m, 5h, 2d. */
function ago(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.trunc(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.trunc(seconds / 3600)}h`;
  return `${Math.trunc(seconds / 86400)}d`;
}

export default defineCommand({
  name: 'graph',
  arity: 3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return a latency graph for the event.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const event = args.str(2);
    const ts = ctx.server.latencyMonitor.events.get(event);
    if (ts === undefined) return reply.error(`ERR No samples available for event '${event}'`);
    const now = Math.floor(Date.now() / 1000);
    const samples: SparkSample[] = [];
    let min = 0;
    let max = 0;
    for (const [time, v] of ts.samples()) {
      if (samples.length === 0) min = max = v;
      else {
        if (v > max) max = v;
        if (v < min) min = v;
      }
      samples.push({ value: v, label: ago(now - time) });
    }
    const head = `${event} - high ${max} ms, low ${min} ms (all time high ${ts.max} ms)\n${'-'.repeat(COLUMNS)}\n`;
    reply.verbatim(head + renderSparkline(samples, COLUMNS, 4));
  },
});
