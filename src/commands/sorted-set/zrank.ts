// ZRANK key member
import { defineCommand, type CommandSpec } from '../define.js';
import { zsimple } from './zsimple.js';

export default defineCommand({
  name: 'zrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Determine the index of a member in a sorted set", "since": "2.0.0", "group": "sorted-set", "complexity": "O(log(N))"},
  handler(ctx, args, reply) {
    zsimple.zrank(ctx, args, reply);
  },
}) satisfies CommandSpec;
