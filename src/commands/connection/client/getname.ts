// CLIENT GETNAME
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'getname',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Get the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const name = ctx.client.name;
    if (name === '') reply.nil();
    else reply.bulkStr(name);
  },
});
