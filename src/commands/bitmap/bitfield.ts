// BITFIELD key [GET encoding offset | [OVERFLOW WRAP | SAT | FAIL] SET encoding offset value | INCRBY encoding offset increment ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { bitfieldGeneric } from './bitfield-generic.js';

export default defineCommand({
  name: 'bitfield',
  arity: -2,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    rangeKeySpec(['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'], 1, 0, 1, 0, 'This command allows both access and modification of the key'),
  ],
  doc: { summary: 'Perform arbitrary bitfield integer operations on strings', since: '3.2.0', group: 'bitmap', complexity: 'O(1) for each subcommand specified' },
  handler(ctx, args, reply) {
    bitfieldGeneric(ctx, args, reply, false);
  },
}) satisfies CommandSpec;
