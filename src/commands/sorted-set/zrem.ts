// ZREM key member [member ...]
import { defineCommand, type CommandSpec } from '../define.js';
import { zsimple } from './zsimple.js';

export default defineCommand({
  name: 'zrem',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Remove one or more members from a sorted set", "since": "1.2.0", "group": "sorted-set", "complexity": "O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.", "history": [["2.4.0", "Accepts multiple elements."]]},
  handler(ctx, args, reply) {
    zsimple.zrem(ctx, args, reply);
  },
}) satisfies CommandSpec;
