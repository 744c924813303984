// UNWATCH
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'unwatch',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  doc: { summary: 'Forget about all watched keys', since: '2.2.0', group: 'transactions', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    ctx.client.tx.unwatch();
    reply.ok();
  },
}) satisfies CommandSpec;
