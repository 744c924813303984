// MEMORY <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import doctor from './memory/doctor.js';
import help from './memory/help.js';
import mallocStats from './memory/malloc-stats.js';
import purge from './memory/purge.js';
import stats from './memory/stats.js';
import usage from './memory/usage.js';

export default defineCommand({
  name: 'memory',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for memory diagnostics commands', since: '4.0.0', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [doctor, help, mallocStats, purge, stats, usage],
}) satisfies CommandSpec;
