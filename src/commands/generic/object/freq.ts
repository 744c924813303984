// OBJECT FREQ key
import { defineCommand, rangeKeySpec } from '../../define.js';
import { NO_KEY } from '../../../engine/status.js';
import { idleSeconds, lfuPolicy, objectLookup } from './lookup.js';

/** Redis's LFU_INIT_VAL: the counter of a new key. */
const LFU_INIT_VAL = 5;

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
    if (!lfuPolicy(ctx)) {
      return reply.error(
        'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
      );
    }
    // No LFU counters are kept: report a new key's counter, decayed by one per
    // lfu-decay-time minutes since the last access as LFUDecrAndReturn() does.
    const decay = ctx.server.config.getNumber('lfu-decay-time');
    const periods = decay > 0 ? Math.floor(idleSeconds(ctx, slot) / 60 / decay) : 0;
    reply.int(Math.max(0, LFU_INIT_VAL - periods));
  },
});
