// PUBLISH channel message
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'publish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast'],
  mayReplicate: true,
  doc: {
    summary: 'Post a message to a channel',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).',
  },
  handler(ctx, args, reply) {
    // A RESP3 publisher subscribed to the channel gets the message before this reply, as in Redis.
    reply.int(ctx.client.pubsub.publish(false, args.view(1), args.view(2)));
  },
}) satisfies CommandSpec;
