// CLIENT REPLY <ON | OFF | SKIP>
import { defineCommand } from '../../define.js';
import { ReplyMode } from '../../context.js';
import { SYNTAX } from '../../errors.js';

export default defineCommand({
  name: 'reply',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Instruct the server whether to reply to commands', since: '3.2.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    if (args.is(2, 'on')) {
      ctx.client.setReplyMode(ReplyMode.ON);
      reply.ok();
    } else if (args.is(2, 'off')) {
      // No reply: from now on replies are dropped.
      ctx.client.setReplyMode(ReplyMode.OFF);
    } else if (args.is(2, 'skip')) {
      // No reply, and the next command's reply is dropped (ignored while OFF).
      ctx.client.setReplyMode(ReplyMode.SKIP);
    } else {
      reply.error(SYNTAX);
    }
  },
});
