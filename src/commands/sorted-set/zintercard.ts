// ZINTERCARD numkeys key [key ...] [LIMIT limit]
import { defineCommand, type CommandSpec } from '../define.js';
import { zsetOpGeneric, INTER } from './zsetop-generic.js';

export default defineCommand({
  name: 'zintercard',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
  ],
  doc: {"summary": "Intersect multiple sorted sets and return the cardinality of the result", "since": "7.0.0", "group": "sorted-set", "complexity": "O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 1, INTER, false, true, 'zintercard');
  },
}) satisfies CommandSpec;
