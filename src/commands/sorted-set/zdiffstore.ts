// ZDIFFSTORE destination numkeys key [key ...]
import { defineCommand, type CommandSpec } from '../define.js';
import { STORE_KEY_SPECS, zsetOpGeneric, DIFF } from './zsetop-generic.js';

export default defineCommand({
  name: 'zdiffstore',
  arity: -4,
  flags: ['write', 'denyoom', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: STORE_KEY_SPECS,
  doc: {"summary": "Subtract multiple sorted sets and store the resulting sorted set in a new key", "since": "6.2.0", "group": "sorted-set", "complexity": "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 2, DIFF, true, false, 'zdiffstore');
  },
}) satisfies CommandSpec;
