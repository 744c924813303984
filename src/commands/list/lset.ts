// LSET key index element
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_SUCH_KEY, WRONGTYPE } from '../errors.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listLength, listSet } from '../../engine/types/list.js';
import { listFill, longArg } from './list-generic.js';
import { N, notifyArg } from '../notify.js';

const INDEX_OUT_OF_RANGE = 'ERR index out of range';

export default defineCommand({
  name: 'lset',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: { summary: 'Set the value of an element in a list by its index', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.error(NO_SUCH_KEY);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const index = longArg(args, 2, reply);
    if (index === null) return;
    const len = listLength(db, pos);
    const i = index < 0 ? len + index : index;
    if (i < 0 || i >= len) return reply.error(INDEX_OUT_OF_RANGE);
    listSet(db, pos, i, args.buf, args.start(3), args.end(3), listFill(ctx));
    ctx.dirty(1);
    notifyArg(ctx, N.LIST, 'lset', args, 1);
    reply.ok();
  },
}) satisfies CommandSpec;
