// ZINTER numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]
import { defineCommand, type CommandSpec } from '../define.js';
import { zsetOpGeneric, INTER } from './zsetop-generic.js';

export default defineCommand({
  name: 'zinter',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
  ],
  doc: {"summary": "Intersect multiple sorted sets", "since": "6.2.0", "group": "sorted-set", "complexity": "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 1, INTER, false, false, 'zinter');
  },
}) satisfies CommandSpec;
