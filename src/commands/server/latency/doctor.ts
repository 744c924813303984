// LATENCY DOCTOR
import { defineCommand } from '../../define.js';
import { anonHugePagesBytes, latencyReport } from '../../../observability/latency-doctor.js';

export default defineCommand({
  name: 'doctor',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  tips: ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'],
  doc: { summary: 'Return a human readable latency analysis report.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const report = latencyReport(ctx.server.latencyMonitor, {
      slowlogSlowerThan: ctx.server.config.getNumber('slowlog-log-slower-than'),
      anonHugePages: anonHugePagesBytes(),
      nowSec: Math.floor(Date.now() / 1000),
    });
    reply.verbatim(report);
  },
});
