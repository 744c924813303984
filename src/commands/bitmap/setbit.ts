// SETBIT key offset value
import { N, notifyArg } from '../notify.js';
import { stringLength } from '../../engine/types/string.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { STRING_TOO_LONG, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import { StringEditor } from '../../engine/types/bitmap.js';
import { MAX_BUFFER } from '../strings/grow.js';
import { BIT_OFFSET_ERR, bitOffset } from './bit-args.js';

const BIT_ERR = 'ERR bit is not an integer or out of range';
const editor = new StringEditor();

export default defineCommand({
  name: 'setbit',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Sets or clears the bit at offset in the string value stored at key', since: '2.2.0', group: 'bitmap', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const offset = bitOffset(args, 2, ctx.server.config.getNumber('proto-max-bulk-len'));
    if (offset < 0) return reply.error(BIT_OFFSET_ERR);
    const on = args.int64(3);
    if (on !== 0 && on !== 1) return reply.error(BIT_ERR);
    const db = ctx.db;
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    if (slot !== NO_KEY && db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
    const byte = Math.floor(offset / 8);
    if (byte + 1 > MAX_BUFFER) return reply.error(STRING_TOO_LONG);
    const prevLen = slot === NO_KEY ? -1 : stringLength(db.stringValue(slot));
    const e = editor.open(db, slot, byte + 1);
    const i = e.base + byte;
    const mask = 0x80 >> offset % 8;
    const old = (e.mem[i]! & mask) !== 0 ? 1 : 0;
    if (old !== on) e.mem[i] = on ? e.mem[i]! | mask : e.mem[i]! & ~mask;
    // As Redis 7.0, only a new, grown or changed value is a write (WATCH,
    // dirty, the setbit event); a re-encoded one is stored all the same.
    const changed = prevLen < byte + 1 || old !== on;
    e.commit(db, kbuf, ks, ke, changed);
    if (changed) {
      ctx.dirty(1);
      notifyArg(ctx, N.STRING, 'setbit', args, 1);
    }
    reply.int(old);
  },
}) satisfies CommandSpec;
