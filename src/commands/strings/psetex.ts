// PSETEX key milliseconds value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SET_PX, setGeneric } from './set-generic.js';

export default defineCommand({
  name: 'psetex',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'UPDATE'])],
  doc: { summary: 'Set the value and expiration in milliseconds of a key', since: '2.6.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    setGeneric(ctx, args, reply, SET_PX, 2, 3, 'psetex', true);
  },
}) satisfies CommandSpec;
