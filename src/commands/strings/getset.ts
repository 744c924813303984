// GETSET key value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SET_GET, setGeneric } from './set-generic.js';

export default defineCommand({
  name: 'getset',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: {
    summary: 'Set the string value of a key and return its old value',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`SET` with the `!GET` argument',
  },
  handler(ctx, args, reply) {
    // getsetCommand(): reply with the old value (or fail on the wrong type), then setKey() clearing the TTL.
    setGeneric(ctx, args, reply, SET_GET, -1, 2, 'getset', true);
    // Propagated as SET (recorded only when the call changed the key).
    ctx.propagation?.rewrite(['SET', args.view(1), args.view(2)]);
  },
}) satisfies CommandSpec;
