// LREM key count element
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listRemove } from '../../engine/types/list.js';
import { listFill, longArg } from './list-generic.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export default defineCommand({
  name: 'lrem',
  arity: 4,
  flags: ['write'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'DELETE'])],
  doc: { summary: 'Remove elements from a list', since: '1.0.0', group: 'list', complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.' },
  handler(ctx, args, reply) {
    const count = longArg(args, 2, reply);
    if (count === null) return;
    const db = ctx.db;
    const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const removed = listRemove(db, pos, count, args.buf, args.start(3), args.end(3), listFill(ctx));
    if (removed > 0) {
      ctx.dirty(removed);
      notifyArg(ctx, N.LIST, 'lrem', args, 1);
      notifyDelIfGone(ctx, args, 1);
    }
    reply.int(removed);
  },
}) satisfies CommandSpec;
