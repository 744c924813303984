// SPUBLISH shardchannel message
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'spublish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast'],
  mayReplicate: true,
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['not_key'])],
  doc: {
    summary: 'Post a message to a shard channel',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
  },
  handler(ctx, args, reply) {
    reply.int(ctx.client.pubsub.publish(true, args.view(1), args.view(2)));
  },
}) satisfies CommandSpec;
