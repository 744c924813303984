// SETEX key seconds value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SET_EX, setGeneric } from './set-generic.js';

export default defineCommand({
  name: 'setex',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'UPDATE'])],
  doc: { summary: 'Set the value and expiration of a key', since: '2.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    setGeneric(ctx, args, reply, SET_EX, 2, 3, 'setex', true);
  },
}) satisfies CommandSpec;
