// OBJECT REFCOUNT key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { NO_KEY } from '../../../engine/status.js';
import { objectLookup, refcount } from './lookup.js';

export default defineCommand({
  name: 'refcount',
  arity: 3,
  flags: ['readonly'],
  acl: ['keyspace'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 2)],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Get the number of references to the value of the key', since: '2.2.3', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = objectLookup(ctx, args);
    if (slot === NO_KEY) return reply.nil();
    reply.int(refcount(ctx, slot));
  },
});
