// DECRBY key decrement
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER } from '../errors.js';
import { incrDecr } from './incr-generic.js';

const INT64_MIN = -9223372036854775808n;

export default defineCommand({
  name: 'decrby',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Decrement the integer value of a key by the given number', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const decr = args.int64(2);
    if (decr === null) return reply.error(NOT_INTEGER);
    // Negating LLONG_MIN would overflow (Redis checks this before the key).
    if (decr === INT64_MIN) return reply.error('ERR decrement would overflow');
    incrDecr(ctx, args, reply, -decr);
  },
}) satisfies CommandSpec;
