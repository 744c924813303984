// OBJECT IDLETIME key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { NO_KEY } from '../../../engine/status.js';
import { idleSeconds, lfuPolicy, objectLookup } from './lookup.js';

export default defineCommand({
  name: 'idletime',
  arity: 3,
  flags: ['readonly'],
  acl: ['keyspace'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 2)],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Get the time since a Redis object was last accessed', since: '2.2.3', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = objectLookup(ctx, args);
    if (slot === NO_KEY) return reply.nil();
    if (lfuPolicy(ctx)) {
      return reply.error(
        'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
      );
    }
    reply.int(idleSeconds(ctx, slot));
  },
});
