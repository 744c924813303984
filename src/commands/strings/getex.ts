// GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { replyStoredString } from './string-reply.js';
import { SET_EX, SET_EXAT, SET_PERSIST, SET_PX, SET_PXAT, absoluteExpire, parseGetexOptions } from './set-generic.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'getex',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'], 1, 0, 1, 0, 'RW and UPDATE because it changes the TTL')],
  doc: { summary: 'Get the value of a key and optionally set its expiration', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    // Redis's order: option syntax, then the key (nil / WRONGTYPE), then the expire value.
    const opts = parseGetexOptions(args, reply);
    if (opts === null) return;
    const flags = opts.flags;
    const expireArg = opts.expireArg;
    const db = ctx.db;
    const slot = lookupStringAt(db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.nil();
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    let when = 0;
    if (expireArg >= 0) {
      when = absoluteExpire(ctx, args, expireArg, (flags & (SET_EX | SET_EXAT)) !== 0, (flags & (SET_EX | SET_PX)) !== 0, 'getex', reply);
      if (when < 0) return;
    }
    replyStoredString(reply, db, slot);
    if (flags & (SET_EXAT | SET_PXAT) && when <= ctx.engine.clock.now()) {
      // An absolute time already past deletes the key.
      db.removeAt(slot);
      ctx.dirty(1);
      notifyArg(ctx, N.GENERIC, 'del', args, 1);
      ctx.propagation?.rewrite(['DEL', args.view(1)]);
    } else if (expireArg >= 0) {
      db.setExpire(slot, when);
      ctx.dirty(1);
      notifyArg(ctx, N.GENERIC, 'expire', args, 1);
      ctx.propagation?.rewrite(['PEXPIREAT', args.view(1), when]);
    } else if (flags & SET_PERSIST && db.expireAt(slot) !== 0) {
      db.setExpire(slot, 0);
      ctx.dirty(1);
      notifyArg(ctx, N.GENERIC, 'persist', args, 1);
      ctx.propagation?.rewrite(['PERSIST', args.view(1)]);
    }
  },
}) satisfies CommandSpec;
