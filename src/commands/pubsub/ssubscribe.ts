// SSUBSCRIBE shardchannel [shardchannel ...]
import { SubKind } from '../context.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { subscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'ssubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['not_key'], 1, -1)],
  doc: {
    summary: 'Listen for messages published to the given shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of shard channels to subscribe to.',
  },
  handler(ctx, args) {
    subscribeGeneric(ctx, args, SubKind.SHARD);
  },
}) satisfies CommandSpec;
