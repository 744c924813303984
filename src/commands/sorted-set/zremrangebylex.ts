// ZREMRANGEBYLEX key min max
import { defineCommand, type CommandSpec } from '../define.js';
import { zremrangeGeneric, LEX } from './zremrange-generic.js';

export default defineCommand({
  name: 'zremrangebylex',
  arity: 4,
  flags: ['write'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Remove all members in a sorted set between the given lexicographical range", "since": "2.8.9", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation."},
  handler(ctx, args, reply) {
    zremrangeGeneric(ctx, args, reply, LEX);
  },
}) satisfies CommandSpec;
