// LTRIM key start stop
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listLength, listTrim } from '../../engine/types/list.js';
import { listFill, longArg } from './list-generic.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export default defineCommand({
  name: 'ltrim',
  arity: 4,
  flags: ['write'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'DELETE'])],
  doc: { summary: 'Trim a list to the specified range', since: '1.0.0', group: 'list', complexity: 'O(N) where N is the number of elements to be removed by the operation.' },
  handler(ctx, args, reply) {
    const start = longArg(args, 2, reply);
    if (start === null) return;
    const stop = longArg(args, 3, reply);
    if (stop === null) return;
    const db = ctx.db;
    const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.ok();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const len = listLength(db, pos);
    let s = start < 0 ? len + start : start;
    let e = stop < 0 ? len + stop : stop;
    if (s < 0) s = 0;
    let left = len;
    let right = 0;
    if (s <= e && s < len) {
      if (e >= len) e = len - 1;
      left = s;
      right = len - e - 1;
    }
    listTrim(db, pos, left, right, listFill(ctx));
    ctx.dirty(left + right);
    notifyArg(ctx, N.LIST, 'ltrim', args, 1);
    notifyDelIfGone(ctx, args, 1);
    reply.ok();
  },
}) satisfies CommandSpec;
