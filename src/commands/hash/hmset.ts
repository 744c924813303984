// HMSET key field value [field value ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { hsetGeneric } from './hset-generic.js';

export default defineCommand({
  name: 'hmset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: {
    summary: 'Set multiple hash fields to multiple values',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields being set.',
    docFlags: ['deprecated'],
    deprecatedSince: '4.0.0',
    replacedBy: '`HSET` with multiple field-value pairs',
  },
  handler(ctx, args, reply) {
    hsetGeneric(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
