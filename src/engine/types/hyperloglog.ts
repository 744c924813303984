/**
 * HyperLogLog values in Redis's own byte format (hyperloglog.c), so GET of a
 * HLL key returns the bytes Redis would hold:
 *
 *   +------+---+-----+----------+----------------------------------+
 *   | HYLL | E | N/U | Cardin.  | registers (dense) / opcodes      |
 *   +------+---+-----+----------+----------------------------------+
 *    4       1   3     8 (LE; bit 63 set = cache invalid)
 *
 * E = 0 dense: 16384 6-bit registers, LSB first, 12288 bytes.
 * E = 1 sparse: ZERO 00xxxxxx (1..64 zero registers), XZERO 01xxxxxx yyyyyyyy
 * (1..16384), VAL 1vvvvvxx (value 1..32, run of 1..4).
 *
 * A byte read one past a value's end reads as zero, as Redis reads the sds
 * terminator there. Cardinality estimation lives in ./hyperloglog-count.ts.
 */
import { patLen, pat } from './hyperloglog-hash.js';

export const HLL_REGISTERS = 16384;
export const HLL_HDR = 16;
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
export const HLL_DENSE_SIZE = HLL_HDR + (HLL_REGISTERS * 6) / 8;
const VAL_MAX = 32;

/** isHLLObjectOrReply()'s checks on a string value's bytes. */
export function isHll(mem: Uint8Array, s: number, len: number): boolean {
  if (len < HLL_HDR) return false;
  if (mem[s] !== 72 || mem[s + 1] !== 89 || mem[s + 2] !== 76 || mem[s + 3] !== 76) return false; // HYLL
  const enc = mem[s + 4]!;
  if (enc > HLL_SPARSE) return false;
  return enc !== HLL_DENSE || len === HLL_DENSE_SIZE;
}

/** Register `i` of the dense registers starting at mem[r]. */
export function denseGet(mem: Uint8Array, r: number, i: number): number {
  const bit = i * 6;
  const byte = r + (bit >> 3);
  const fb = bit & 7;
  // Only a register starting at bit 4 or 6 of its byte reaches into the next byte.
  return fb <= 2 ? (mem[byte]! >> fb) & 63 : ((mem[byte]! >> fb) | (mem[byte + 1]! << (8 - fb))) & 63;
}

/** Sets register `i` of the dense registers starting at mem[r] to v (0..63). */
export function denseSetReg(mem: Uint8Array, r: number, i: number, v: number): void {
  const bit = i * 6;
  const byte = r + (bit >> 3);
  const fb = bit & 7;
  mem[byte] = (mem[byte]! & ~(63 << fb)) | ((v << fb) & 0xff);
  if (fb > 2) mem[byte + 1] = (mem[byte + 1]! & ~(63 >> (8 - fb))) | (v >> (8 - fb));
}

/** hllDenseSet(): raises register `i` to `count`; 1 when it changed. */
export function denseSet(mem: Uint8Array, r: number, i: number, count: number): number {
  if (count <= denseGet(mem, r, i)) return 0;
  denseSetReg(mem, r, i, count);
  return 1;
}

/** hllDenseAdd() on a dense value whose registers start at mem[r]. */
export function denseAdd(mem: Uint8Array, r: number, ebuf: Uint8Array, es: number, ee: number): number {
  const count = patLen(ebuf, es, ee);
  return denseSet(mem, r, pat.index, count);
}

/** Marks the cached cardinality of the value at mem[s] stale. */
export function invalidateCache(mem: Uint8Array, s: number): void {
  mem[s + 15] = mem[s + 15]! | 0x80;
}

const EMPTY_SPARSE = Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff', 'latin1');

/**
 * A HLL value being changed: its bytes in a reused buffer that can grow
 * (sparse updates insert opcodes) or be swapped for a dense copy.
 */
export class HllWork {
  buf = Buffer.allocUnsafe(HLL_DENSE_SIZE + 64);
  len = 0;
  private spare = Buffer.allocUnsafe(HLL_DENSE_SIZE + 64);
  private readonly seq = new Uint8Array(5);

  /** createHLLObject(): an empty sparse HLL (two XZERO opcodes), cache valid at 0. */
  initEmpty(): this {
    EMPTY_SPARSE.copy(this.buf, 0);
    this.len = EMPTY_SPARSE.length;
    this.buf[this.len] = 0;
    return this;
  }

  /** Copies a value in. */
  load(mem: Uint8Array, s: number, len: number): this {
    this.ensure(len + 8);
    this.buf.set(mem.subarray(s, s + len), 0);
    this.buf[len] = 0;
    this.len = len;
    return this;
  }

  private ensure(n: number): void {
    if (this.buf.length >= n) return;
    const b = Buffer.allocUnsafe(Math.max(n, this.buf.length * 2));
    this.buf.copy(b, 0, 0, this.len);
    this.buf = b;
  }

  get dense(): boolean {
    return this.buf[4] === HLL_DENSE;
  }

  /** hllAdd(): 1 when a register changed, 0 when not, -1 when the sparse data is corrupt. */
  add(ebuf: Uint8Array, es: number, ee: number, sparseMax: number): number {
    const count = patLen(ebuf, es, ee);
    if (this.dense) return denseSet(this.buf, HLL_HDR, pat.index, count);
    return this.sparseSet(pat.index, count, sparseMax);
  }

  /**
   * Byte `i`. One past the end lies what Redis's sds holds there: its zero
   * terminator, or the last byte of a split written over it (see sparseSet);
   * the buffer keeps that byte the same way within a command.
   */
  private at(i: number): number {
    return this.buf[i]!;
  }

  /**
   * hllSparseSet(): raises register `index` to `count`, splitting the opcode
   * that covers it; promotes to dense when the value would pass `sparseMax`
   * bytes or count does not fit a VAL opcode. 1 changed, 0 not, -1 corrupt.
   */
  sparseSet(index: number, count: number, sparseMax: number): number {
    if (count > VAL_MAX) return this.promote(index, count);
    this.ensure(this.len + 8);
    const b = this.buf;
    let end = this.len;
    let p = HLL_HDR;
    let first = 0;
    let prev = -1;
    let span = 0;
    while (p < end) {
      const op = b[p]!;
      let oplen = 1;
      if ((op & 0xc0) === 0) span = (op & 0x3f) + 1;
      else if (op & 0x80) span = (op & 3) + 1;
      else {
        span = (((op & 0x3f) << 8) | this.at(p + 1)) + 1;
        oplen = 2;
      }
      if (index <= first + span - 1) break;
      prev = p;
      p += oplen;
      first += span;
    }
    if (span === 0 || p >= end) return -1;
    const op = b[p]!;
    const isZero = (op & 0xc0) === 0;
    const isXzero = (op & 0xc0) === 0x40;
    let next = isXzero ? p + 2 : p + 1;
    if (next >= end) next = -1;
    const runlen = span;

    let updated = false;
    if (op & 0x80) {
      const old = ((op >> 2) & 0x1f) + 1;
      if (old >= count) return 0;
      if (runlen === 1) {
        b[p] = valOp(count, 1);
        updated = true;
      }
    } else if (isZero && runlen === 1) {
      b[p] = valOp(count, 1);
      updated = true;
    }
    if (!updated) {
      // Split the opcode: at worst XZERO-VAL-XZERO, 5 bytes.
      const seq = this.seq;
      let n = 0;
      const last = first + span - 1;
      if (isZero || isXzero) {
        if (index !== first) n = zeroRun(seq, n, index - first);
        seq[n++] = valOp(count, 1);
        if (index !== last) n = zeroRun(seq, n, last - index);
      } else {
        const cur = ((op >> 2) & 0x1f) + 1;
        if (index !== first) seq[n++] = valOp(cur, index - first);
        seq[n++] = valOp(count, 1);
        if (index !== last) seq[n++] = valOp(cur, last - index);
      }
      const delta = n - (isXzero ? 2 : 1);
      if (delta > 0 && this.len + delta > sparseMax) return this.promote(index, count);
      if (delta !== 0 && next >= 0) b.copyWithin(next + delta, next, end);
      this.len += delta;
      b[this.len] = 0;
      // Written after the terminator, as Redis does: a split of a truncated
      // XZERO at the very end leaves its last byte just past the end.
      b.set(seq.subarray(0, n), p);
      end += delta;
    }

    // Merge adjacent VAL opcodes of equal value, scanning up to 5 opcodes from prev.
    p = prev >= 0 ? prev : HLL_HDR;
    let scan = 5;
    while (p < end && scan-- !== 0) {
      const o = b[p]!;
      if ((o & 0xc0) === 0x40) {
        p += 2;
        continue;
      }
      if ((o & 0xc0) === 0) {
        p++;
        continue;
      }
      if (p + 1 < end && b[p + 1]! & 0x80) {
        const v1 = ((o >> 2) & 0x1f) + 1;
        const o2 = b[p + 1]!;
        if (v1 === ((o2 >> 2) & 0x1f) + 1) {
          const len = (o & 3) + 1 + (o2 & 3) + 1;
          if (len <= 4) {
            b[p + 1] = valOp(v1, len);
            b.copyWithin(p, p + 1, end + 1);
            this.len--;
            end--;
            b[this.len] = 0;
            continue;
          }
        }
      }
      p++;
    }
    invalidateCache(b, 0);
    return 1;
  }

  private promote(index: number, count: number): number {
    if (!this.toDense()) return -1;
    // A promotion always happens for a register that must change.
    return denseSet(this.buf, HLL_HDR, index, count);
  }

  /** hllSparseToDense(): false when the opcodes do not cover exactly 16384 registers. */
  toDense(): boolean {
    if (this.dense) return true;
    const src = this.buf;
    const d = this.spare;
    d.fill(0, 0, HLL_DENSE_SIZE + 1);
    // The header is kept as is (cached cardinality and its validity bit included).
    src.copy(d, 0, 0, HLL_HDR);
    d[4] = HLL_DENSE;
    let idx = 0;
    let p = HLL_HDR;
    const end = this.len;
    while (p < end) {
      const op = src[p]!;
      if ((op & 0xc0) === 0) {
        idx += (op & 0x3f) + 1;
        p++;
      } else if ((op & 0xc0) === 0x40) {
        idx += (((op & 0x3f) << 8) | this.at(p + 1)) + 1;
        p += 2;
      } else {
        let run = (op & 3) + 1;
        const v = ((op >> 2) & 0x1f) + 1;
        if (run + idx > HLL_REGISTERS) return false;
        while (run-- > 0) denseSetReg(d, HLL_HDR, idx++, v);
        p++;
      }
    }
    if (idx !== HLL_REGISTERS) return false;
    if (src.length < HLL_DENSE_SIZE + 8) {
      this.spare = Buffer.allocUnsafe(HLL_DENSE_SIZE + 64);
    } else {
      this.spare = src;
    }
    this.buf = d;
    this.len = HLL_DENSE_SIZE;
    d[HLL_DENSE_SIZE] = 0;
    return true;
  }
}

function valOp(value: number, len: number): number {
  return 0x80 | ((value - 1) << 2) | (len - 1);
}

/** Writes a ZERO or XZERO opcode for `len` zero registers at seq[n]; returns the next index. */
function zeroRun(seq: Uint8Array, n: number, len: number): number {
  if (len > 64) {
    seq[n] = ((len - 1) >> 8) | 0x40;
    seq[n + 1] = (len - 1) & 0xff;
    return n + 2;
  }
  seq[n] = len - 1;
  return n + 1;
}
