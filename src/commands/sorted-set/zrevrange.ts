// ZREVRANGE key start stop [WITHSCORES]
import { defineCommand, type CommandSpec } from '../define.js';
import { zrangeGeneric, RANK, REVERSE } from './zrange-generic.js';

export default defineCommand({
  name: 'zrevrange',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Return a range of members in a sorted set, by index, with scores ordered from high to low", "since": "1.2.0", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.", "docFlags": ["deprecated"], "deprecatedSince": "6.2.0", "replacedBy": "`ZRANGE` with the `REV` argument"},
  handler(ctx, args, reply) {
    zrangeGeneric(ctx, args, reply, 1, false, RANK, REVERSE);
  },
}) satisfies CommandSpec;
