/**
 * The big encoding of hashes and sets (Redis's "hashtable"): an open-addressing
 * table keyed by bytes, so a lookup hashes and compares the argument bytes
 * with no JS string made. A set is a table without values.
 *
 *   ents: Int32Array, 4 words per entry (dense, 0..size-1)   arena (one Buffer)
 *     [hash | off | klen | vlen]  off ───────────────────▶  [key i][value i]
 *     hash: seeded 32-bit hash of the key                   appended in order; a value that
 *                                                           no longer fits moves to the end
 *   index: Int32Array of 2^k slots of 2 words [hash | entry+1] (entry+1 = 0:
 *   empty); linear probing, load <= 3/4, backward-shift deletion (no tombstones).
 * A lookup touches an index line, one 16-byte entry and the key bytes: three
 * cache misses, as Redis's bucket -> dictEntry -> sds (separate typed arrays
 * per field cost five, ~2x slower on 100k random keys).
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
import { copyBytes } from '../copy-bytes.js';

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
  /** 4 words per entry: hash, arena offset, key length, value length. */
  private ents: Int32Array;
  /** 2 words per slot: hash, entry+1. */
  private index: Int32Array;
  /** Slots - 1. */
  private mask: number;

  /** `expected` sizes the first allocation (a conversion knows how many entries are coming). */
  constructor(readonly values: boolean, expected = 0) {
    const cap = Math.max(MIN_ENTRIES, expected);
    this.ents = new Int32Array(cap * 4);
    const slots = pow2AtLeast(cap * 2);
    this.index = new Int32Array(slots * 2);
    this.mask = slots - 1;
    this.mem = Buffer.allocUnsafeSlow(Math.max(MIN_ARENA, expected * 16));
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held: the arena (dead and free space included), the index and the entries. O(1). */
  memoryBytes(): number {
    return BASE + this.mem.length + this.index.byteLength + this.ents.byteLength;
  }

  keyStart(i: number): number {
    return this.ents[i * 4 + 1]!;
  }
  keyEnd(i: number): number {
    return this.ents[i * 4 + 1]! + this.ents[i * 4 + 2]!;
  }
  /** Value bytes are mem[keyEnd(i), valueEnd(i)); empty for a set. */
  valueEnd(i: number): number {
    const e = i * 4;
    return this.ents[e + 1]! + this.ents[e + 2]! + this.ents[e + 3]!;
  }
  valueLength(i: number): number {
    return this.ents[i * 4 + 3]!;
  }
  /** Key i as a latin1 string (one char per byte), for callers that need text. */
  keyText(i: number): string {
    return this.mem.latin1Slice(this.keyStart(i), this.keyEnd(i));
  }

  /** The entry whose key is buf[s, e), or -1. */
  find(buf: Uint8Array, s: number, e: number): number {
    const slot = this.slotOf(hashBytes(buf, s, e), buf, s, e);
    return slot < 0 ? -1 : this.index[slot * 2 + 1]! - 1;
  }

  has(buf: Uint8Array, s: number, e: number): boolean {
    return this.slotOf(hashBytes(buf, s, e), buf, s, e) >= 0;
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
      if (this.values) this.replaceValue(this.index[found * 2 + 1]! - 1, vbuf, vs, ve);
      return false;
    }
    const n = this.count;
    if ((n + 1) * 4 > (this.mask + 1) * 3) this.rehash((this.mask + 1) * 2);
    if (n * 4 === this.ents.length) this.resizeEntries(n + (n >> 1));
    const klen = ke - ks;
    const vlen = this.values ? ve - vs : 0;
    const at = this.reserve(klen + vlen);
    copyBytes(kbuf, ks, ke, this.mem, at);
    if (vlen !== 0) copyBytes(vbuf, vs, ve, this.mem, at + klen);
    const ents = this.ents;
    const e = n * 4;
    ents[e] = h;
    ents[e + 1] = at;
    ents[e + 2] = klen;
    ents[e + 3] = vlen;
    this.count = n + 1;
    const index = this.index;
    const mask = this.mask;
    let slot = h & mask;
    while (index[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    index[slot * 2] = h;
    index[slot * 2 + 1] = n + 1;
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
    const ents = this.ents;
    const mask = this.mask;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const ref = index[slot * 2 + 1]!;
      if (ref === 0) return -1;
      if (index[slot * 2] === h) {
        const at = (ref - 1) * 4;
        if (ents[at + 2] === len && this.keyEquals(ents[at + 1]!, buf, s, len)) return slot;
      }
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
    let slot = this.ents[i * 4]! & mask;
    while (this.index[slot * 2 + 1] !== i + 1) slot = (slot + 1) & mask;
    return slot;
  }

  private removeSlot(slot: number): void {
    const ents = this.ents;
    const i = this.index[slot * 2 + 1]! - 1;
    this.dead += ents[i * 4 + 2]! + ents[i * 4 + 3]!;
    this.unlinkSlot(slot);
    const last = this.count - 1;
    if (i !== last) {
      this.index[this.slotOfEntry(last) * 2 + 1] = i + 1;
      ents.copyWithin(i * 4, last * 4, last * 4 + 4);
    }
    this.count = last;
    // Shrink as Redis's dict does at 1/8 fill, so a drained table gives its memory back.
    if (last * 8 < this.mask + 1 && this.mask + 1 > 16) this.rehash(pow2AtLeast(last * 3));
    if (last * 4 * 4 < ents.length && ents.length > MIN_ENTRIES * 4) this.resizeEntries(Math.max(MIN_ENTRIES, last * 2));
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
      const ref = index[j * 2 + 1]!;
      if (ref === 0) break;
      const home = index[j * 2]! & mask;
      // The entry at j may fill the hole when the hole is no farther from j than its home.
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        index[hole * 2] = index[j * 2]!;
        index[hole * 2 + 1] = ref;
        hole = j;
      }
    }
    index[hole * 2] = 0;
    index[hole * 2 + 1] = 0;
  }

  private replaceValue(i: number, vbuf: Uint8Array, vs: number, ve: number): void {
    const ents = this.ents;
    const e = i * 4;
    const old = ents[e + 3]!;
    const vlen = ve - vs;
    const klen = ents[e + 2]!;
    const valAt = ents[e + 1]! + klen;
    if (old < BY_REFERENCE) {
      if (vlen <= old) {
        copyBytes(vbuf, vs, ve, this.mem, valAt);
        ents[e + 3] = vlen;
        this.dead += old - vlen;
        return;
      }
      if (valAt + old === this.used && valAt + vlen <= this.mem.length) {
        // The last value in the arena grows into the free space after it.
        copyBytes(vbuf, vs, ve, this.mem, valAt);
        ents[e + 3] = vlen;
        this.used = valAt + vlen;
        return;
      }
    }
    // Key and value move to the end; reserve() may compact (entry i included), so read the key's place after it.
    const at = this.reserve(klen + vlen);
    const from = this.ents[e + 1]!;
    this.mem.copy(this.mem, at, from, from + klen);
    copyBytes(vbuf, vs, ve, this.mem, at + klen);
    this.ents[e + 1] = at;
    this.ents[e + 3] = vlen;
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
    // Offsets are int32 (a hash stays an int32 end to end, never a boxed number): 2 GiB of fields and values per key.
    if (need > 0x7fffffff) throw new RangeError('hash or set bigger than 2 GiB');
    const cap = Math.min(0x7fffffff, Math.max(need, this.mem.length + (this.mem.length >> 1)));
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
    const ents = this.ents;
    let at = 0;
    for (let e = 0; e < this.count * 4; e += 4) {
      const from = ents[e + 1]!;
      const n = ents[e + 2]! + ents[e + 3]!;
      mem.copy(next, at, from, from + n);
      ents[e + 1] = at;
      at += n;
    }
    this.mem = next;
    this.used = at;
    this.dead = 0;
  }

  private resizeEntries(cap: number): void {
    const ents = new Int32Array(cap * 4);
    ents.set(this.ents.subarray(0, this.count * 4));
    this.ents = ents;
  }

  /** A new index of `slots` slots, filled from the stored hashes (no key is hashed again). */
  private rehash(slots: number): void {
    const index = new Int32Array(slots * 2);
    const mask = slots - 1;
    const ents = this.ents;
    for (let i = 0; i < this.count; i++) {
      const h = ents[i * 4]!;
      let slot = h & mask;
      while (index[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      index[slot * 2] = h;
      index[slot * 2 + 1] = i + 1;
    }
    this.index = index;
    this.mask = mask;
  }
}
