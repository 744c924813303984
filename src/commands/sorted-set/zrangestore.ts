// ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]
import { defineCommand, type CommandSpec } from '../define.js';
import { zrangeGeneric, AUTO } from './zrange-generic.js';

export default defineCommand({
  name: 'zrangestore',
  arity: -5,
  flags: ['write', 'denyoom'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [
    { flags: ['OW', 'UPDATE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Store a range of members from sorted set into another key", "since": "6.2.0", "group": "sorted-set", "complexity": "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key."},
  handler(ctx, args, reply) {
    zrangeGeneric(ctx, args, reply, 2, true, AUTO, AUTO);
  },
}) satisfies CommandSpec;
