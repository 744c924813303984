// PUBSUB CHANNELS [pattern]
import { defineCommand } from '../../define.js';
import { channelsGeneric } from './channels-generic.js';

export default defineCommand({
  name: 'channels',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  doc: {
    summary: 'List active channels',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)',
  },
  handler(ctx, args, reply) {
    channelsGeneric(ctx, args, reply, false);
  },
});
