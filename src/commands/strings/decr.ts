// DECR key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { incrDecr } from './incr-generic.js';

export default defineCommand({
  name: 'decr',
  arity: 2,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Decrement the integer value of a key by one', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    incrDecr(ctx, args, reply, -1);
  },
}) satisfies CommandSpec;
