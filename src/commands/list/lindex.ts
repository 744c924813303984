// LINDEX key index
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listLength, listRange } from '../../engine/types/list.js';
import { bulkSink, longArg } from './list-generic.js';

export default defineCommand({
  name: 'lindex',
  arity: 3,
  flags: ['readonly'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Get an element from a list by its index', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.nil();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const index = longArg(args, 2, reply);
    if (index === null) return;
    const len = listLength(db, pos);
    const i = index < 0 ? len + index : index;
    if (i < 0 || i >= len) return reply.nil();
    listRange(db, pos, i, 1, bulkSink(reply));
  },
}) satisfies CommandSpec;
