// SUNSUBSCRIBE [shardchannel [shardchannel ...]]
import { SubKind } from '../context.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { unsubscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'sunsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['not_key'], 1, -1)],
  doc: {
    summary: 'Stop listening for messages posted to the given shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.',
  },
  handler(ctx, args) {
    unsubscribeGeneric(ctx, args, SubKind.SHARD);
  },
}) satisfies CommandSpec;
