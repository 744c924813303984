// DISCARD
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'discard',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  doc: { summary: 'Discard all commands issued after MULTI', since: '2.0.0', group: 'transactions', complexity: 'O(N), when N is the number of queued commands' },
  handler(ctx, _args, reply) {
    if (!ctx.client.tx.active) return reply.error('ERR DISCARD without MULTI');
    ctx.client.tx.discard();
    reply.ok();
  },
}) satisfies CommandSpec;
