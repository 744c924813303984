// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { blmpop } from './blocking-generic.js';

export default defineCommand({
  name: 'blmpop',
  arity: -5,
  flags: ['write', 'blocking', 'movablekeys'],
  acl: ['list'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [{ flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } }],
  doc: { summary: 'Pop elements from a list, or block until one is available', since: '7.0.0', group: 'list', complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.' },
  handler(ctx, args, reply) {
    blmpop(ctx, args, reply);
  },
}) satisfies CommandSpec;
