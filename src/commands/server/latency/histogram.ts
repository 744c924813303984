// LATENCY HISTOGRAM [command ...]
import { defineCommand } from '../../define.js';
import type { Reply } from '../../reply.js';
import type { CommandEntry } from '../../table.js';
import { cumulativeBuckets, type LatencyHistogram } from '../../../observability/latency-histogram.js';

/** fillCommandCDF(): calls, then histogram_usec as a map of microseconds to cumulative counts. */
function replyCdf(reply: Reply, h: LatencyHistogram): void {
  reply.map(2);
  reply.bulkStr('calls');
  reply.int(h.total);
  reply.bulkStr('histogram_usec');
  const buckets = cumulativeBuckets(h);
  reply.map(buckets.length);
  for (const [us, count] of buckets) {
    reply.int(us);
    reply.int(count);
  }
}

export default defineCommand({
  name: 'histogram',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return the cumulative distribution of latencies of a subset of commands or all.', since: '7.0.0', group: 'server', complexity: 'O(N) where N is the number of commands with latency information being retrieved.' },
  handler(ctx, args, reply) {
    const table = ctx.server.table;
    let picked: CommandEntry[] = [];
    if (args.count === 2) picked = table.everyEntry();
    else {
      // lookupCommandBySds(): a name, or container|sub; unknown names are skipped; a container brings its subcommands.
      for (let i = 2; i < args.count; i++) {
        const e = table.byName(args.str(i));
        if (e === undefined) continue;
        picked.push(...(e.parent === null ? e.withSubcommands() : [e]));
      }
    }
    const rows = picked.filter((e) => e.latency !== null);
    reply.map(rows.length);
    for (const e of rows) {
      reply.bulkStr(e.fullName);
      replyCdf(reply, e.latency!);
    }
  },
});
