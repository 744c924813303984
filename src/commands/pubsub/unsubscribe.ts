// UNSUBSCRIBE [channel [channel ...]]
import { SubKind } from '../context.js';
import { defineCommand, type CommandSpec } from '../define.js';
import { unsubscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'unsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  doc: {
    summary: 'Stop listening for messages posted to the given channels',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a channel.',
  },
  handler(ctx, args) {
    unsubscribeGeneric(ctx, args, SubKind.CHANNEL);
  },
}) satisfies CommandSpec;
