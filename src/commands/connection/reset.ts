// RESET
import { ReplyMode } from '../context.js';
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'reset',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  doc: { summary: 'Reset the connection', since: '6.2.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    // Like clearClientConnectionState(): db 0, RESP2, no name, replies on,
    // monitor off, default authentication. The +RESET itself is always sent,
    // even by a client that had CLIENT REPLY OFF.
    ctx.client.reset();
    ctx.client.setReplyMode(ReplyMode.ON);
    reply.simple('RESET');
  },
}) satisfies CommandSpec;
