// INCRBY key increment
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER } from '../errors.js';
import { incrDecr } from './incr-generic.js';

export default defineCommand({
  name: 'incrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Increment the integer value of a key by the given amount', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const incr = args.int64(2);
    if (incr === null) return reply.error(NOT_INTEGER);
    incrDecr(ctx, args, reply, incr);
  },
}) satisfies CommandSpec;
