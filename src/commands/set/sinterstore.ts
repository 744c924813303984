// SINTERSTORE destination key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SetOp, setOpGeneric } from './set-algebra.js';

export default defineCommand({
  name: 'sinterstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['set'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE']), rangeKeySpec(['RO', 'ACCESS'], 2, -1)],
  doc: { summary: 'Intersect multiple sets and store the resulting set in a key', since: '1.0.0', group: 'set', complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.' },
  handler(ctx, args, reply) {
    setOpGeneric(ctx, args, reply, SetOp.INTER, 2, 1);
  },
}) satisfies CommandSpec;
