// ZREMRANGEBYRANK key start stop
import { defineCommand, type CommandSpec } from '../define.js';
import { zremrangeGeneric, RANK } from './zremrange-generic.js';

export default defineCommand({
  name: 'zremrangebyrank',
  arity: 4,
  flags: ['write'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Remove all members in a sorted set within the given indexes", "since": "2.0.0", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation."},
  handler(ctx, args, reply) {
    zremrangeGeneric(ctx, args, reply, RANK);
  },
}) satisfies CommandSpec;
