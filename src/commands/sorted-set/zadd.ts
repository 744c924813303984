// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]
import { defineCommand, type CommandSpec } from '../define.js';
import { zaddGeneric } from './zadd-generic.js';

export default defineCommand({
  name: 'zadd',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['sortedset'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'UPDATE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: {"summary": "Add one or more members to a sorted set, or update its score if it already exists", "since": "1.2.0", "group": "sorted-set", "complexity": "O(log(N)) for each item added, where N is the number of elements in the sorted set.", "history": [["2.4.0", "Accepts multiple elements."], ["3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options."], ["6.2.0", "Added the `GT` and `LT` options."]]},
  handler(ctx, args, reply) {
    zaddGeneric(ctx, args, reply, 0);
  },
}) satisfies CommandSpec;
