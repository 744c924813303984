// SMOVE source destination member
import { defineCommand, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import { parseInt64 } from '../../engine/types/int64.js';
import { acc, maxIntset, sameArg, view } from './set-common.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

export default defineCommand({
  name: 'smove',
  arity: 4,
  flags: ['write', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 2,
  keyStep: 1,
  keySpecs: [
    { flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
    { flags: ['RW', 'INSERT'], beginSearch: { type: 'index', index: 2 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } },
  ],
  doc: { summary: 'Move a member from one set to another', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const ms = args.start(3);
    const me = args.end(3);
    const src = db.lookupWriteAt(buf, args.start(1), args.end(1));
    const dst = db.lookupWriteAt(buf, args.start(2), args.end(2));
    if (src === NO_KEY) return reply.int(0);
    // Found again: expiring the destination may have moved the source's handle.
    const spos = db.findAt(buf, args.start(1), args.end(1));
    const dstExists = dst !== NO_KEY;
    if (db.type(spos) !== KeyType.SET) return reply.error(WRONGTYPE);
    if (dstExists && db.type(db.findAt(buf, args.start(2), args.end(2))) !== KeyType.SET) return reply.error(WRONGTYPE);
    if (sameArg(args, 1, 2)) return reply.int(view.load(db, spos).hasBytes(buf, ms, me) ? 1 : 0);
    const max = maxIntset(ctx);
    acc.load(db, spos, max);
    if (!acc.removeBytes(buf, ms, me)) {
      acc.discard();
      return reply.int(0);
    }
    acc.commit(db, spos);
    ctx.dirty(1);
    notifyArg(ctx, N.SET, 'srem', args, 1);
    notifyDelIfGone(ctx, args, 1);
    const dpos = dstExists ? db.findAt(buf, args.start(2), args.end(2)) : NO_KEY;
    if (dpos === NO_KEY) {
      if (parseInt64(buf, ms, me) !== null) acc.reset(max);
      else acc.resetHash(max);
      acc.addBytes(buf, ms, me);
      acc.store(db, buf, args.start(2), args.end(2));
      ctx.dirty(1);
      notifyArg(ctx, N.SET, 'sadd', args, 2);
    } else {
      acc.load(db, dpos, max);
      if (acc.addBytes(buf, ms, me)) {
        acc.commit(db, dpos);
        ctx.dirty(1);
        notifyArg(ctx, N.SET, 'sadd', args, 2);
      } else {
        acc.discard();
      }
    }
    reply.int(1);
  },
}) satisfies CommandSpec;
