// PUBSUB HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../../server/reply-helpers.js';

const LINES = [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  doc: { summary: 'Show helpful text about the different subcommands', since: '6.2.0', group: 'pubsub', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'pubsub', LINES);
  },
});
