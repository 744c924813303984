// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]
import { defineCommand, type CommandSpec } from '../define.js';
import { STORE_KEY_SPECS, zsetOpGeneric, INTER } from './zsetop-generic.js';

export default defineCommand({
  name: 'zinterstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: STORE_KEY_SPECS,
  doc: {"summary": "Intersect multiple sorted sets and store the resulting sorted set in a new key", "since": "2.0.0", "group": "sorted-set", "complexity": "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 2, INTER, true, false, 'zinterstore');
  },
}) satisfies CommandSpec;
