// EXPIRETIME key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand({
  name: 'expiretime',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Get the expiration Unix timestamp for a key',
    since: '7.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx, args, reply) {
    ttlGeneric(ctx, args, reply, false, true);
  },
}) satisfies CommandSpec;
