// ZCARD key
import { defineCommand, type CommandSpec } from '../define.js';
import { zsimple } from './zsimple.js';

export default defineCommand({
  name: 'zcard',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Get the number of members in a sorted set", "since": "1.2.0", "group": "sorted-set", "complexity": "O(1)"},
  handler(ctx, args, reply) {
    zsimple.zcard(ctx, args, reply);
  },
}) satisfies CommandSpec;
