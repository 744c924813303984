// MULTI
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'multi',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  doc: { summary: 'Mark the start of a transaction block', since: '1.2.0', group: 'transactions', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    // Answered, not queued, and it does not flag the transaction (multiCommand()).
    if (ctx.client.tx.active) return reply.error('ERR MULTI calls can not be nested');
    ctx.client.tx.begin();
    reply.ok();
  },
}) satisfies CommandSpec;
