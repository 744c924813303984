// ZSCAN key cursor [MATCH pattern] [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { zscan } from './zscan-generic.js';

export default defineCommand({
  name: 'zscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  tips: ['nondeterministic_output'],
  doc: {"summary": "Incrementally iterate sorted sets elements and associated scores", "since": "2.8.0", "group": "sorted-set", "complexity": "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.."},
  handler(ctx, args, reply) {
    zscan(ctx, args, reply);
  },
}) satisfies CommandSpec;
