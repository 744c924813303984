/**
 * The item layout inside an arena chunk, and the byte helpers that read and
 * write it without making view objects. Every field is little-endian and
 * unaligned (chunks are sized to the byte):
 *
 *   0        1        2        4          7
 *   +--------+--------+--------+----------+-----------+----------+-----+-------+
 *   | info   | klen8  | vlen16 | access24 | [expire]  | [klen16] | key | value |
 *   +--------+--------+--------+----------+-----------+----------+-----+-------+
 *   info     type (3 bits) | encoding << 3 (3 bits) | TTL << 6 | EXT << 7
 *   klen8    key length, or 255: the length is the u16 klen16 before the key
 *   vlen16   value length, or VALUE_REF: the value is an object elsewhere and
 *            these 4 value bytes are its id (ints, big strings, other types)
 *   access24 Redis's 24-bit lru field: LRU clock, or LFU minutes << 8 | counter
 *   expire   f64 absolute ms, present only when TTL is set
 *
 * EXT: the key itself is too big for a chunk; the 4 bytes after the header
 * (and expire) are the id of an object holding both key and value.
 *
 * A 16-byte key with a 128-byte value is a 151-byte item: 7 bytes of header.
 */

export const HEADER = 7;
export const EXPIRE_BYTES = 8;
export const INFO_TTL = 1 << 6;
export const INFO_EXT = 1 << 7;
/** vlen16 value meaning "the value bytes are a u32 object id". */
export const VALUE_REF = 0xffff;
/** Longest value kept as bytes in the item. */
export const MAX_INLINE_VALUE = VALUE_REF - 1;
const LONG_KEY = 255;

export function readU16(b: Uint8Array, off: number): number {
  return b[off]! | (b[off + 1]! << 8);
}

export function writeU16(b: Uint8Array, off: number, v: number): void {
  b[off] = v & 255;
  b[off + 1] = (v >>> 8) & 255;
}

export function readU24(b: Uint8Array, off: number): number {
  return b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16);
}

export function writeU24(b: Uint8Array, off: number, v: number): void {
  b[off] = v & 255;
  b[off + 1] = (v >>> 8) & 255;
  b[off + 2] = (v >>> 16) & 255;
}

export function readU32(b: Uint8Array, off: number): number {
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
}

export function writeU32(b: Uint8Array, off: number, v: number): void {
  b[off] = v & 255;
  b[off + 1] = (v >>> 8) & 255;
  b[off + 2] = (v >>> 16) & 255;
  b[off + 3] = v >>> 24;
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

export function readF64(b: Uint8Array, off: number): number {
  for (let i = 0; i < 8; i++) f64Bytes[i] = b[off + i]!;
  return f64[0]!;
}

export function writeF64(b: Uint8Array, off: number, v: number): void {
  f64[0] = v;
  for (let i = 0; i < 8; i++) b[off + i] = f64Bytes[i]!;
}

/** Bytes an item needs: header, expiry, long-key length, key and value (or a 4-byte id). */
export function itemSize(klen: number, vlen: number, ttl: boolean): number {
  return HEADER + (ttl ? EXPIRE_BYTES : 0) + (klen >= LONG_KEY ? 2 : 0) + klen + vlen;
}

/** Writes the header and key length fields; returns the offset of the key. */
export function writeHeader(b: Uint8Array, off: number, info: number, klen: number, vlen16: number, access: number): number {
  b[off] = info;
  b[off + 1] = klen >= LONG_KEY ? LONG_KEY : klen;
  writeU16(b, off + 2, vlen16);
  writeU24(b, off + 4, access);
  let k = off + HEADER + (info & INFO_TTL ? EXPIRE_BYTES : 0);
  if (klen >= LONG_KEY) {
    writeU16(b, k, klen);
    k += 2;
  }
  return k;
}

/** Key length of the item at `off`. */
export function keyLength(b: Uint8Array, off: number): number {
  const k = b[off + 1]!;
  return k !== LONG_KEY ? k : readU16(b, off + HEADER + (b[off]! & INFO_TTL ? EXPIRE_BYTES : 0));
}

/** Offset of the key bytes of the item at `off`. */
export function keyOffset(b: Uint8Array, off: number): number {
  return off + HEADER + (b[off]! & INFO_TTL ? EXPIRE_BYTES : 0) + (b[off + 1] === LONG_KEY ? 2 : 0);
}
