// SETNX key value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SET_NX, setGeneric } from './set-generic.js';

export default defineCommand({
  name: 'setnx',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'INSERT'])],
  doc: { summary: 'Set the value of a key, only if the key does not exist', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    setGeneric(ctx, args, reply, SET_NX, -1, 2, 'setnx', false);
  },
}) satisfies CommandSpec;
