// CLIENT UNPAUSE
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'unpause',
  arity: 2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Resume processing of clients that were paused', since: '6.2.0', group: 'connection', complexity: 'O(N) Where N is the number of paused clients' },
  handler(ctx, _args, reply) {
    ctx.server.pauseClients(0, 0);
    reply.ok();
  },
});
