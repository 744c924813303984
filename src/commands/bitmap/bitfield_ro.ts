// BITFIELD_RO key [GET encoding offset [GET encoding offset ...]]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { bitfieldGeneric } from './bitfield-generic.js';

export default defineCommand({
  name: 'bitfield_ro',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD',
    since: '6.0.0',
    group: 'bitmap',
    complexity: 'O(1) for each subcommand specified',
  },
  handler(ctx, args, reply) {
    bitfieldGeneric(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
