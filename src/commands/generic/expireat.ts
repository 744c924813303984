// EXPIREAT key unix-time-seconds [NX | XX | GT | LT]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { expireGeneric } from './expire-generic.js';

export default defineCommand({
  name: 'expireat',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: {
    summary: 'Set the expiration for a key as a UNIX timestamp',
    since: '1.2.0',
    group: 'generic',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added options: `NX`, `XX`, `GT` and `LT`.']],
  },
  handler(ctx, args, reply) {
    expireGeneric(ctx, args, reply, false, true, 'expireat');
  },
}) satisfies CommandSpec;
