// ZINCRBY key increment member
import { defineCommand, type CommandSpec } from '../define.js';
import { zaddGeneric } from './zadd-generic.js';

export default defineCommand({
  name: 'zincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'UPDATE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Increment the score of a member in a sorted set", "since": "1.2.0", "group": "sorted-set", "complexity": "O(log(N)) where N is the number of elements in the sorted set."},
  handler(ctx, args, reply) {
    zaddGeneric(ctx, args, reply, 4);
  },
}) satisfies CommandSpec;
