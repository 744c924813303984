// LINSERT key BEFORE|AFTER pivot element
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listInsert } from '../../engine/types/list.js';
import { listFill } from './list-generic.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'linsert',
  arity: 5,
  flags: ['write', 'denyoom'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: { summary: 'Insert an element before or after another element in a list', since: '2.2.0', group: 'list', complexity: 'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).' },
  handler(ctx, args, reply) {
    let after: boolean;
    if (keyword(args, 2, 'after')) after = true;
    else if (keyword(args, 2, 'before')) after = false;
    else return reply.error(SYNTAX);
    const db = ctx.db;
    const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const buf = args.buf;
    const len = listInsert(db, pos, after, buf, args.start(3), args.end(3), buf, args.start(4), args.end(4), listFill(ctx));
    if (len > 0) {
      ctx.dirty(1);
      notifyArg(ctx, N.LIST, 'linsert', args, 1);
    }
    reply.int(len);
  },
}) satisfies CommandSpec;
