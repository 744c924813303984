// ZREVRANGEBYLEX key max min [LIMIT offset count]
import { defineCommand, type CommandSpec } from '../define.js';
import { zrangeGeneric, LEX, REVERSE } from './zrange-generic.js';

export default defineCommand({
  name: 'zrevrangebylex',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.", "since": "2.8.9", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).", "docFlags": ["deprecated"], "deprecatedSince": "6.2.0", "replacedBy": "`ZRANGE` with the `REV` and `BYLEX` arguments"},
  handler(ctx, args, reply) {
    zrangeGeneric(ctx, args, reply, 1, false, LEX, REVERSE);
  },
}) satisfies CommandSpec;
