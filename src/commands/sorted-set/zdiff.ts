// ZDIFF numkeys key [key ...] [WITHSCORES]
import { defineCommand, type CommandSpec } from '../define.js';
import { zsetOpGeneric, DIFF } from './zsetop-generic.js';

export default defineCommand({
  name: 'zdiff',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
  ],
  doc: {"summary": "Subtract multiple sorted sets", "since": "6.2.0", "group": "sorted-set", "complexity": "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set."},
  handler(ctx, args, reply) {
    zsetOpGeneric(ctx, args, reply, 1, DIFF, false, false, 'zdiff');
  },
}) satisfies CommandSpec;
