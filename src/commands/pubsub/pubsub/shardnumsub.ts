// PUBSUB SHARDNUMSUB [shardchannel [shardchannel ...]]
import { defineCommand } from '../../define.js';
import { numsubGeneric } from './channels-generic.js';

export default defineCommand({
  name: 'shardnumsub',
  arity: -2,
  flags: ['pubsub', 'loading', 'stale'],
  doc: {
    summary: 'Get the count of subscribers for shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels',
  },
  handler(ctx, args, reply) {
    numsubGeneric(ctx, args, reply, true);
  },
});
