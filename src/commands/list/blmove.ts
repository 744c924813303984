// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { listEnd } from './list-generic.js';
import { blockingMove } from './blocking-generic.js';

export default defineCommand({
  name: 'blmove',
  arity: 6,
  flags: ['write', 'denyoom', 'noscript', 'blocking'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE']), rangeKeySpec(['RW', 'INSERT'], 2)],
  doc: { summary: 'Pop an element from a list, push it to another list and return it; or block until one is available', since: '6.2.0', group: 'list', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const from = listEnd(args, 3);
    if (from === -1) return reply.error(SYNTAX);
    const to = listEnd(args, 4);
    if (to === -1) return reply.error(SYNTAX);
    blockingMove(ctx, args, reply, from, to, 5);
  },
}) satisfies CommandSpec;
