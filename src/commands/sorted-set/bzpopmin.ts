// BZPOPMIN key [key ...] timeout
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { bzpopMinMax } from './bzpop-generic.js';

export default defineCommand({
  name: 'bzpopmin',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: -2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE'], 1, -2)],
  doc: {
    summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    history: [['6.0.0', '`timeout` is interpreted as a double instead of an integer.']],
  },
  handler(ctx, args, reply) {
    bzpopMinMax(ctx, args, reply, false);
  },
}) satisfies CommandSpec;
