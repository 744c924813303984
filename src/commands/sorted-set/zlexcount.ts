// ZLEXCOUNT key min max
import { defineCommand, type CommandSpec } from '../define.js';
import { zsimple } from './zsimple.js';

export default defineCommand({
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Count the number of members in a sorted set between a given lexicographical range", "since": "2.8.9", "group": "sorted-set", "complexity": "O(log(N)) with N being the number of elements in the sorted set."},
  handler(ctx, args, reply) {
    zsimple.zlexcount(ctx, args, reply);
  },
}) satisfies CommandSpec;
