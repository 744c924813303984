// BGSAVE [SCHEDULE]
// Starts a background snapshot (../../persistence/bgsave.ts): clients keep being served while it is written.
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';

export default defineCommand({
  name: 'bgsave',
  arity: -1,
  flags: ['admin', 'noscript', 'no_async_loading'],
  doc: {
    summary: 'Asynchronously save the dataset to disk',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    history: [['3.2.2', 'Added the `SCHEDULE` option.']],
  },
  handler(ctx, args, reply) {
    let schedule = false;
    if (args.count > 1) {
      if (args.count === 2 && args.is(1, 'schedule')) schedule = true;
      else return reply.error(SYNTAX);
    }
    const r = ctx.server.bgsave.command(schedule);
    if (r.error) reply.error(r.text);
    else reply.simple(r.text);
  },
}) satisfies CommandSpec;
