// ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]
import { defineCommand, type CommandSpec } from '../define.js';
import { zrangeGeneric, AUTO } from './zrange-generic.js';

export default defineCommand({
  name: 'zrange',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Return a range of members in a sorted set", "since": "1.2.0", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.", "history": [["6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options."]]},
  handler(ctx, args, reply) {
    zrangeGeneric(ctx, args, reply, 1, false, AUTO, AUTO);
  },
}) satisfies CommandSpec;
