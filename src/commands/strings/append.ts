// APPEND key value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { STRING_TOO_LONG, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { putStringAt, stringBytes } from '../../engine/types/string.js';
import { MAX_BUFFER, extendTo } from './grow.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'append',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: {
    summary: 'Append a value to a key',
    since: '2.0.0',
    group: 'string',
    complexity:
      'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    if (slot === NO_KEY) {
      // A new key is stored as SET stores it (int, embstr or raw).
      putStringAt(db, kbuf, ks, ke, kbuf, args.start(2), args.end(2), false);
      ctx.dirty(1);
      notifyArg(ctx, N.STRING, 'append', args, 1);
      return reply.int(args.len(2));
    }
    if (db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
    const v = db.stringValue(slot);
    const old = typeof v === 'object' ? v : stringBytes(v);
    const add = args.len(2);
    const total = old.length + add;
    if (total > ctx.server.config.getNumber('proto-max-bulk-len') || total > MAX_BUFFER) return reply.error(STRING_TOO_LONG);
    let value = old;
    if (add > 0) {
      // Grows past the old end only: the old bytes may still be queued on a socket.
      value = extendTo(old, total);
      args.buf.copy(value, old.length, args.start(2), args.end(2));
    }
    // Redis 7.0 keeps an appended string raw (dbUnshareStringValue), TTL included.
    db.putAt(kbuf, ks, ke, KeyType.STRING, Encoding.RAW, value, true);
    ctx.dirty(1);
    notifyArg(ctx, N.STRING, 'append', args, 1);
    reply.int(total);
  },
}) satisfies CommandSpec;
