// SETBIT key offset value
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
    const e = editor.open(db, slot, byte + 1);
    const i = e.base + byte;
    const mask = 0x80 >> offset % 8;
    const old = (e.mem[i]! & mask) !== 0 ? 1 : 0;
    if (old !== on) e.mem[i] = on ? e.mem[i]! | mask : e.mem[i]! & ~mask;
    // A new, grown or re-encoded value is stored even when the bit was already right.
    e.commit(db, kbuf, ks, ke);
    ctx.dirty(1);
    reply.int(old);
  },
}) satisfies CommandSpec;
