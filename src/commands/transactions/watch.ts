// WATCH key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'watch',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 1, -1)],
  doc: { summary: 'Watch the given keys to determine execution of the MULTI/EXEC block', since: '2.2.0', group: 'transactions', complexity: 'O(1) for every key.' },
  handler(ctx, args, reply) {
    const tx = ctx.client.tx;
    // Answered, not queued, and it does not flag the transaction (watchCommand()).
    if (tx.active) return reply.error('ERR WATCH inside MULTI is not allowed');
    for (let i = 1; i < args.count; i++) tx.watch(args.key(i));
    reply.ok();
  },
}) satisfies CommandSpec;
