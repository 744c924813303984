// SDIFFSTORE destination key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SetOp, setOpGeneric } from './set-algebra.js';

export default defineCommand({
  name: 'sdiffstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['set'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'UPDATE']), rangeKeySpec(['RO', 'ACCESS'], 2, -1)],
  doc: { summary: 'Subtract multiple sets and store the resulting set in a key', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the total number of elements in all given sets.' },
  handler(ctx, args, reply) {
    setOpGeneric(ctx, args, reply, SetOp.DIFF, 2, 1);
  },
}) satisfies CommandSpec;
