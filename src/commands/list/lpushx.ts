// LPUSHX key element [element ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { pushGeneric } from './list-generic.js';
import { LIST_HEAD } from '../../engine/types/list.js';

export default defineCommand({
  name: 'lpushx',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: { summary: 'Prepend an element to a list, only if the list exists', since: '2.2.0', group: 'list', complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.', history: [['4.0.0', 'Accepts multiple `element` arguments.']] },
  handler(ctx, args, reply) {
    pushGeneric(ctx, args, reply, LIST_HEAD, true);
  },
}) satisfies CommandSpec;
