// PTTL key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { ttlGeneric } from './ttl-generic.js';

export default defineCommand({
  name: 'pttl',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Get the time to live for a key in milliseconds',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1)',
    history: [['2.8.0', 'Added the -2 reply.']],
  },
  handler(ctx, args, reply) {
    ttlGeneric(ctx, args, reply, true, false);
  },
}) satisfies CommandSpec;
