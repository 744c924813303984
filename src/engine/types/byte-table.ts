/**
 * The big encoding of hashes and sets (Redis's "hashtable"): an open-addressing
 * table keyed by bytes, so a lookup hashes and compares the argument bytes
 * with no JS string made. A set is a table without values.
 *
 *   entries (dense, 0..size-1, in typed arrays)      arena (one Buffer)
 *     offs[i]   ─────────────────────────────────▶   [key i][value i]
 *     klens[i], vlens[i]  byte lengths               appended in order; a value that
 *     hashes[i] seeded 32-bit hash of key i          no longer fits moves to the end
 *   index: Int32Array of 2^k slots holding entry+1 (0 = empty), linear
 *   probing, load <= 1/2, backward-shift deletion (no tombstones).
 *
 * Deleting moves the last entry into the hole, so entries stay dense (a random
 * pick is one index away) and scan() walking indexes downwards returns every
 * entry present for the whole scan: only the last entry moves, and it moves down.
 * Arena bytes are never rewritten under a value of BY_REFERENCE bytes or more
 * (the reply may be sending them by reference); a shrunk, moved or deleted
 * value's bytes count as dead until a compaction copies the live ones to a
 * new buffer. Views handed out are valid until the next write.
 */
import { randomBytes } from 'node:crypto';
import type { SizedValue } from '../object-table.js';

/** The RESP writer sends a bulk of this many bytes by reference (writer.ts DIRECT_WRITE): such a value is never overwritten in place. */
const BY_REFERENCE = 64 * 1024;
/** This object, its typed-array headers and the arena's. */
const BASE = 400;
const MIN_ENTRIES = 8;
const MIN_ARENA = 256;

/** The per-process hash key (HalfSipHash's 64-bit key), against hash flooding as Redis's siphash seed. */
const seed = randomBytes(8);
let k0 = seed.readInt32LE(0);
let k1 = seed.readInt32LE(4);

/** Test hook: sets the hash key, or with `collide` makes every key hash alike. Returns the previous key. */
export function setHashSeedForTests(a: number, b: number, collide = false): [number, number] {
  const prev: [number, number] = [k0, k1];
  k0 = a | 0;
  k1 = b | 0;
  colliding = collide;
  return prev;
}
let colliding = false;

/**
 * HalfSipHash-1-3 of buf[s, e) with the process key (the hsiphash of Linux's
 * hash tables): keyed, so colliding keys cannot be precomputed.
 */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  if (colliding) return 0x5bd1e995;
  let v0 = k0;
  let v1 = k1;
  let v2 = 0x6c796765 ^ k0;
  let v3 = 0x74656462 ^ k1;
  const len = e - s;
  const end4 = s + (len & ~3);
  let p = s;
  for (; p < end4; p += 4) {
    const m = buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24);
    v3 ^= m;
    v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
    v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
    v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
    v0 ^= m;
  }
  let b = len << 24;
  const rest = e - p;
  if (rest === 3) b |= buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16);
  else if (rest === 2) b |= buf[p]! | (buf[p + 1]! << 8);
  else if (rest === 1) b |= buf[p]!;
  v3 ^= b;
  v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
  v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
  v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
  v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
  v0 ^= b;
  v2 ^= 0xff;
  for (let r = 0; r < 3; r++) {
    v0 = (v0 + v1) | 0; v1 = (v1 << 5) | (v1 >>> 27); v1 ^= v0; v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0; v3 = (v3 << 8) | (v3 >>> 24); v3 ^= v2;
    v0 = (v0 + v3) | 0; v3 = (v3 << 7) | (v3 >>> 25); v3 ^= v0;
    v2 = (v2 + v1) | 0; v1 = (v1 << 13) | (v1 >>> 19); v1 ^= v2; v2 = (v2 << 16) | (v2 >>> 16);
  }
  return v1 ^ v3;
}

/** Copies src[s, e) to dst at `at`; a loop for short runs (no view object), memcpy for long ones. */
function copyBytes(src: Uint8Array, s: number, e: number, dst: Buffer, at: number): void {
  if (e - s <= 32) {
    for (let i = s; i < e; i++) dst[at++] = src[i]!;
  } else if (Buffer.isBuffer(src)) {
    src.copy(dst, at, s, e);
  } else {
    dst.set(src.subarray(s, e), at);
  }
}

function pow2AtLeast(n: number): number {
  let c = 16;
  while (c < n) c *= 2;
  return c;
}

/** A byte-keyed table; `values` false makes it a set. */
export class ByteTable implements SizedValue {
  /** Key and value bytes; entry i's key is mem[keyStart(i), keyEnd(i)). Replaced on growth and compaction. */
  mem: Buffer;
  private used = 0;
  private dead = 0;
  private count = 0;
  private offs: Uint32Array;
  private klens: Uint32Array;
  private vlens: Uint32Array;
  private hashes: Int32Array;
  private index: Int32Array;
  private mask: number;

  /** `expected` sizes the first allocation (a conversion knows how many entries are coming). */
  constructor(readonly values: boolean, expected = 0) {
    const cap = Math.max(MIN_ENTRIES, expected);
    this.offs = new Uint32Array(cap);
    this.klens = new Uint32Array(cap);
    this.vlens = new Uint32Array(values ? cap : 0);
    this.hashes = new Int32Array(cap);
    this.index = new Int32Array(pow2AtLeast(cap * 2));
    this.mask = this.index.length - 1;
    this.mem = Buffer.allocUnsafeSlow(Math.max(MIN_ARENA, expected * 16));
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held: the arena (dead and free space included), the index and the entry arrays. O(1). */
  memoryBytes(): number {
    return BASE + this.mem.length + this.index.byteLength + this.offs.byteLength + this.klens.byteLength + this.vlens.byteLength + this.hashes.byteLength;
  }

  keyStart(i: number): number {
    return this.offs[i]!;
  }
  keyEnd(i: number): number {
    return this.offs[i]! + this.klens[i]!;
  }
  /** Value bytes are mem[keyEnd(i), valueEnd(i)); empty for a set. */
  valueEnd(i: number): number {
    return this.values ? this.offs[i]! + this.klens[i]! + this.vlens[i]! : this.offs[i]! + this.klens[i]!;
  }
  valueLength(i: number): number {
    return this.values ? this.vlens[i]! : 0;
  }
  /** Key i as a latin1 string (one char per byte), for callers that need text. */
  keyText(i: number): string {
    return this.mem.latin1Slice(this.offs[i]!, this.offs[i]! + this.klens[i]!);
  }

  /** The entry whose key is buf[s, e), or -1. */
  find(buf: Uint8Array, s: number, e: number): number {
    const h = hashBytes(buf, s, e);
    const slot = this.slotOf(h, buf, s, e);
    return slot < 0 ? -1 : this.index[slot]! - 1;
  }

  has(buf: Uint8Array, s: number, e: number): boolean {
    return this.find(buf, s, e) >= 0;
  }

  /** Adds key buf[s, e) (sets); false when present. */
  add(buf: Uint8Array, s: number, e: number): boolean {
    return this.set(buf, s, e, buf, 0, 0);
  }

  /** Sets key kbuf[ks, ke) to vbuf[vs, ve); true when the key was created, false when its value was replaced. */
  set(kbuf: Uint8Array, ks: number, ke: number, vbuf: Uint8Array, vs: number, ve: number): boolean {
    const h = hashBytes(kbuf, ks, ke);
    const found = this.slotOf(h, kbuf, ks, ke);
    if (found >= 0) {
      if (this.values) this.replaceValue(this.index[found]! - 1, vbuf, vs, ve);
      return false;
    }
    const n = this.count;
    if ((n + 1) * 2 > this.index.length) this.rehash(this.index.length * 2);
    if (n === this.offs.length) this.resizeEntries(n + (n >> 1));
    const klen = ke - ks;
    const vlen = this.values ? ve - vs : 0;
    const at = this.reserve(klen + vlen);
    copyBytes(kbuf, ks, ke, this.mem, at);
    if (vlen !== 0) copyBytes(vbuf, vs, ve, this.mem, at + klen);
    this.offs[n] = at;
    this.klens[n] = klen;
    if (this.values) this.vlens[n] = vlen;
    this.hashes[n] = h;
    this.count = n + 1;
    const mask = this.mask;
    let slot = h & mask;
    while (this.index[slot] !== 0) slot = (slot + 1) & mask;
    this.index[slot] = n + 1;
    return true;
  }

  /** Removes key buf[s, e); false when absent. */
  delete(buf: Uint8Array, s: number, e: number): boolean {
    const slot = this.slotOf(hashBytes(buf, s, e), buf, s, e);
    if (slot < 0) return false;
    this.removeSlot(slot);
    return true;
  }

  /** Removes entry i (a random pick); the last entry takes its number. */
  removeAt(i: number): void {
    this.removeSlot(this.slotOfEntry(i));
  }

  clone(): ByteTable {
    const c = new ByteTable(this.values, this.count);
    for (let i = 0; i < this.count; i++) c.set(this.mem, this.keyStart(i), this.keyEnd(i), this.mem, this.keyEnd(i), this.valueEnd(i));
    return c;
  }

  /**
   * HSCAN/SSCAN: visits up to `count` entries below the cursor, highest index
   * first; returns the next cursor, 0 when done. Cursor 0 starts a scan; a
   * cursor beyond the size (the table shrank) resumes at the top.
   */
  scan(cursor: number, count: number, visit: (i: number) => void): number {
    let c = cursor === 0 || cursor > this.count ? this.count : cursor;
    for (let n = 0; c > 0 && n < count; n++) visit(--c);
    return c;
  }

  /** The index slot holding key buf[s, e) of hash h, or -1. */
  private slotOf(h: number, buf: Uint8Array, s: number, e: number): number {
    const index = this.index;
    const mask = this.mask;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const ref = index[slot]!;
      if (ref === 0) return -1;
      const i = ref - 1;
      if (this.hashes[i] === h && this.klens[i] === len && this.keyEquals(this.offs[i]!, buf, s, len)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private keyEquals(off: number, buf: Uint8Array, s: number, len: number): boolean {
    const mem = this.mem;
    if (len > 32) return mem.compare(buf, s, s + len, off, off + len) === 0;
    for (let k = 0; k < len; k++) if (mem[off + k] !== buf[s + k]) return false;
    return true;
  }

  private slotOfEntry(i: number): number {
    const mask = this.mask;
    let slot = this.hashes[i]! & mask;
    while (this.index[slot] !== i + 1) slot = (slot + 1) & mask;
    return slot;
  }

  private removeSlot(slot: number): void {
    const i = this.index[slot]! - 1;
    this.dead += this.klens[i]! + (this.values ? this.vlens[i]! : 0);
    this.unlinkSlot(slot);
    const last = this.count - 1;
    if (i !== last) {
      this.index[this.slotOfEntry(last)] = i + 1;
      this.offs[i] = this.offs[last]!;
      this.klens[i] = this.klens[last]!;
      if (this.values) this.vlens[i] = this.vlens[last]!;
      this.hashes[i] = this.hashes[last]!;
    }
    this.count = last;
    // Shrink as Redis's dict does at 1/8 fill, so a drained table gives its memory back.
    if (last * 8 < this.index.length && this.index.length > 16) this.rehash(pow2AtLeast(last * 4));
    if (last * 4 < this.offs.length && this.offs.length > MIN_ENTRIES) this.resizeEntries(Math.max(MIN_ENTRIES, last * 2));
    if (this.dead * 2 > this.used && this.used > MIN_ARENA) this.compact(0);
  }

  /** Backward-shift deletion: later entries of the probe run move up so no run has a hole. */
  private unlinkSlot(slot: number): void {
    const index = this.index;
    const mask = this.mask;
    let hole = slot;
    let j = slot;
    for (;;) {
      j = (j + 1) & mask;
      const ref = index[j]!;
      if (ref === 0) break;
      const home = this.hashes[ref - 1]! & mask;
      // The entry at j may fill the hole when the hole is no farther from j than its home.
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        index[hole] = ref;
        hole = j;
      }
    }
    index[hole] = 0;
  }

  private replaceValue(i: number, vbuf: Uint8Array, vs: number, ve: number): void {
    const old = this.vlens[i]!;
    const vlen = ve - vs;
    const klen = this.klens[i]!;
    const off = this.offs[i]!;
    const valAt = off + klen;
    if (old < BY_REFERENCE) {
      if (vlen <= old) {
        copyBytes(vbuf, vs, ve, this.mem, valAt);
        this.vlens[i] = vlen;
        this.dead += old - vlen;
        return;
      }
      if (valAt + old === this.used && valAt + vlen <= this.mem.length) {
        // The last value in the arena grows into the free space after it.
        copyBytes(vbuf, vs, ve, this.mem, valAt);
        this.vlens[i] = vlen;
        this.used = valAt + vlen;
        return;
      }
    }
    // Key and value move to the end; reserve() may compact (entry i included), so read the key's place after it.
    const at = this.reserve(klen + vlen);
    const from = this.offs[i]!;
    this.mem.copy(this.mem, at, from, from + klen);
    copyBytes(vbuf, vs, ve, this.mem, at + klen);
    this.offs[i] = at;
    this.vlens[i] = vlen;
    this.dead += klen + old;
  }

  /** Room for n bytes at the end of the arena: compacts away dead bytes or grows. Returns the offset. */
  private reserve(n: number): number {
    if (this.used + n > this.mem.length) {
      if (this.dead * 2 > this.used) this.compact(n);
      else this.growArena(this.used + n);
    }
    const at = this.used;
    this.used += n;
    return at;
  }

  private growArena(need: number): void {
    const cap = Math.max(need, this.mem.length + (this.mem.length >> 1));
    const next = Buffer.allocUnsafeSlow(cap);
    this.mem.copy(next, 0, 0, this.used);
    this.mem = next;
  }

  /**
   * Copies the live bytes, in entry order, to a new buffer with room for
   * `extra` more (the old one is left as it is: a reply may still be sending from it).
   */
  private compact(extra: number): void {
    const live = this.used - this.dead;
    const next = Buffer.allocUnsafeSlow(Math.max(MIN_ARENA, live + extra + ((live + extra) >> 1)));
    const mem = this.mem;
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      const from = this.offs[i]!;
      const n = this.klens[i]! + (this.values ? this.vlens[i]! : 0);
      mem.copy(next, at, from, from + n);
      this.offs[i] = at;
      at += n;
    }
    this.mem = next;
    this.used = at;
    this.dead = 0;
  }

  private resizeEntries(cap: number): void {
    const n = this.count;
    const offs = new Uint32Array(cap);
    offs.set(this.offs.subarray(0, n));
    this.offs = offs;
    const klens = new Uint32Array(cap);
    klens.set(this.klens.subarray(0, n));
    this.klens = klens;
    if (this.values) {
      const vlens = new Uint32Array(cap);
      vlens.set(this.vlens.subarray(0, n));
      this.vlens = vlens;
    }
    const hashes = new Int32Array(cap);
    hashes.set(this.hashes.subarray(0, n));
    this.hashes = hashes;
  }

  /** A new index of `slots` slots, filled from the stored hashes (no key is hashed again). */
  private rehash(slots: number): void {
    const index = new Int32Array(slots);
    const mask = slots - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = this.hashes[i]! & mask;
      while (index[slot] !== 0) slot = (slot + 1) & mask;
      index[slot] = i + 1;
    }
    this.index = index;
    this.mask = mask;
  }
}
