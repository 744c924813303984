// MSETNX key value [key value ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { msetGeneric } from './mset-generic.js';

export default defineCommand({
  name: 'msetnx',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 2,
  keySpecs: [rangeKeySpec(['OW', 'INSERT'], 1, -1, 2, 0)],
  tips: ['request_policy:multi_shard', 'response_policy:agg_min'],
  doc: { summary: 'Set multiple keys to multiple values, only if none of the keys exist', since: '1.0.1', group: 'string', complexity: 'O(N) where N is the number of keys to set.' },
  handler(ctx, args, reply) {
    msetGeneric(ctx, args, reply, true);
  },
}) satisfies CommandSpec;
