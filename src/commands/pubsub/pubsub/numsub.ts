// PUBSUB NUMSUB [channel [channel ...]]
import { defineCommand } from '../../define.js';
import { numsubGeneric } from './channels-generic.js';

export default defineCommand({
  name: 'numsub',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  doc: {
    summary: 'Get the count of subscribers for channels',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels',
  },
  handler(ctx, args, reply) {
    numsubGeneric(ctx, args, reply, false);
  },
});
