// QUIT
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'quit',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  doc: { summary: 'Close the connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    // The reply is written, then the connection closes (CLIENT_CLOSE_AFTER_REPLY).
    reply.ok();
    ctx.client.closeAfterReply = true;
  },
}) satisfies CommandSpec;
