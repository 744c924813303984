// OBJECT REFCOUNT key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { Encoding, NO_KEY } from '../../../engine/status.js';
import { lruOrLfuPolicy, objectLookup } from './lookup.js';

/** Redis's OBJ_SHARED_REFCOUNT: the refcount of its shared integer objects. */
const OBJ_SHARED_REFCOUNT = 2147483647;
/** OBJ_SHARED_INTEGERS: 0..9999 are shared. */
const OBJ_SHARED_INTEGERS = 10000;

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
    // Values are never shared here; report what Redis would have for an int
    // stored now: a shared integer unless maxmemory is set with an LRU/LFU
    // policy. COPY stores its ints as bigints: Redis's copies are unshared.
    const db = ctx.db;
    if (db.encoding(slot) === Encoding.INT) {
      const v = db.stringValue(slot);
      const shareable = ctx.server.config.getNumber('maxmemory') === 0 || !lruOrLfuPolicy(ctx);
      if (shareable && typeof v === 'number' && v >= 0 && v < OBJ_SHARED_INTEGERS) return reply.int(OBJ_SHARED_REFCOUNT);
    }
    reply.int(1);
  },
});
