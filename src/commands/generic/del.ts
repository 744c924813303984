// DEL key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { delGeneric } from './del-generic.js';

export default defineCommand({
  name: 'del',
  arity: -2,
  flags: ['write'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RM', 'DELETE'], 1, -1)],
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  doc: {
    summary: 'Delete a key',
    since: '1.0.0',
    group: 'generic',
    complexity:
      'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
  },
  handler: delGeneric,
}) satisfies CommandSpec;
