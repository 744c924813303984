// CLIENT NO-EVICT <ON | OFF>
import { defineCommand } from '../../define.js';
import { SYNTAX } from '../../errors.js';

export default defineCommand({
  name: 'no-evict',
  arity: 3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Set client eviction mode for the current connection', since: '7.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    if (args.is(2, 'on')) ctx.client.noEvict = true;
    else if (args.is(2, 'off')) ctx.client.noEvict = false;
    else return reply.error(SYNTAX);
    reply.ok();
  },
});
