// PUNSUBSCRIBE [pattern [pattern ...]]
import { SubKind } from '../context.js';
import { defineCommand, type CommandSpec } from '../define.js';
import { unsubscribeGeneric } from './subscribe-generic.js';

export default defineCommand({
  name: 'punsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  doc: {
    summary: 'Stop listening for messages posted to channels matching the given patterns',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).',
  },
  handler(ctx, args) {
    unsubscribeGeneric(ctx, args, SubKind.PATTERN);
  },
}) satisfies CommandSpec;
