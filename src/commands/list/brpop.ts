// BRPOP key [key ...] timeout
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { LIST_TAIL } from '../../engine/types/list.js';
import { blockingPop } from './blocking-generic.js';

export default defineCommand({
  name: 'brpop',
  arity: -3,
  flags: ['write', 'noscript', 'blocking'],
  acl: ['list'],
  firstKey: 1,
  lastKey: -2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE'], 1, -2)],
  doc: {
    summary: 'Remove and get the last element in a list, or block until one is available',
    since: '2.0.0',
    group: 'list',
    complexity: 'O(N) where N is the number of provided keys.',
    history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
  },
  handler(ctx, args, reply) {
    blockingPop(ctx, args, reply, 1, args.count - 2, LIST_TAIL, -1, args.count - 1);
  },
}) satisfies CommandSpec;
