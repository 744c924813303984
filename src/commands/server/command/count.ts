// COMMAND COUNT
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'count',
  arity: 2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Get total number of Redis commands', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.int(ctx.server.table.size);
  },
});
