// SDIFF key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SetOp, setOpGeneric } from './set-algebra.js';

export default defineCommand({
  name: 'sdiff',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'], 1, -1)],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Subtract multiple sets', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the total number of elements in all given sets.' },
  handler(ctx, args, reply) {
    setOpGeneric(ctx, args, reply, SetOp.DIFF, 1, -1);
  },
}) satisfies CommandSpec;
