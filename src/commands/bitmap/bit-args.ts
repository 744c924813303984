/** Argument rules shared by the bitmap commands (bitops.c's getBitOffsetFromArgument and getBitfieldTypeFromArgument). */
import type { Args } from '../args.js';
import { parseInt64 } from '../../engine/types/int64.js';

export const BIT_OFFSET_ERR = 'ERR bit offset is not an integer or out of range';
export const BITFIELD_TYPE_ERR = 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';

/**
 * A bit offset: a non-negative integer whose byte is below proto-max-bulk-len
 * (`maxBulk`); with `bits` > 0 the form #n means n * bits (multiplied in
 * int64 as C does, wrap-around included). Returns -1 when invalid.
 */
export function bitOffset(args: Args, i: number, maxBulk: number, bits = 0): number {
  const buf = args.buf;
  let o = args.start(i);
  const e = args.end(i);
  const hash = bits > 0 && o < e && buf[o] === 35; /* # */
  if (hash) o++;
  let v = parseInt64(buf, o, e);
  if (v === null) return -1;
  if (hash) v = BigInt.asIntN(64, BigInt(v) * BigInt(bits));
  if (v < 0 || v > Number.MAX_SAFE_INTEGER) return -1;
  const off = Number(v);
  return Math.floor(off / 8) >= maxBulk ? -1 : off;
}

/** The signedness and width of a bitfield type (i1..i64, u1..u63): bits, negated for signed; 0 when invalid. */
export function bitfieldType(args: Args, i: number): number {
  const buf = args.buf;
  const o = args.start(i);
  let e = args.end(i);
  if (o === e) return 0;
  const c = buf[o];
  if (c !== 105 /* i */ && c !== 117 /* u */) return 0;
  // The width is read as a C string: it ends at a NUL byte.
  const nul = buf.indexOf(0, o + 1);
  if (nul !== -1 && nul < e) e = nul;
  const bits = parseInt64(buf, o + 1, e);
  if (typeof bits !== 'number' || bits < 1 || bits > (c === 105 ? 64 : 63)) return 0;
  return c === 105 ? -bits : bits;
}
