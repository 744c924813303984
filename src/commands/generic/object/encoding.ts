// OBJECT ENCODING key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { ENCODING_NAMES, Encoding, KeyType, NO_KEY } from '../../../engine/status.js';
import { objectLookup } from './lookup.js';

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
    // Redis 7.0 reports every list as a quicklist; a small one is a listpack blob here.
    const enc = ctx.db.type(slot) === KeyType.LIST ? Encoding.QUICKLIST : ctx.db.encoding(slot);
    reply.bulkStr(ENCODING_NAMES[enc]!);
  },
});
