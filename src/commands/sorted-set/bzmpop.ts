// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { bzmpop } from './bzpop-generic.js';

export default defineCommand({
  name: 'bzmpop',
  arity: -5,
  flags: ['write', 'blocking', 'movablekeys'],
  acl: ['sortedset'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [{ flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } }],
  doc: { summary: 'Remove and return members with scores in a sorted set or block until one is available', since: '7.0.0', group: 'sorted-set', complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.' },
  handler(ctx, args, reply) {
    bzmpop(ctx, args, reply);
  },
}) satisfies CommandSpec;
