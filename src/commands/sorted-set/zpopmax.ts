// ZPOPMAX key [count]
import { defineCommand, type CommandSpec } from '../define.js';
import { zpopMinMax } from './zpop-generic.js';

export default defineCommand({
  name: 'zpopmax',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Remove and return members with the highest scores in a sorted set", "since": "5.0.0", "group": "sorted-set", "complexity": "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped."},
  handler(ctx, args, reply) {
    zpopMinMax(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
