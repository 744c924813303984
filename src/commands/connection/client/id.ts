// CLIENT ID
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'id',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Returns the client ID for the current connection', since: '5.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.int(ctx.client.id);
  },
});
