// OBJECT FREQ key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { NO_KEY } from '../../../engine/status.js';
import { frequency, objectLookup, tracksFrequency } from './lookup.js';

export default defineCommand({
  name: 'freq',
  arity: 3,
  flags: ['readonly'],
  acl: ['keyspace'],
  firstKey: 2,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'], 2)],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Get the logarithmic access frequency counter of a Redis object', since: '4.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = objectLookup(ctx, args);
    if (slot === NO_KEY) return reply.nil();
    if (!tracksFrequency(ctx)) {
      return reply.error(
        'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
      );
    }
    reply.int(frequency(ctx, slot));
  },
});
