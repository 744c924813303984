// BGREWRITEAOF
// Rewrites the append-only file in the background (../../persistence/aof/rewrite.ts).
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'bgrewriteaof',
  arity: 1,
  flags: ['admin', 'noscript', 'no_async_loading'],
  doc: { summary: 'Asynchronously rewrite the append-only file', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const r = ctx.server.aofRewrite.command();
    if (r.error) reply.error(r.text);
    else reply.simple(r.text);
  },
}) satisfies CommandSpec;
