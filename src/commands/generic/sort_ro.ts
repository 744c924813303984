// SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA]
import { defineCommand, type CommandSpec } from '../define.js';
import { sortGeneric } from './sort-generic.js';

export default defineCommand({
  name: 'sort_ro',
  arity: -2,
  flags: ['readonly', 'movablekeys'],
  acl: ['set', 'sortedset', 'list', 'dangerous'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    {
      flags: ['RO', 'ACCESS'], beginSearch: { type: 'unknown' }, findKeys: { type: 'unknown' },
      notes: "For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort",
    },
  ],
  doc: {
    summary: 'Sort the elements in a list, set or sorted set. Read-only variant of SORT.',
    since: '7.0.0',
    group: 'generic',
    complexity: 'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).',
  },
  handler(ctx, args, reply) {
    sortGeneric(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
