// CLIENT SETNAME connection-name
import { defineCommand } from '../../define.js';
import { BAD_CLIENT_NAME, validClientName } from '../auth-check.js';

export default defineCommand({
  name: 'setname',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Set the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const name = args.str(2);
    if (!validClientName(name)) return reply.error(BAD_CLIENT_NAME);
    // An empty name removes the name.
    ctx.client.name = name;
    reply.ok();
  },
});
