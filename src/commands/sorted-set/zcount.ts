// ZCOUNT key min max
import { defineCommand, type CommandSpec } from '../define.js';
import { zsimple } from './zsimple.js';

export default defineCommand({
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Count the members in a sorted set with scores within the given values", "since": "2.0.0", "group": "sorted-set", "complexity": "O(log(N)) with N being the number of elements in the sorted set."},
  handler(ctx, args, reply) {
    zsimple.zcount(ctx, args, reply);
  },
}) satisfies CommandSpec;
