/**
 * NenCache's intset: the compact encoding of a set whose members are all
 * canonical int64 text (Redis 7.0's intset, without its 8-byte header). It is
 * one byte blob kept as the key's value in its arena item:
 *
 *   +-----+------+------+------+-----
 *   | enc | v0   | v1   | v2   | ...      values sorted ascending, unique,
 *   +-----+------+------+------+-----     little-endian, `enc` bytes each
 *   enc   2, 4 or 8: the width every value is stored with (int16/32/64);
 *         count = (length - 1) / enc, so no count field is needed
 *
 * The width grows (never shrinks) when a value needs more bytes, as
 * intsetUpgradeAndAdd() does. Values are handled as two 32-bit halves
 * (hi signed, lo unsigned) so int64 compares exactly with no bigint.
 * Edits happen in a reused IntsetBuilder; the caller stores its bytes.
 */
import { parseInt64 } from './int64.js';

/** Bytes before the first value. */
export const IS_HEADER = 1;
const TWO32 = 4294967296;

/** An int64 as two halves; filled by parse()/read() without allocating. */
export class IntVal {
  hi = 0;
  lo = 0;

  /** Reads buf[s, e) as Redis's string2ll() does; false when it is not canonical int64 text. */
  parse(buf: Uint8Array, s: number, e: number): boolean {
    const v = parseInt64(buf, s, e);
    if (v === null) return false;
    this.set(v);
    return true;
  }

  /** Sets the value from a number (|v| <= 2^53) or bigint. */
  set(v: number | bigint): this {
    if (typeof v === 'number') {
      const hi = Math.floor(v / TWO32);
      this.hi = hi;
      this.lo = v - hi * TWO32;
    } else {
      this.hi = Number(BigInt.asIntN(32, v >> 32n));
      this.lo = Number(BigInt.asUintN(32, v));
    }
    return this;
  }

  /** Width this value needs: 2, 4 or 8. */
  width(): number {
    return valueWidth(this.hi, this.lo);
  }

  /** The value as a number when exact, else a bigint. */
  value(): number | bigint {
    return joinHalves(this.hi, this.lo);
  }
}

export function valueWidth(hi: number, lo: number): number {
  if (hi === 0) return lo <= 0x7fff ? 2 : lo <= 0x7fffffff ? 4 : 8;
  if (hi === -1) return lo >= 0xffff8000 ? 2 : lo >= 0x80000000 ? 4 : 8;
  return 8;
}

export function joinHalves(hi: number, lo: number): number | bigint {
  if (hi >= -0x200000 && hi < 0x200000) return hi * TWO32 + lo;
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Three-way comparison of two halves pairs. */
function cmp(h1: number, l1: number, h2: number, l2: number): number {
  if (h1 !== h2) return h1 < h2 ? -1 : 1;
  return l1 === l2 ? 0 : l1 < l2 ? -1 : 1;
}

/** Number of values in the intset buf[s, e). */
export function isCount(buf: Uint8Array, s: number, e: number): number {
  return (e - s - IS_HEADER) / buf[s]!;
}

/** Reads value `i` of the intset at buf[s] into `out`. */
export function isRead(buf: Uint8Array, s: number, i: number, out: IntVal): IntVal {
  const w = buf[s]!;
  const p = s + IS_HEADER + i * w;
  if (w === 2) {
    const v = ((buf[p]! | (buf[p + 1]! << 8)) << 16) >> 16;
    out.hi = v < 0 ? -1 : 0;
    out.lo = v >>> 0;
  } else if (w === 4) {
    const v = buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24);
    out.hi = v < 0 ? -1 : 0;
    out.lo = v >>> 0;
  } else {
    out.lo = (buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24)) >>> 0;
    out.hi = buf[p + 4]! | (buf[p + 5]! << 8) | (buf[p + 6]! << 16) | (buf[p + 7]! << 24);
  }
  return out;
}

const probe = new IntVal();

/** Value `i` as a number (or bigint beyond 2^53). */
export function isValueAt(buf: Uint8Array, s: number, i: number): number | bigint {
  isRead(buf, s, i, probe);
  return joinHalves(probe.hi, probe.lo);
}

/**
 * Binary search for (hi, lo) in the intset buf[s, e): its index when found,
 * else -(insertion point) - 1.
 */
export function isSearch(buf: Uint8Array, s: number, e: number, hi: number, lo: number): number {
  let a = 0;
  let b = isCount(buf, s, e) - 1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    isRead(buf, s, m, probe);
    const c = cmp(probe.hi, probe.lo, hi, lo);
    if (c === 0) return m;
    if (c < 0) a = m + 1;
    else b = m - 1;
  }
  return -a - 1;
}

/** Whether the intset buf[s, e) holds (hi, lo). */
export function isFind(buf: Uint8Array, s: number, e: number, hi: number, lo: number): boolean {
  // A value wider than the set's width cannot be in it.
  if (valueWidth(hi, lo) > buf[s]!) return false;
  return isSearch(buf, s, e, hi, lo) >= 0;
}

function writeValue(b: Uint8Array, p: number, w: number, hi: number, lo: number): void {
  b[p] = lo & 255;
  b[p + 1] = (lo >>> 8) & 255;
  if (w === 2) return;
  b[p + 2] = (lo >>> 16) & 255;
  b[p + 3] = lo >>> 24;
  if (w === 4) return;
  b[p + 4] = hi & 255;
  b[p + 5] = (hi >>> 8) & 255;
  b[p + 6] = (hi >>> 16) & 255;
  b[p + 7] = (hi >>> 24) & 255;
}

/**
 * Edits an intset in a buffer reused from one command to the next:
 * bytes.subarray(0, length) is the intset, valid until the next reset/load.
 */
export class IntsetBuilder {
  bytes: Buffer;
  length = IS_HEADER;
  private readonly tmp = new IntVal();

  constructor(initial = 256) {
    this.bytes = Buffer.allocUnsafe(Math.max(initial, 16));
    this.reset();
  }

  /** An empty intset of width 2. */
  reset(): this {
    this.bytes[0] = 2;
    this.length = IS_HEADER;
    return this;
  }

  /** Starts from a copy of the intset src[s, e). */
  load(src: Uint8Array, s: number, e: number): this {
    this.reserve(e - s);
    this.bytes.set(src.subarray(s, e), 0);
    this.length = e - s;
    return this;
  }

  get count(): number {
    return (this.length - IS_HEADER) / this.bytes[0]!;
  }

  has(hi: number, lo: number): boolean {
    return isFind(this.bytes, 0, this.length, hi, lo);
  }

  /** Adds (hi, lo); false when already present. */
  add(hi: number, lo: number): boolean {
    const need = valueWidth(hi, lo);
    const w = this.bytes[0]!;
    if (need > w) {
      // intsetUpgradeAndAdd: a wider value is below or above every other.
      this.upgrade(need);
      const n = this.count;
      const b = this.bytes;
      if (hi < 0) {
        b.copyWithin(IS_HEADER + need, IS_HEADER, this.length);
        writeValue(b, IS_HEADER, need, hi, lo);
      } else {
        writeValue(b, IS_HEADER + n * need, need, hi, lo);
      }
      this.length += need;
      return true;
    }
    const at = isSearch(this.bytes, 0, this.length, hi, lo);
    if (at >= 0) return false;
    const i = -at - 1;
    this.reserve(this.length + w);
    const p = IS_HEADER + i * w;
    this.bytes.copyWithin(p + w, p, this.length);
    writeValue(this.bytes, p, w, hi, lo);
    this.length += w;
    return true;
  }

  /** Removes (hi, lo); false when absent. The width never shrinks. */
  remove(hi: number, lo: number): boolean {
    if (valueWidth(hi, lo) > this.bytes[0]!) return false;
    const i = isSearch(this.bytes, 0, this.length, hi, lo);
    if (i < 0) return false;
    this.removeAt(i);
    return true;
  }

  /** Removes the value at index i. */
  removeAt(i: number): void {
    const w = this.bytes[0]!;
    const p = IS_HEADER + i * w;
    this.bytes.copyWithin(p, p + w, this.length);
    this.length -= w;
  }

  /** Reads value i into out. */
  read(i: number, out: IntVal): IntVal {
    return isRead(this.bytes, 0, i, out);
  }

  private upgrade(w: number): void {
    const n = this.count;
    this.reserve(IS_HEADER + (n + 1) * w);
    const b = this.bytes;
    const v = this.tmp;
    // Back to front so no value is overwritten before it is read.
    for (let i = n - 1; i >= 0; i--) {
      isRead(b, 0, i, v);
      writeValue(b, IS_HEADER + i * w, w, v.hi, v.lo);
    }
    b[0] = w;
    this.length = IS_HEADER + n * w;
  }

  private reserve(len: number): void {
    if (len <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, len));
    this.bytes.copy(next, 0, 0, this.length);
    this.bytes = next;
  }
}
