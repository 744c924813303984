// ZUNION numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]
import { defineCommand, type CommandSpec } from '../define.js';
import { zsetOpGeneric, UNION } from './zsetop-generic.js';

export default defineCommand({
  name: 'zunion',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
  ],
  doc: {"summary": "Add multiple sorted sets", "since": "6.2.0", "group": "sorted-set", "complexity": "O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 1, UNION, false, false, 'zunion');
  },
}) satisfies CommandSpec;
