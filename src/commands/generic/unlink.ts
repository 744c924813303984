// UNLINK key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { delGeneric } from './del-generic.js';

export default defineCommand({
  name: 'unlink',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RM', 'DELETE'], 1, -1)],
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  doc: {
    summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
    since: '4.0.0',
    group: 'generic',
    complexity:
      'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
  },
  handler: delGeneric,
}) satisfies CommandSpec;
