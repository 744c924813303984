/**
 * Bitmaps are strings (Redis's bitops.c): bit 0 is the most significant bit
 * of byte 0. This file holds the bit arithmetic over byte ranges and the two
 * ways a command reaches a string's bytes: StringView for reading (an int
 * value reads as its digits) and StringEditor for writing (the value becomes
 * raw, grown with zero bytes). No RESP, no argument parsing here.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../status.js';

// ---- reading ---------------------------------------------------------------

/**
 * The bytes of a string value where they are: mem[start, start + len).
 * Valid until the next write to the database.
 */
export class StringView {
  mem: Uint8Array = EMPTY;
  start = 0;
  len = 0;
  private digits = Buffer.allocUnsafe(24);

  /** Points the view at the value of the string key at `pos` (NO_KEY: the empty string). */
  of(db: Database, pos: number): this {
    if (pos === NO_KEY) {
      this.mem = EMPTY;
      this.start = 0;
      this.len = 0;
      return this;
    }
    const mem = db.stringRef(pos);
    if (mem !== null) {
      this.mem = mem;
      this.start = db.refStart;
      this.len = db.refEnd - db.refStart;
    } else {
      // An int-encoded string reads as its decimal digits.
      this.len = this.digits.latin1Write(String(db.stringValue(pos)), 0);
      this.mem = this.digits;
      this.start = 0;
    }
    return this;
  }
}

const EMPTY = new Uint8Array(0);

// ---- writing ---------------------------------------------------------------

/** Values up to this size are edited in a reused buffer and copied back; larger ones get a buffer of their own. */
const SCRATCH_MAX = 64 * 1024;

/**
 * Opens a string value for writing, as Redis's lookupStringForBitCommand()
 * with dbUnshareStringValue(): the value becomes raw and at least `need`
 * bytes long (zero bytes added). A raw value held inline in its item is
 * edited in place (the reply writer copies such values, so no queued reply
 * sees the change); anything else is copied first, because a value of 64 KiB
 * or more may be queued on a socket or shared with another key.
 */
export class StringEditor {
  mem: Uint8Array = EMPTY;
  base = 0;
  len = 0;
  /** Whether commit() must store the bytes (false: they were edited in place). */
  private copied = false;
  /** The key edited in place (its handle stays valid: nothing is written before commit). */
  private pos = NO_KEY;
  private fresh: Buffer | null = null;
  private scratch = Buffer.allocUnsafe(1024);
  private readonly view = new StringView();

  /** Opens the string at `pos` (NO_KEY: a new key) grown to at least `need` bytes. */
  open(db: Database, pos: number, need: number): this {
    if (pos !== NO_KEY && db.encoding(pos) === Encoding.RAW) {
      const mem = db.stringRef(pos);
      // refStart is 0 only for a value held as a Buffer of its own (an item header precedes inline bytes).
      if (mem !== null && db.refStart !== 0 && db.refEnd - db.refStart >= need) {
        this.mem = mem;
        this.base = db.refStart;
        this.len = db.refEnd - db.refStart;
        this.copied = false;
        this.pos = pos;
        return this;
      }
    }
    const v = this.view.of(db, pos);
    const len = Math.max(v.len, need);
    let out: Buffer;
    if (len <= SCRATCH_MAX) {
      if (this.scratch.length < len) this.scratch = Buffer.allocUnsafe(Math.max(len, this.scratch.length * 2));
      out = this.scratch;
      this.fresh = null;
    } else {
      out = Buffer.allocUnsafeSlow(len);
      this.fresh = out;
    }
    out.set(v.mem.subarray(v.start, v.start + v.len), 0);
    out.fill(0, v.len, len);
    this.mem = out;
    this.base = 0;
    this.len = len;
    this.copied = true;
    return this;
  }

  /** Stores the edited bytes as the raw value of key kbuf[ks, ke), keeping its TTL. */
  commit(db: Database, kbuf: Uint8Array, ks: number, ke: number, changed = true): void {
    // Bytes changed where they lie still count as a write (WATCH).
    if (!this.copied) {
      if (changed) db.modified(this.pos);
      return;
    }
    if (this.fresh !== null) db.putAt(kbuf, ks, ke, KeyType.STRING, Encoding.RAW, this.fresh, true);
    else db.putBytesAt(kbuf, ks, ke, Encoding.RAW, this.mem, 0, this.len, true);
    this.fresh = null;
    this.copied = false;
  }
}

// ---- bit arithmetic --------------------------------------------------------

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

/** Bits set in mem[from, to). */
export function popcount(mem: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += POPCOUNT[mem[i]!]!;
  return n;
}

/** Bits set among bits [first, last] (inclusive, last >= first) of the bitmap starting at mem[base]. */
export function countBits(mem: Uint8Array, base: number, first: number, last: number): number {
  const b0 = base + Math.floor(first / 8);
  const b1 = base + Math.floor(last / 8);
  let n = popcount(mem, b0, b1 + 1);
  // Take off the bits of the edge bytes that lie outside the range.
  n -= POPCOUNT[mem[b0]! & ~(0xff >> first % 8) & 0xff]!;
  n -= POPCOUNT[mem[b1]! & ((1 << (7 - (last % 8))) - 1)]!;
  return n;
}

/**
 * The first bit equal to `bit` among bits [first, last] (inclusive) of the
 * bitmap starting at mem[base], as a bit index from the bitmap's start; -1 when none.
 */
export function findBit(mem: Uint8Array, base: number, first: number, last: number, bit: 0 | 1): number {
  const skip = bit === 1 ? 0 : 0xff;
  let byte = Math.floor(first / 8);
  const lastByte = Math.floor(last / 8);
  // The first byte with the bits before `first` masked to "not a match".
  let v = mem[base + byte]! ^ skip;
  v &= 0xff >> first % 8;
  while (v === 0) {
    if (++byte > lastByte) return -1;
    v = mem[base + byte]! ^ skip;
  }
  const pos = byte * 8 + Math.clz32(v) - 24;
  return pos <= last ? pos : -1;
}

export const enum BitOp {
  AND = 0,
  OR = 1,
  XOR = 2,
  NOT = 3,
}

/** out[0, len) = op over the sources (missing bytes are zero), as bitopCommand() computes it. */
export function bitop(op: BitOp, srcs: readonly StringView[], n: number, out: Uint8Array, len: number): void {
  const s0 = srcs[0]!;
  for (let j = 0; j < len; j++) {
    let o = j < s0.len ? s0.mem[s0.start + j]! : 0;
    if (op === BitOp.NOT) o = ~o & 0xff;
    for (let i = 1; i < n; i++) {
      const s = srcs[i]!;
      const b = j < s.len ? s.mem[s.start + j]! : 0;
      if (op === BitOp.AND) o &= b;
      else if (op === BitOp.OR) o |= b;
      else o ^= b;
    }
    out[j] = o;
  }
}

// ---- bitfields (int64/uint64 arithmetic done as C does it, in bigints) ----

/** The unsigned integer of `bits` bits at bit `offset` of the bitmap starting at mem[base]; bytes past `len` read as zero. */
export function getUnsigned(mem: Uint8Array, base: number, len: number, offset: number, bits: number): bigint {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < bits; k++, offset++) {
    const byte = Math.floor(offset / 8);
    const b = byte < len ? (mem[base + byte]! >> (7 - (offset % 8))) & 1 : 0;
    // Two 32-bit halves: a number holds 53 bits exactly, a bitfield has up to 64.
    hi = ((hi << 1) | (lo >>> 31)) >>> 0;
    lo = ((lo << 1) | b) >>> 0;
  }
  return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

/** getSignedBitfield(): the same bits sign-extended from bit `bits - 1`. */
export function getSigned(mem: Uint8Array, base: number, len: number, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(mem, base, len, offset, bits));
}

/** Writes the low `bits` bits of `value` at bit `offset` (the bytes must exist). */
export function setBits(mem: Uint8Array, base: number, offset: number, bits: number, value: bigint): void {
  const u = BigInt.asUintN(64, value);
  const hi = Number(u >> 32n);
  const lo = Number(u & 0xffffffffn);
  for (let k = bits - 1; k >= 0; k--, offset++) {
    const b = k >= 32 ? (hi >>> (k - 32)) & 1 : (lo >>> k) & 1;
    const i = base + Math.floor(offset / 8);
    const mask = 0x80 >> offset % 8;
    mem[i] = b ? mem[i]! | mask : mem[i]! & ~mask;
  }
}

export const enum Overflow {
  WRAP = 0,
  SAT = 1,
  FAIL = 2,
}

const I64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);

/** Set by the overflow checks: the value to store when they report an overflow (WRAP and SAT). */
export const limit = { value: 0n };

/**
 * checkSignedBitfieldOverflow(): 1 on overflow, -1 on underflow, 0 when
 * value + incr fits in a signed `bits` field. Its int64 wrap-arounds are
 * reproduced, odd results included (SET i8 with INT64_MIN saturates to 127).
 */
export function checkSigned(value: bigint, incr: bigint, bits: number, ow: Overflow): number {
  const max = bits === 64 ? 0x7fffffffffffffffn : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxincr = I64(max - value);
  const minincr = I64(min - value);
  let r = 0;
  if (value > max || (bits !== 64 && incr > maxincr) || (value >= 0n && incr > 0n && incr > maxincr)) {
    r = 1;
    limit.value = max;
  } else if (value < min || (bits !== 64 && incr < minincr) || (value < 0n && incr < 0n && incr < minincr)) {
    r = -1;
    limit.value = min;
  } else {
    return 0;
  }
  if (ow === Overflow.WRAP) limit.value = BigInt.asIntN(bits, U64(value + incr));
  return r;
}

/** checkUnsignedBitfieldOverflow() for a uint64 `value` and an int64 `incr`. */
export function checkUnsigned(value: bigint, incr: bigint, bits: number, ow: Overflow): number {
  const max = (1n << BigInt(bits)) - 1n;
  const maxincr = I64(max - value);
  const minincr = I64(-value);
  let r = 0;
  if (value > max || (incr > 0n && incr > maxincr)) {
    r = 1;
    limit.value = max;
  } else if (incr < 0n && incr < minincr) {
    r = -1;
    limit.value = 0n;
  } else {
    return 0;
  }
  if (ow === Overflow.WRAP) limit.value = BigInt.asUintN(bits, value + incr);
  return r;
}
