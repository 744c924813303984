/**
 * One logical database: the only door the command layer uses to find, insert
 * and delete keys, with a type tag, an encoding and an absolute expiry per key.
 * Keys arrive as byte ranges; values are bytes or, for the int encoding,
 * numbers; other types keep an object per key (the next issue's encodings).
 *
 * Every key, and the bytes of string values, live off the JS heap in a slab
 * arena (./arena/slab.ts); per key the database keeps one 16-byte metadata
 * record and, when it has a TTL, an 8-byte expiry:
 *
 *   meta (Int32Array, 4 per slot)          item chunk in the arena
 *   +--------+--------+--------+--------+  +--------+--------+-----+-------+
 *   | hash   | ref    | info   | access |  | keyLen | valLen | key | value |
 *   +--------+--------+--------+--------+  +--------+--------+-----+-------+
 *   info = type | encoding << 4 | flags << 8   (u32 LE)  (u32 LE)
 *   flags: INLINE (value bytes in the chunk), TTL (expires[slot] is set),
 *          OUTKEY (key too big for a chunk: kept in outKeys[slot])
 *
 * A slot never moves while its key lives, which is what lets SCAN use the
 * slot as its cursor and still return every key present for the whole
 * iteration. Slots and chunks are only valid until the next write.
 */
import type { Clock } from './clock.js';
import { HEADER, copyBytes, readU32, writeU32 } from './arena/item.js';
import { MAX_CHUNK, SlabArena, classFor } from './arena/slab.js';
import { KeyIndex, hashBytes, type KeyStore } from './index/key-index.js';
import { randomLiveSlot, scanSlots, sweepExpired } from './iteration.js';
import { Encoding, KeyType, NO_KEY } from './status.js';

/** Scratch space for turning a key string back into bytes without allocating. */
let scratch = Buffer.allocUnsafe(1024);
function keyBytesOf(key: string): Buffer {
  if (key.length > scratch.length) scratch = Buffer.allocUnsafe(key.length * 2);
  scratch.latin1Write(key, 0);
  return scratch;
}

/** A string value: bytes, or a number/bigint when the encoding is INT. */
export type StringValue = Buffer | number | bigint;

/** Counters shared by all databases, read by INFO stats. */
export interface KeyspaceStats {
  /**
   * The LRU clock, refreshed by Engine.refreshClock() (the server's cron) like
   * Redis's server.lruclock, so a read costs no clock call.
   */
  lru: number;
  hits: number;
  misses: number;
  expiredKeys: number;
  expiredStalePerc: number;
}

/** Seconds resolution like Redis's LRU clock, 24 bits. */
export const LRU_CLOCK_MAX = (1 << 24) - 1;
export function lruClock(ms: number): number {
  return Math.floor(ms / 1000) & LRU_CLOCK_MAX;
}

const MIN_CAPACITY = 64;
const F_INLINE = 1 << 8;
const F_TTL = 2 << 8;
const F_OUTKEY = 4 << 8;

export class Database implements KeyStore {
  private readonly index = new KeyIndex(this);
  private readonly arena: SlabArena;
  /** 4 int32 per slot: hash, arena ref, info, access. info 0 = free slot. */
  private meta = new Int32Array(MIN_CAPACITY * 4);
  private expires = new Float64Array(MIN_CAPACITY);
  /** Values that are not inline bytes: int numbers, big strings, other types. */
  private values: unknown[] = [];
  /** Keys too long for a chunk. */
  private readonly outKeys = new Map<number, Buffer>();
  private freeSlots: number[] = [];
  /** One past the highest slot ever used; SCAN and the expiry sweep stop here. */
  private high = 0;
  private count = 0;
  private volatile = 0;
  /** Where the active expiry sweep resumes. */
  private sweepCursor = 0;
  /**
   * The slot of the last successful lookup: a write right after a lookup of
   * the same key (SET, INCR...) checks it with one key comparison instead of
   * hashing and probing again. Validated every time, never trusted.
   */
  private lastFound = -1;
  /** Set by stringRef(): the byte range of the value in the returned memory. */
  refStart = 0;
  refEnd = 0;

  constructor(
    private readonly clock: Clock,
    private readonly stats: KeyspaceStats,
    arena?: SlabArena,
  ) {
    this.arena = arena ?? new SlabArena();
  }

  /** Number of keys, expired-but-not-yet-collected ones included (as Redis's DBSIZE). */
  get size(): number {
    return this.count;
  }
  /** Number of keys with a TTL. */
  get volatileCount(): number {
    return this.volatile;
  }
  /** Upper bound (exclusive) of slot numbers, for SCAN cursors. */
  get slotLimit(): number {
    return this.high;
  }

  static keyOf(buf: Uint8Array, start: number, end: number): string {
    return (buf as Buffer).latin1Slice(start, end);
  }

  // ---- lookup -------------------------------------------------------------

  /** Finds a key for reading: expires it lazily, counts a hit or miss, updates its access time. */
  lookupRead(key: string, touch = true): number {
    return this.lookupReadAt(keyBytesOf(key), 0, key.length, touch);
  }

  /** lookupRead for a key given as bytes (the hot path: no string is made). */
  lookupReadAt(buf: Uint8Array, start: number, end: number, touch = true): number {
    const slot = this.findLive(buf, start, end);
    if (slot === NO_KEY) {
      this.stats.misses++;
      return NO_KEY;
    }
    this.stats.hits++;
    if (touch) this.meta[slot * 4 + 3] = this.stats.lru;
    return slot;
  }

  /**
   * Finds a key for writing: expires it lazily and updates its access time
   * (as Redis 7.0's lookupKeyWrite() does), without counting a hit or miss.
   */
  lookupWrite(key: string): number {
    return this.lookupWriteAt(keyBytesOf(key), 0, key.length);
  }

  /** lookupWrite for a key given as bytes. */
  lookupWriteAt(buf: Uint8Array, start: number, end: number): number {
    const slot = this.findLive(buf, start, end);
    if (slot !== NO_KEY) this.meta[slot * 4 + 3] = this.stats.lru;
    return slot;
  }

  /** Finds a key, expiring it lazily, without touching stats or access time. */
  private findLive(buf: Uint8Array, start: number, end: number): number {
    const slot = this.index.find(buf, start, end, hashBytes(buf, start, end));
    if (slot < 0) return NO_KEY;
    this.lastFound = slot;
    if (this.meta[slot * 4 + 2]! & F_TTL && this.expires[slot]! <= this.clock.now()) {
      this.removeSlot(slot);
      this.stats.expiredKeys++;
      return NO_KEY;
    }
    return slot;
  }

  /** Finds a key without any side effect, not even lazy expiry (used by OBJECT/DEBUG). */
  peek(key: string): number {
    const buf = keyBytesOf(key);
    const slot = this.index.find(buf, 0, key.length, hashBytes(buf, 0, key.length));
    if (slot < 0) return NO_KEY;
    return this.meta[slot * 4 + 2]! & F_TTL && this.expires[slot]! <= this.clock.now() ? NO_KEY : slot;
  }

  type(slot: number): KeyType {
    return (this.meta[slot * 4 + 2]! & 15) as KeyType;
  }
  encoding(slot: number): Encoding {
    return ((this.meta[slot * 4 + 2]! >> 4) & 15) as Encoding;
  }
  /** Absolute expiry in ms, or 0 when the key has no TTL. */
  expireAt(slot: number): number {
    return this.meta[slot * 4 + 2]! & F_TTL ? this.expires[slot]! : 0;
  }
  /** LRU clock value of the last access. */
  accessTime(slot: number): number {
    return this.meta[slot * 4 + 3]!;
  }
  /** The key as a string (one char per byte); allocates, so not for hot paths. */
  keyName(slot: number): string {
    const out = this.outKeys.get(slot);
    if (out !== undefined) return out.latin1Slice(0, out.length);
    const ref = this.meta[slot * 4 + 1]!;
    const page = this.arena.page(ref) as Buffer;
    const off = this.arena.offset(ref);
    return Buffer.prototype.latin1Slice.call(page, off + HEADER, off + HEADER + readU32(page, off));
  }
  /** A copy of the key's bytes. */
  keyBytes(slot: number): Buffer {
    return Buffer.from(this.keyName(slot), 'latin1');
  }
  keyHash(slot: number): number {
    return this.meta[slot * 4]! >>> 0;
  }
  /** Whether the key of `slot` is exactly buf[start, end). */
  keyEquals(slot: number, buf: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    const out = this.outKeys.get(slot);
    if (out !== undefined) return out.length === len && out.compare(buf, start, end) === 0;
    const ref = this.meta[slot * 4 + 1]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (readU32(page, off) !== len) return false;
    const k = off + HEADER;
    for (let i = 0; i < len; i++) if (page[k + i] !== buf[start + i]) return false;
    return true;
  }
  /** The value object of a non-inline value (ints, big strings, other types). */
  value(slot: number): unknown {
    if (this.meta[slot * 4 + 2]! & F_INLINE) return this.stringValue(slot);
    return this.values[slot];
  }
  /** A string value: a view of its bytes (valid until the next write), or its number. */
  stringValue(slot: number): StringValue {
    const mem = this.stringRef(slot);
    if (mem === null) return this.values[slot] as StringValue;
    return Buffer.from(mem.buffer, mem.byteOffset + this.refStart, this.refEnd - this.refStart);
  }
  /**
   * The memory holding an inline string value, with its range in
   * refStart/refEnd; null when the value is not inline (see value()).
   * Allocates nothing: this is how GET reads.
   */
  stringRef(slot: number): Uint8Array | null {
    const m = slot * 4;
    if (!(this.meta[m + 2]! & F_INLINE)) {
      const v = this.values[slot];
      if (Buffer.isBuffer(v)) {
        this.refStart = 0;
        this.refEnd = v.length;
        return v;
      }
      return null;
    }
    const ref = this.meta[m + 1]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    this.refStart = off + HEADER + readU32(page, off);
    this.refEnd = this.refStart + readU32(page, off + 4);
    return page;
  }

  // ---- mutation -----------------------------------------------------------

  /**
   * Creates or overwrites a key. The TTL is cleared unless keepTtl; the access
   * time is refreshed. String bytes (RAW/EMBSTR Buffers) are copied into the
   * arena when they fit. Returns the slot.
   */
  put(key: string, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    return this.putAt(keyBytesOf(key), 0, key.length, type, enc, value, keepTtl);
  }

  /** put for a key given as bytes. */
  putAt(buf: Uint8Array, start: number, end: number, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    if (type === KeyType.STRING && enc !== Encoding.INT && value instanceof Uint8Array && HEADER + (end - start) + value.length <= MAX_CHUNK) {
      return this.putBytesAt(buf, start, end, enc, value, 0, value.length, keepTtl);
    }
    // Anything else is kept as given: a big string Buffer (the caller's to own,
    // e.g. APPEND's growable buffer), an int, or another type's object.
    const slot = this.prepare(buf, start, end, keepTtl, 0);
    this.values[slot] = value;
    this.meta[slot * 4 + 2] = type | (enc << 4) | (this.meta[slot * 4 + 2]! & (F_TTL | F_OUTKEY));
    return slot;
  }

  /** Creates or overwrites a string key from value bytes, copied straight into the arena (the SET path). */
  putBytesAt(kbuf: Uint8Array, ks: number, ke: number, enc: Encoding, vbuf: Uint8Array, vs: number, ve: number, keepTtl = false): number {
    const vlen = ve - vs;
    const inline = HEADER + (ke - ks) + vlen <= MAX_CHUNK;
    let value: Buffer | undefined;
    if (!inline) {
      // Copy before prepare(): the source may be this key's own value.
      value = Buffer.allocUnsafeSlow(vlen);
      value.set(vbuf.subarray(vs, ve));
    }
    const slot = this.prepare(kbuf, ks, ke, keepTtl, inline ? vlen : 0, vbuf, vs);
    const m = slot * 4;
    this.values[slot] = value;
    this.meta[m + 2] = KeyType.STRING | (enc << 4) | (inline ? F_INLINE : 0) | (this.meta[m + 2]! & (F_TTL | F_OUTKEY));
    return slot;
  }

  /**
   * Gives a live string key an int-encoded value in place (INCR and friends):
   * keeps the key's chunk and TTL, refreshes the access time.
   */
  setInt(slot: number, n: number | bigint): void {
    const m = slot * 4;
    const info = this.meta[m + 2]!;
    if (info & F_INLINE) {
      // The chunk keeps the key; its value bytes are no longer used.
      const ref = this.meta[m + 1]!;
      writeU32(this.arena.page(ref), this.arena.offset(ref) + 4, 0);
    }
    this.values[slot] = n;
    this.meta[m + 2] = KeyType.STRING | (Encoding.INT << 4) | (info & (F_TTL | F_OUTKEY));
    this.meta[m + 3] = this.stats.lru;
  }

  /** Replaces the value of a live slot, keeping its TTL and access time. */
  replaceValue(slot: number, enc: Encoding, value: unknown): void {
    const m = slot * 4;
    const type = this.meta[m + 2]! & 15;
    const keep = this.meta[m + 2]! & (F_TTL | F_OUTKEY);
    const access = this.meta[m + 3]!;
    const key = this.keyBytes(slot);
    this.putAt(key, 0, key.length, type, enc, value, true);
    this.meta[m + 3] = access;
    this.meta[m + 2] = (this.meta[m + 2]! & ~(F_TTL | F_OUTKEY)) | keep;
  }

  /** Sets an absolute expiry (ms), or clears it with 0. */
  setExpire(slot: number, atMs: number): void {
    const m = slot * 4 + 2;
    const had = (this.meta[m]! & F_TTL) !== 0;
    if (atMs === 0) {
      if (had) this.volatile--;
      this.meta[m] = this.meta[m]! & ~F_TTL;
      this.expires[slot] = 0;
      return;
    }
    if (!had) this.volatile++;
    this.meta[m] = this.meta[m]! | F_TTL;
    this.expires[slot] = atMs;
  }

  /** Deletes a key if it exists (expired keys count as absent). */
  delete(key: string): boolean {
    const slot = this.lookupWrite(key);
    if (slot === NO_KEY) return false;
    this.removeSlot(slot);
    return true;
  }

  deleteSlot(slot: number): void {
    this.removeSlot(slot);
  }

  /** Removes every key. */
  clear(): void {
    this.index.clear();
    for (let s = 0; s < this.high; s++) if (this.meta[s * 4 + 2] !== 0 && this.meta[s * 4 + 1]! >= 0) this.arena.release(this.meta[s * 4 + 1]!);
    this.outKeys.clear();
    this.values = [];
    this.meta = new Int32Array(MIN_CAPACITY * 4);
    this.expires = new Float64Array(MIN_CAPACITY);
    this.freeSlots = [];
    this.high = 0;
    this.count = 0;
    this.volatile = 0;
    this.sweepCursor = 0;
    this.lastFound = -1;
  }

  /** Bytes the arena chunks of this database's items occupy. */
  get arenaBytes(): number {
    return this.arena.usedBytes;
  }

  // ---- iteration (./iteration.ts walks the slot table through these) -------

  /**
   * Visits live keys starting at slot `cursor`, at most `count` occupied
   * slots, and returns the next cursor (0 when done). Expired keys are
   * collected and not visited.
   */
  scan(cursor: number, count: number, visit: (slot: number) => void): number {
    return scanSlots(this, cursor, count, visit, this.clock.now());
  }

  /** A random live key's slot, or NO_KEY when empty. */
  randomSlot(): number {
    return randomLiveSlot(this, this.clock.now());
  }

  /**
   * Active expiry: sweeps the expiry column from where it stopped until
   * `deadline` (performance.now() ms) or a full lap; true when the lap ended.
   */
  activeExpire(deadline: number, now: () => number, out: { checked: number; expired: number }): boolean {
    if (this.volatile === 0) return true;
    return sweepExpired(this, deadline, now, out, this.clock.now());
  }

  /** @internal Whether slot `s` holds a key. */
  occupied(s: number): boolean {
    return this.meta[s * 4 + 2] !== 0;
  }
  /** @internal Raw expiry of slot `s` (0 = none), no liveness check. */
  rawExpire(s: number): number {
    return this.expires[s]!;
  }
  /** @internal Removes an expired key and counts it. */
  collectExpired(s: number): void {
    this.removeSlot(s);
    this.stats.expiredKeys++;
  }
  /** @internal Where the active expiry sweep resumes. */
  get sweepAt(): number {
    return this.sweepCursor;
  }
  set sweepAt(s: number) {
    this.sweepCursor = s;
  }

  // ---- internals ----------------------------------------------------------

  /**
   * Finds or creates the slot for a key and gives it a fresh chunk holding the
   * key and, when vlen > 0, value bytes copied from vsrc. The old chunk is
   * released only after the copy, so vsrc may be the key's own value.
   * Leaves type/encoding/INLINE for the caller; keeps TTL only if keepTtl.
   */
  private prepare(kbuf: Uint8Array, ks: number, ke: number, keepTtl: boolean, vlen: number, vsrc?: Uint8Array, vs = 0): number {
    const last = this.lastFound;
    let h: number;
    let slot: number;
    if (last >= 0 && last < this.high && this.meta[last * 4 + 2] !== 0 && this.keyEquals(last, kbuf, ks, ke)) {
      slot = last;
      h = this.meta[last * 4]! >>> 0;
    } else {
      h = hashBytes(kbuf, ks, ke);
      slot = this.index.find(kbuf, ks, ke, h);
    }
    const klen = ke - ks;
    const isNew = slot < 0;
    if (!isNew) {
      const m = slot * 4;
      if (this.meta[m + 2]! & F_TTL) {
        if (this.expires[slot]! <= this.clock.now()) {
          // Overwriting a key that expired but was not collected: it is a new
          // key (no TTL kept). Commands that look the key up first count the
          // expiry there, as Redis does; a blind overwrite does not.
          this.setExpire(slot, 0);
        } else if (!keepTtl) {
          this.setExpire(slot, 0);
        }
      }
    } else {
      slot = this.allocSlot();
      this.count++;
      this.meta[slot * 4] = h | 0;
      this.meta[slot * 4 + 1] = -1;
      this.meta[slot * 4 + 2] = 0;
      this.expires[slot] = 0;
    }
    const m = slot * 4;
    const oldRef = this.meta[m + 1]!;
    if (HEADER + klen > MAX_CHUNK) {
      // A huge key lives outside the arena (and so does its value).
      if (!this.outKeys.has(slot)) this.outKeys.set(slot, Buffer.from(kbuf.subarray(ks, ke)));
      this.meta[m + 1] = -1;
      this.meta[m + 2] = (this.meta[m + 2]! & F_TTL) | F_OUTKEY;
    } else if (
      oldRef >= 0 &&
      classFor(HEADER + klen + vlen) === classFor(this.arena.capacity(oldRef))
    ) {
      // Same size class: overwrite the value in place (the key is already
      // there). Safe: arena bytes are always copied into replies, never
      // queued on a socket; a source that is part of this very value starts
      // at or after the value's first byte, and copies run forward (or
      // through TypedArray#set, which handles overlap).
      const page = this.arena.page(oldRef);
      const off = this.arena.offset(oldRef);
      writeU32(page, off + 4, vlen);
      if (vlen > 0) copyBytes(vsrc!, vs, vlen, page, off + HEADER + klen);
      this.meta[m + 2] = this.meta[m + 2]! & F_TTL;
      this.meta[m + 3] = this.stats.lru;
      return slot;
    } else {
      const ref = this.arena.alloc(HEADER + klen + vlen);
      const page = this.arena.page(ref);
      const off = this.arena.offset(ref);
      writeU32(page, off, klen);
      writeU32(page, off + 4, vlen);
      copyBytes(kbuf, ks, klen, page, off + HEADER);
      if (vlen > 0) copyBytes(vsrc!, vs, vlen, page, off + HEADER + klen);
      this.meta[m + 1] = ref;
      this.meta[m + 2] = this.meta[m + 2]! & F_TTL;
    }
    if (oldRef >= 0) this.arena.release(oldRef);
    this.meta[m + 3] = this.stats.lru;
    if (isNew) this.index.insert(slot, h);
    return slot;
  }

  private allocSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.high++;
    if (slot >= this.expires.length) this.grow();
    return slot;
  }

  private grow(): void {
    const cap = this.expires.length * 2;
    const meta = new Int32Array(cap * 4);
    meta.set(this.meta);
    this.meta = meta;
    const x = new Float64Array(cap);
    x.set(this.expires);
    this.expires = x;
  }

  private removeSlot(slot: number): void {
    if (slot === this.lastFound) this.lastFound = -1;
    const m = slot * 4;
    this.index.remove(slot, this.meta[m]! >>> 0);
    const ref = this.meta[m + 1]!;
    if (ref >= 0) this.arena.release(ref);
    if (this.meta[m + 2]! & F_OUTKEY) this.outKeys.delete(slot);
    if (this.meta[m + 2]! & F_TTL) this.volatile--;
    this.expires[slot] = 0;
    this.values[slot] = undefined;
    this.meta[m + 1] = -1;
    this.meta[m + 2] = 0;
    this.count--;
    if (this.count === 0) {
      // Empty again: forget the slot space so SCAN and the sweep start small.
      this.high = 0;
      this.freeSlots.length = 0;
      this.sweepCursor = 0;
    } else {
      this.freeSlots.push(slot);
    }
  }
}
