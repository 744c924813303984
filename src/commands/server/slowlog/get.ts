// SLOWLOG GET [count]
import { defineCommand } from '../../define.js';
import { subcommandSyntaxError } from '../reply-helpers.js';

export default defineCommand({
  name: 'get',
  arity: -2,
  flags: ['admin', 'loading', 'stale'],
  tips: ['request_policy:all_nodes', 'nondeterministic_output'],
  doc: {
    summary: "Get the slow log's entries",
    since: '2.2.12',
    group: 'server',
    complexity: 'O(N) where N is the number of entries returned',
    history: [['4.0.0', 'Added client IP address, port and name to the reply.']],
  },
  handler(ctx, args, reply) {
    if (args.count > 3) return reply.error(subcommandSyntaxError(args.str(1), 'slowlog'));
    const entries = ctx.server.slowlog();
    let count = 10;
    if (args.count === 3) {
      const v = args.int64(2);
      if (v === null || v < -1) return reply.error('ERR count should be greater than or equal to -1');
      count = v === -1 ? entries.length : Number(v);
    }
    // Newest first: id, unix time, duration in microseconds, arguments, client address, client name.
    const n = Math.min(count, entries.length);
    reply.array(n);
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      reply.array(6);
      reply.int(e.id);
      reply.int(e.time);
      reply.int(e.durationUs);
      reply.array(e.args.length);
      for (const a of e.args) reply.bulkStr(a);
      reply.bulkStr(e.addr);
      reply.bulkStr(e.name);
    }
  },
});
