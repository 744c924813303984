// EXEC
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'exec',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
  acl: ['transaction'],
  doc: { summary: 'Execute all commands issued after MULTI', since: '1.2.0', group: 'transactions', complexity: 'Depends on commands in the transaction' },
  handler(ctx, _args, reply) {
    // The queue runs through the server's call path (src/server/multi.ts):
    // each command keeps its own stats, and runtime errors stay in the array.
    ctx.client.tx.exec(reply);
  },
}) satisfies CommandSpec;
