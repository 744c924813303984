// SETRANGE key offset value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, STRING_TOO_LONG, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { stringBytes, stringLength } from '../../engine/types/string.js';
import { MAX_BUFFER, allocGrowable, extendTo } from './grow.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'setrange',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'UPDATE'])],
  doc: {
    summary: 'Overwrite part of a string at key starting at the specified offset',
    since: '2.2.0',
    group: 'string',
    complexity:
      'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
  },
  handler(ctx, args, reply) {
    const off64 = args.int64(2);
    if (off64 === null) return reply.error(NOT_INTEGER);
    if (off64 < 0) return reply.error('ERR offset is out of range');
    const db = ctx.db;
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const vlen = args.len(3);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    if (slot !== NO_KEY) {
      if (db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
      // Setting nothing answers the current length.
      if (vlen === 0) return reply.int(stringLength(db.stringValue(slot)));
    } else if (vlen === 0) {
      return reply.int(0);
    }
    // checkStringLength(): offset + length beyond proto-max-bulk-len (exact, no overflow).
    const max = ctx.server.config.getNumber('proto-max-bulk-len');
    if (typeof off64 === 'bigint' || off64 + vlen > max || off64 + vlen > MAX_BUFFER) return reply.error(STRING_TOO_LONG);
    const off = off64;
    const newEnd = off + vlen;
    let value: Buffer;
    if (slot === NO_KEY) {
      value = allocGrowable(newEnd);
      value.fill(0, 0, off);
    } else {
      const v = db.stringValue(slot);
      const old = typeof v === 'object' ? v : stringBytes(v);
      const olen = old.length;
      if (off >= olen) {
        // Only new bytes change: grow in place when possible.
        value = extendTo(old, newEnd);
        value.fill(0, olen, off);
      } else {
        // Copy on write: the old bytes may still be queued on a socket.
        value = allocGrowable(Math.max(olen, newEnd));
        old.copy(value, 0, 0, olen);
      }
    }
    kbuf.copy(value, off, args.start(3), args.end(3));
    // An existing key keeps its TTL.
    db.putAt(kbuf, ks, ke, KeyType.STRING, Encoding.RAW, value, true);
    ctx.dirty(1);
    notifyArg(ctx, N.STRING, 'setrange', args, 1);
    reply.int(value.length);
  },
}) satisfies CommandSpec;
