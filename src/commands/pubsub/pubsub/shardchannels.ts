// PUBSUB SHARDCHANNELS [pattern]
import { defineCommand } from '../../define.js';
import { channelsGeneric } from './channels-generic.js';

export default defineCommand({
  name: 'shardchannels',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  doc: {
    summary: 'List active shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).',
  },
  handler(ctx, args, reply) {
    channelsGeneric(ctx, args, reply, true);
  },
});
