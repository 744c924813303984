// LMOVE source destination LEFT|RIGHT LEFT|RIGHT
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { listEnd, moveGeneric } from './list-generic.js';

export default defineCommand({
  name: 'lmove',
  arity: 5,
  flags: ['write', 'denyoom'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE']), rangeKeySpec(['RW', 'INSERT'], 2)],
  doc: { summary: 'Pop an element from a list, push it to another list and return it', since: '6.2.0', group: 'list', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const from = listEnd(args, 3);
    if (from === -1) return reply.error(SYNTAX);
    const to = listEnd(args, 4);
    if (to === -1) return reply.error(SYNTAX);
    moveGeneric(ctx, args, reply, from, to);
  },
}) satisfies CommandSpec;
