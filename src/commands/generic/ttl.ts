// TTL key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand({
  name: 'ttl',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Get the time to live for a key in seconds',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    history: [['2.8.0', 'Added the -2 reply.']],
  },
  handler(ctx, args, reply) {
    ttlGeneric(ctx, args, reply, false, false);
  },
}) satisfies CommandSpec;
