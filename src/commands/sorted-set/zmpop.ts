// ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { zmpop } from './zpop-generic.js';

export default defineCommand({
  name: 'zmpop',
  arity: -4,
  flags: ['write', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } },
  ],
  doc: {"summary": "Remove and return members with scores in a sorted set", "since": "7.0.0", "group": "sorted-set", "complexity": "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped."},
  handler(ctx, args, reply) {
    zmpop(ctx, args, reply);
  },
}) satisfies CommandSpec;
