// RPOPLPUSH source destination
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { moveGeneric } from './list-generic.js';
import { LIST_HEAD, LIST_TAIL } from '../../engine/types/list.js';

export default defineCommand({
  name: 'rpoplpush',
  arity: 3,
  flags: ['write', 'denyoom'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE']), rangeKeySpec(['RW', 'INSERT'], 2)],
  doc: { summary: 'Remove the last element in a list, prepend it to another list and return it', since: '1.2.0', group: 'list', complexity: 'O(1)', docFlags: ['deprecated'], deprecatedSince: '6.2.0', replacedBy: '`LMOVE` with the `RIGHT` and `LEFT` arguments' },
  handler(ctx, args, reply) {
    moveGeneric(ctx, args, reply, LIST_TAIL, LIST_HEAD);
  },
}) satisfies CommandSpec;
