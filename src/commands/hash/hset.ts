// HSET key field value [field value ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { hsetGeneric } from './hset-generic.js';

export default defineCommand({
  name: 'hset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: {
    summary: 'Set the string value of a hash field',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    history: [['4.0.0', 'Accepts multiple `field` and `value` arguments.']],
  },
  handler(ctx, args, reply) {
    hsetGeneric(ctx, args, reply, false);
  },
}) satisfies CommandSpec;
