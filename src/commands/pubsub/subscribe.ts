// SUBSCRIBE channel [channel ...]
import { SubKind } from '../context.js';
import { defineCommand, type CommandSpec } from '../define.js';
import { subscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'subscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  doc: {
    summary: 'Listen for messages published to the given channels',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of channels to subscribe to.',
  },
  handler(ctx, args) {
    subscribeGeneric(ctx, args, SubKind.CHANNEL);
  },
}) satisfies CommandSpec;
