// OBJECT <subcommand> [arg ...]
import { defineCommand, type CommandSpec } from '../define.js';
import encoding from './object/encoding.js';
import freq from './object/freq.js';
import help from './object/help.js';
import idletime from './object/idletime.js';
import refcount from './object/refcount.js';

export default defineCommand({
  name: 'object',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for object introspection commands', since: '2.2.3', group: 'generic', complexity: 'Depends on subcommand.' },
  subcommands: [idletime, freq, encoding, help, refcount],
}) satisfies CommandSpec;
