// PUBSUB <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import channels from './pubsub/channels.js';
import help from './pubsub/help.js';
import numpat from './pubsub/numpat.js';
import numsub from './pubsub/numsub.js';
import shardchannels from './pubsub/shardchannels.js';
import shardnumsub from './pubsub/shardnumsub.js';

export default defineCommand({
  name: 'pubsub',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for Pub/Sub commands', since: '2.8.0', group: 'pubsub', complexity: 'Depends on subcommand.' },
  subcommands: [channels, help, numpat, numsub, shardchannels, shardnumsub],
}) satisfies CommandSpec;
