// HGETALL key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WITH_FIELDS, WITH_VALUES, hgetallGeneric } from './hgetall-generic.js';

export default defineCommand({
  name: 'hgetall',
  arity: 2,
  flags: ['readonly'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Get all the fields and values in a hash', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the size of the hash.' },
  handler(ctx, args, reply) {
    hgetallGeneric(ctx, args, reply, WITH_FIELDS | WITH_VALUES);
  },
}) satisfies CommandSpec;
