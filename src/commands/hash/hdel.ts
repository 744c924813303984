// HDEL key field [field ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { hashDelete } from '../../engine/types/hash.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export default defineCommand({
  name: 'hdel',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'DELETE'])],
  doc: {
    summary: 'Delete one or more hash fields',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields to be removed.',
    history: [['2.4.0', 'Accepts multiple `field` arguments.']],
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupWriteOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    // The key goes when its last field does; a listpack never converts back.
    const removed = hashDelete(db, pos, args.buf, args.offs, args.lens, 2, args.count);
    if (removed > 0) {
      ctx.dirty(removed);
      notifyArg(ctx, N.HASH, 'hdel', args, 1);
      notifyDelIfGone(ctx, args, 1);
    }
    reply.int(removed);
  },
}) satisfies CommandSpec;
