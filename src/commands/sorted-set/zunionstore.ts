// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]
import { defineCommand, type CommandSpec } from '../define.js';
import { STORE_KEY_SPECS, zsetOpGeneric, UNION } from './zsetop-generic.js';

export default defineCommand({
  name: 'zunionstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: STORE_KEY_SPECS,
  doc: {"summary": "Add multiple sorted sets and store the resulting sorted set in a new key", "since": "2.0.0", "group": "sorted-set", "complexity": "O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 2, UNION, true, false, 'zunionstore');
  },
}) satisfies CommandSpec;
