// CONFIG <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import get from './config/get.js';
import help from './config/help.js';
import resetstat from './config/resetstat.js';
import rewrite from './config/rewrite.js';
import set from './config/set.js';

export default defineCommand({
  name: 'config',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for server configuration commands', since: '2.0.0', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [rewrite, get, resetstat, help, set],
}) satisfies CommandSpec;
