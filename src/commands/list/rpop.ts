// RPOP key [count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { popGeneric } from './list-generic.js';
import { LIST_TAIL } from '../../engine/types/list.js';

export default defineCommand({
  name: 'rpop',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE'])],
  doc: { summary: 'Remove and get the last elements in a list', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements returned', history: [['6.2.0', 'Added the `count` argument.']] },
  handler(ctx, args, reply) {
    popGeneric(ctx, args, reply, LIST_TAIL);
  },
}) satisfies CommandSpec;
