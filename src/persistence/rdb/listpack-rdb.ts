/**
 * Redis's own listpack byte format (listpack.c), which RDB and DUMP carry
 * for small hashes, sorted sets and list nodes. NenCache's blobs are a
 * different, simpler layout (src/engine/types/listpack.ts), so values are
 * converted element by element.
 *
 *   <total-bytes u32le> <count u16le> <entry> ... <0xff>
 *   entry = <encoding+data> <backlen: size of encoding+data, 1-5 bytes, read backwards>
 *
 * Elements that are canonical int64 text are stored as integers, in the
 * smallest of: 7-bit uint, 13-bit, int16, int24, int32, int64 (lpEncodeGetType).
 */
import { isCanonicalInt64, parseInt64 } from '../../engine/types/int64.js';

const EOF_BYTE = 0xff;
/** Redis's LP_HDR_NUMELE_UNKNOWN: the count is not kept past this. */
const COUNT_UNKNOWN = 0xffff;

/** Builds a listpack in a growable buffer. */
export class ListpackWriter {
  private buf = Buffer.allocUnsafe(256);
  private len = 6;
  private count = 0;

  reset(): this {
    this.len = 6;
    this.count = 0;
    return this;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n + 16));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Bytes the listpack takes so far, with its terminator. */
  get size(): number {
    return this.len + 1;
  }

  /** Appends an element (lpAppend). */
  append(el: Uint8Array): void {
    this.reserve(el.length + 14);
    const b = this.buf;
    const at = this.len;
    let p = at;
    if (el.length > 0 && el.length <= 20 && isCanonicalInt64(el, 0, el.length)) {
      const v = BigInt(parseInt64(el, 0, el.length)!);
      if (v >= 0n && v <= 127n) {
        b[p++] = Number(v);
      } else if (v >= -4096n && v <= 4095n) {
        const u = Number(v < 0n ? (1n << 13n) + v : v);
        b[p++] = (u >> 8) | 0xc0;
        b[p++] = u & 0xff;
      } else if (v >= -32768n && v <= 32767n) {
        b[p++] = 0xf1;
        b.writeInt16LE(Number(v), p);
        p += 2;
      } else if (v >= -8388608n && v <= 8388607n) {
        b[p++] = 0xf2;
        b.writeIntLE(Number(v), p, 3);
        p += 3;
      } else if (v >= -2147483648n && v <= 2147483647n) {
        b[p++] = 0xf3;
        b.writeInt32LE(Number(v), p);
        p += 4;
      } else {
        b[p++] = 0xf4;
        b.writeBigInt64LE(v, p);
        p += 8;
      }
    } else {
      const n = el.length;
      if (n < 64) {
        b[p++] = 0x80 | n;
      } else if (n < 4096) {
        b[p++] = 0xe0 | (n >> 8);
        b[p++] = n & 0xff;
      } else {
        b[p++] = 0xf0;
        b.writeUInt32LE(n, p);
        p += 4;
      }
      b.set(el, p);
      p += n;
    }
    p += encodeBacklen(b, p, p - at);
    this.len = p;
    this.count++;
  }

  /** The finished listpack (a view of the writer's buffer, valid until the next reset). */
  finish(): Buffer {
    this.reserve(1);
    this.buf[this.len] = EOF_BYTE;
    this.buf.writeUInt32LE(this.len + 1, 0);
    this.buf.writeUInt16LE(this.count < COUNT_UNKNOWN ? this.count : COUNT_UNKNOWN, 4);
    return this.buf.subarray(0, this.len + 1);
  }
}

function encodeBacklen(b: Buffer, p: number, l: number): number {
  if (l <= 127) {
    b[p] = l;
    return 1;
  }
  if (l < 16383) {
    b[p] = l >>> 7;
    b[p + 1] = (l & 127) | 128;
    return 2;
  }
  if (l < 2097151) {
    b[p] = l >>> 14;
    b[p + 1] = ((l >>> 7) & 127) | 128;
    b[p + 2] = (l & 127) | 128;
    return 3;
  }
  if (l < 268435455) {
    b[p] = l >>> 21;
    b[p + 1] = ((l >>> 14) & 127) | 128;
    b[p + 2] = ((l >>> 7) & 127) | 128;
    b[p + 3] = (l & 127) | 128;
    return 4;
  }
  b[p] = Math.floor(l / 2 ** 28);
  b[p + 1] = ((l >>> 21) & 127) | 128;
  b[p + 2] = ((l >>> 14) & 127) | 128;
  b[p + 3] = ((l >>> 7) & 127) | 128;
  b[p + 4] = (l & 127) | 128;
  return 5;
}

function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/**
 * Reads a listpack's elements (integers as their decimal text); null when
 * the bytes are not a well-formed listpack (the header's size and count,
 * each entry's bounds and backlen, the terminator).
 */
export function decodeListpack(lp: Uint8Array): Buffer[] | null {
  if (lp.length < 7) return null;
  const b = Buffer.from(lp.buffer, lp.byteOffset, lp.length);
  if (b.readUInt32LE(0) !== b.length || b[b.length - 1] !== EOF_BYTE) return null;
  const declared = b.readUInt16LE(4);
  const out: Buffer[] = [];
  let p = 6;
  const end = b.length - 1;
  while (p < end) {
    const at = p;
    const c = b[p]!;
    let el: Buffer;
    if (c < 0x80) {
      el = Buffer.from(String(c), 'latin1');
      p += 1;
    } else if ((c & 0xc0) === 0x80) {
      const n = c & 0x3f;
      if (p + 1 + n > end) return null;
      el = Buffer.from(b.subarray(p + 1, p + 1 + n));
      p += 1 + n;
    } else if ((c & 0xe0) === 0xc0) {
      if (p + 2 > end) return null;
      let u = ((c & 0x1f) << 8) | b[p + 1]!;
      if (u >= 1 << 12) u -= 1 << 13;
      el = Buffer.from(String(u), 'latin1');
      p += 2;
    } else if ((c & 0xf0) === 0xe0) {
      if (p + 2 > end) return null;
      const n = ((c & 0x0f) << 8) | b[p + 1]!;
      if (p + 2 + n > end) return null;
      el = Buffer.from(b.subarray(p + 2, p + 2 + n));
      p += 2 + n;
    } else if (c === 0xf0) {
      if (p + 5 > end) return null;
      const n = b.readUInt32LE(p + 1);
      if (p + 5 + n > end) return null;
      el = Buffer.from(b.subarray(p + 5, p + 5 + n));
      p += 5 + n;
    } else if (c >= 0xf1 && c <= 0xf4) {
      const w = c === 0xf1 ? 2 : c === 0xf2 ? 3 : c === 0xf3 ? 4 : 8;
      if (p + 1 + w > end) return null;
      const v = w === 8 ? b.readBigInt64LE(p + 1) : b.readIntLE(p + 1, w);
      el = Buffer.from(String(v), 'latin1');
      p += 1 + w;
    } else {
      return null;
    }
    const l = p - at;
    const bl = backlenSize(l);
    if (p + bl > end) return null;
    // The backlen must read back as the entry's size.
    let v = 0;
    for (let k = 0; k < bl; k++) {
      const byte = b[p + bl - 1 - k]!;
      v += (byte & 127) * 2 ** (7 * k);
      if ((k < bl - 1) !== ((byte & 128) !== 0)) return null;
    }
    if (v !== l) return null;
    p += bl;
    out.push(el);
  }
  if (p !== end) return null;
  if (declared !== COUNT_UNKNOWN && declared !== out.length) return null;
  return out;
}

/**
 * Redis's intset: <encoding u32le: 2, 4 or 8> <length u32le> <values, sorted, little-endian>.
 * The width is that of the widest value ever added (it never shrinks).
 */
export function encodeIntset(width: number, values: readonly (number | bigint)[]): Buffer {
  const b = Buffer.allocUnsafe(8 + values.length * width);
  b.writeUInt32LE(width, 0);
  b.writeUInt32LE(values.length, 4);
  let p = 8;
  for (const v of values) {
    if (width === 2) b.writeInt16LE(Number(v), p);
    else if (width === 4) b.writeInt32LE(Number(v), p);
    else b.writeBigInt64LE(BigInt(v), p);
    p += width;
  }
  return b;
}

/** An intset's width and values; null when malformed (bad width, length, order or duplicates). */
export function decodeIntset(b: Buffer): { width: number; values: bigint[] } | null {
  if (b.length < 8) return null;
  const width = b.readUInt32LE(0);
  if (width !== 2 && width !== 4 && width !== 8) return null;
  const n = b.readUInt32LE(4);
  if (8 + n * width !== b.length) return null;
  const values: bigint[] = [];
  for (let i = 0, p = 8; i < n; i++, p += width) {
    const v = width === 8 ? b.readBigInt64LE(p) : BigInt(width === 4 ? b.readInt32LE(p) : b.readInt16LE(p));
    if (i > 0 && v <= values[i - 1]!) return null;
    values.push(v);
  }
  return values.length === 0 ? null : { width, values };
}
