// CLIENT INFO
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'info',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Returns information about the current client connection.', since: '6.2.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.verbatim(ctx.client.describe() + '\n', 'txt');
  },
});
