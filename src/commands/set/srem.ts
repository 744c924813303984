// SREM key member [member ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { acc, maxIntset } from './set-common.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export default defineCommand({
  name: 'srem',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'DELETE'])],
  doc: {
    summary: 'Remove one or more members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the number of members to be removed.',
    history: [['2.4.0', 'Accepts multiple `member` arguments.']],
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const pos = lookupWriteOf(db, KeyType.SET, buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    acc.load(db, pos, maxIntset(ctx));
    let deleted = 0;
    for (let j = 2; j < args.count; j++) {
      if (acc.removeBytes(buf, args.start(j), args.end(j))) {
        deleted++;
        if (acc.size === 0) break;
      }
    }
    if (deleted > 0) acc.commit(db, pos);
    else acc.discard();
    ctx.dirty(deleted);
    if (deleted > 0) {
      notifyArg(ctx, N.SET, 'srem', args, 1);
      notifyDelIfGone(ctx, args, 1);
    }
    reply.int(deleted);
  },
}) satisfies CommandSpec;
