// SINTER key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SetOp, setOpGeneric } from './set-algebra.js';

export default defineCommand({
  name: 'sinter',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'], 1, -1)],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Intersect multiple sets', since: '1.0.0', group: 'set', complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' },
  handler(ctx, args, reply) {
    setOpGeneric(ctx, args, reply, SetOp.INTER, 1, -1);
  },
}) satisfies CommandSpec;
