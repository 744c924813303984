// SLOWLOG <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import get from './slowlog/get.js';
import help from './slowlog/help.js';
import len from './slowlog/len.js';
import reset from './slowlog/reset.js';

export default defineCommand({
  name: 'slowlog',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for slow log commands', since: '2.2.12', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [help, get, len, reset],
}) satisfies CommandSpec;
