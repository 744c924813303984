// LRANGE key start stop
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listLength, listRange } from '../../engine/types/list.js';
import { bulkSink, longArg } from './list-generic.js';

export default defineCommand({
  name: 'lrange',
  arity: 4,
  flags: ['readonly'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Get a range of elements from a list', since: '1.0.0', group: 'list', complexity: 'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.' },
  handler(ctx, args, reply) {
    const start = longArg(args, 2, reply);
    if (start === null) return;
    const stop = longArg(args, 3, reply);
    if (stop === null) return;
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.array(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const len = listLength(db, pos);
    let s = start < 0 ? len + start : start;
    let e = stop < 0 ? len + stop : stop;
    if (s < 0) s = 0;
    if (s > e || s >= len) return reply.array(0);
    if (e >= len) e = len - 1;
    reply.array(e - s + 1);
    listRange(db, pos, s, e - s + 1, bulkSink(reply));
  },
}) satisfies CommandSpec;
