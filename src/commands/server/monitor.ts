// MONITOR
import { defineCommand, type CommandSpec } from '../define.js';
import { clientFlags } from '../connection/client-type.js';

export default defineCommand({
  name: 'monitor',
  arity: 1,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  doc: { summary: 'Listen for all requests received by the server in real time', since: '1.0.0', group: 'server' },
  handler(ctx, _args, reply) {
    // A client already in monitor mode gets no reply, as in Redis.
    if (clientFlags(ctx.client).includes('O')) return;
    ctx.client.startMonitor();
    reply.ok();
  },
}) satisfies CommandSpec;
