// OBJECT ENCODING key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { NO_KEY } from '../../../engine/status.js';
import { encodingName, objectLookup } from './lookup.js';

export default defineCommand({
  name: 'encoding',
  arity: 3,
  flags: ['readonly'],
  acl: ['keyspace'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 2)],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Inspect the internal encoding of a Redis object', since: '2.2.3', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = objectLookup(ctx, args);
    if (slot === NO_KEY) return reply.nil();
    reply.bulkStr(encodingName(ctx, slot));
  },
});
