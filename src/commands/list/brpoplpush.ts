// BRPOPLPUSH source destination timeout
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { LIST_HEAD, LIST_TAIL } from '../../engine/types/list.js';
import { blockingMove } from './blocking-generic.js';

export default defineCommand({
  name: 'brpoplpush',
  arity: 4,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE']), rangeKeySpec(['RW', 'INSERT'], 2)],
  doc: {
    summary: 'Pop an element from a list, push it to another list and return it; or block until one is available',
    since: '2.2.0',
    group: 'list',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`BLMOVE` with the `RIGHT` and `LEFT` arguments',
    history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
  },
  handler(ctx, args, reply) {
    blockingMove(ctx, args, reply, LIST_TAIL, LIST_HEAD, 3);
  },
}) satisfies CommandSpec;
