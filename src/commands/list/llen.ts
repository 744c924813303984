// LLEN key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { listLength } from '../../engine/types/list.js';

export default defineCommand({
  name: 'llen',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Get the length of a list', since: '1.0.0', group: 'list', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const pos = lookupReadOf(ctx.db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(listLength(ctx.db, pos));
  },
}) satisfies CommandSpec;
