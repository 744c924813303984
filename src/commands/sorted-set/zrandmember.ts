// ZRANDMEMBER key [count [WITHSCORES]]
import { defineCommand, type CommandSpec } from '../define.js';
import { zrandmember } from './zrandmember-generic.js';

export default defineCommand({
  name: 'zrandmember',
  arity: -2,
  flags: ['readonly'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  tips: ['nondeterministic_output'],
  doc: {"summary": "Get one or multiple random elements from a sorted set", "since": "6.2.0", "group": "sorted-set", "complexity": "O(N) where N is the number of elements returned"},
  handler(ctx, args, reply) {
    zrandmember(ctx, args, reply);
  },
}) satisfies CommandSpec;
