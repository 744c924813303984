// PSUBSCRIBE pattern [pattern ...]
import { SubKind } from '../context.js';
import { defineCommand, type CommandSpec } from '../define.js';
import { subscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'psubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  doc: {
    summary: 'Listen for messages published to channels matching the given patterns',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of patterns the client is already subscribed to.',
  },
  handler(ctx, args) {
    subscribeGeneric(ctx, args, SubKind.PATTERN);
  },
}) satisfies CommandSpec;
