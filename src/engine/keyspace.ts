/**
 * One logical database: the only door the command layer uses to find, insert
 * and delete keys, with a type tag, an encoding and an absolute expiry per key.
 * Keys arrive as byte ranges; values are bytes (Buffer) or, for the int
 * encoding, numbers. Non-goal: off-heap layout (the arena engine replaces the
 * internals of this class without changing its methods).
 *
 * Storage is struct-of-arrays indexed by a slot number. A slot never moves while
 * its key lives, which is what lets SCAN use the slot as its cursor and still
 * return every key present for the whole iteration.
 */
import type { Clock } from './clock.js';
import { KeyIndex, hashBytes, type KeyStore } from './index/key-index.js';
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

export class Database implements KeyStore {
  private readonly index = new KeyIndex(this);
  /** Key bytes per slot (undefined = free slot). */
  private keys: (Buffer | undefined)[] = [];
  private hashes = new Uint32Array(MIN_CAPACITY);
  private values: unknown[] = [];
  private types = new Uint8Array(MIN_CAPACITY);
  private encs = new Uint8Array(MIN_CAPACITY);
  private expires = new Float64Array(MIN_CAPACITY);
  private access = new Uint32Array(MIN_CAPACITY);
  private freeSlots: number[] = [];
  /** One past the highest slot ever used; SCAN and the expiry sweep stop here. */
  private high = 0;
  private volatile = 0;
  /** Where the active expiry sweep resumes. */
  private sweepCursor = 0;

  constructor(
    private readonly clock: Clock,
    private readonly stats: KeyspaceStats,
  ) {}

  /** Number of keys, expired-but-not-yet-collected ones included (as Redis's DBSIZE). */
  get size(): number {
    return this.index.size;
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
    const slot = this.lookupWriteAt(buf, start, end);
    if (slot === NO_KEY) {
      this.stats.misses++;
      return NO_KEY;
    }
    this.stats.hits++;
    if (touch) this.access[slot] = this.stats.lru;
    return slot;
  }

  /** Finds a key, expiring it lazily, without touching stats or access time. */
  lookupWrite(key: string): number {
    return this.lookupWriteAt(keyBytesOf(key), 0, key.length);
  }

  /** lookupWrite for a key given as bytes. */
  lookupWriteAt(buf: Uint8Array, start: number, end: number): number {
    const slot = this.index.find(buf, start, end, hashBytes(buf, start, end));
    if (slot < 0) return NO_KEY;
    const at = this.expires[slot]!;
    if (at !== 0 && at <= this.clock.now()) {
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
    const at = this.expires[slot]!;
    return at !== 0 && at <= this.clock.now() ? NO_KEY : slot;
  }

  type(slot: number): KeyType {
    return this.types[slot] as KeyType;
  }
  encoding(slot: number): Encoding {
    return this.encs[slot] as Encoding;
  }
  /** Absolute expiry in ms, or 0 when the key has no TTL. */
  expireAt(slot: number): number {
    return this.expires[slot]!;
  }
  /** LRU clock value of the last access. */
  accessTime(slot: number): number {
    return this.access[slot]!;
  }
  /** The key as a string (one char per byte); allocates, so not for hot paths. */
  keyName(slot: number): string {
    const k = this.keys[slot]!;
    return k.latin1Slice(0, k.length);
  }
  /** The key's bytes (do not modify). */
  keyBytes(slot: number): Buffer {
    return this.keys[slot]!;
  }
  keyHash(slot: number): number {
    return this.hashes[slot]!;
  }
  value(slot: number): unknown {
    return this.values[slot];
  }
  stringValue(slot: number): StringValue {
    return this.values[slot] as StringValue;
  }

  // ---- mutation -----------------------------------------------------------

  /**
   * Creates or overwrites a key. The TTL is cleared unless keepTtl; the access
   * time is refreshed. Returns the slot.
   */
  put(key: string, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    return this.putAt(keyBytesOf(key), 0, key.length, type, enc, value, keepTtl);
  }

  /** put for a key given as bytes. */
  putAt(buf: Uint8Array, start: number, end: number, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    const h = hashBytes(buf, start, end);
    let slot = this.index.find(buf, start, end, h);
    if (slot < 0) {
      slot = this.allocSlot();
      const k = Buffer.allocUnsafe(end - start);
      k.set(buf.subarray(start, end));
      this.keys[slot] = k;
      this.hashes[slot] = h;
      this.expires[slot] = 0;
      this.index.insert(slot, h);
    } else if (!keepTtl && this.expires[slot] !== 0) {
      this.expires[slot] = 0;
      this.volatile--;
    }
    this.types[slot] = type;
    this.encs[slot] = enc;
    this.values[slot] = value;
    this.access[slot] = this.stats.lru;
    return slot;
  }

  /** Replaces the value of a live slot in place, keeping its TTL. */
  replaceValue(slot: number, enc: Encoding, value: unknown): void {
    this.encs[slot] = enc;
    this.values[slot] = value;
  }

  /** Sets an absolute expiry (ms), or clears it with 0. */
  setExpire(slot: number, atMs: number): void {
    const had = this.expires[slot] !== 0;
    if (had && atMs === 0) this.volatile--;
    else if (!had && atMs !== 0) this.volatile++;
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
    this.keys = [];
    this.hashes = new Uint32Array(MIN_CAPACITY);
    this.values = [];
    this.types = new Uint8Array(MIN_CAPACITY);
    this.encs = new Uint8Array(MIN_CAPACITY);
    this.expires = new Float64Array(MIN_CAPACITY);
    this.access = new Uint32Array(MIN_CAPACITY);
    this.freeSlots = [];
    this.high = 0;
    this.volatile = 0;
    this.sweepCursor = 0;
  }

  // ---- iteration ----------------------------------------------------------

  /**
   * Visits live keys starting at slot `cursor`, at most `count` slots
   * (occupied or not, as Redis counts buckets), and returns the next cursor
   * (0 when done). Expired keys are collected and not visited.
   */
  scan(cursor: number, count: number, visit: (slot: number) => void): number {
    const now = this.clock.now();
    let s = cursor;
    // Visit at least `count` occupied slots, but bound the empty ones walked
    // over so a sparse table cannot make one call O(slots).
    let seen = 0;
    let walked = 0;
    const maxWalk = count * 10 + 100;
    while (s < this.high && seen < count && walked < maxWalk) {
      walked++;
      if (this.keys[s] !== undefined) {
        const at = this.expires[s]!;
        if (at !== 0 && at <= now) {
          this.removeSlot(s);
          this.stats.expiredKeys++;
        } else {
          seen++;
          visit(s);
        }
      }
      s++;
    }
    return s >= this.high ? 0 : s;
  }

  /** A random live key's slot, or NO_KEY when empty. */
  randomSlot(): number {
    const now = this.clock.now();
    for (let tries = 0; this.index.size > 0 && tries < 100; tries++) {
      const s = Math.floor(Math.random() * this.high);
      if (this.keys[s] === undefined) continue;
      const at = this.expires[s]!;
      if (at !== 0 && at <= now) {
        this.removeSlot(s);
        this.stats.expiredKeys++;
        continue;
      }
      return s;
    }
    // Sparse table: fall back to a walk from a random point.
    if (this.index.size === 0) return NO_KEY;
    const start = Math.floor(Math.random() * this.high);
    for (let i = 0; i < this.high; i++) {
      const s = (start + i) % this.high;
      if (this.keys[s] === undefined) continue;
      const at = this.expires[s]!;
      if (at !== 0 && at <= now) continue;
      return s;
    }
    return NO_KEY;
  }

  /**
   * Active expiry: sweeps the expiry column from where it stopped, removing
   * expired keys, until `deadline` (performance.now() ms) or a full lap.
   * Returns [checked, expired].
   */
  activeExpire(deadline: number, now: () => number, out: { checked: number; expired: number }): boolean {
    if (this.volatile === 0) return true;
    const wall = this.clock.now();
    const limit = this.high;
    let s = this.sweepCursor;
    let steps = 0;
    while (steps < limit) {
      if (s >= limit) s = 0;
      const at = this.expires[s]!;
      if (at !== 0) {
        out.checked++;
        if (at <= wall) {
          this.removeSlot(s);
          this.stats.expiredKeys++;
          out.expired++;
        }
      }
      s++;
      steps++;
      if ((steps & 1023) === 0 && now() >= deadline) {
        this.sweepCursor = s;
        return false;
      }
    }
    this.sweepCursor = s;
    return true;
  }

  // ---- internals ----------------------------------------------------------

  private allocSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.high++;
    if (slot >= this.types.length) this.grow();
    return slot;
  }

  private grow(): void {
    const cap = this.types.length * 2;
    const t = new Uint8Array(cap);
    t.set(this.types);
    this.types = t;
    const e = new Uint8Array(cap);
    e.set(this.encs);
    this.encs = e;
    const x = new Float64Array(cap);
    x.set(this.expires);
    this.expires = x;
    const a = new Uint32Array(cap);
    a.set(this.access);
    this.access = a;
    const h = new Uint32Array(cap);
    h.set(this.hashes);
    this.hashes = h;
  }

  private removeSlot(slot: number): void {
    this.index.remove(slot, this.hashes[slot]!);
    this.keys[slot] = undefined;
    this.values[slot] = undefined;
    if (this.expires[slot] !== 0) {
      this.volatile--;
      this.expires[slot] = 0;
    }
    this.types[slot] = KeyType.NONE;
    if (this.index.size === 0) {
      // Empty again: forget the slot space so SCAN and the sweep start small.
      this.high = 0;
      this.freeSlots.length = 0;
      this.sweepCursor = 0;
    } else {
      this.freeSlots.push(slot);
    }
  }
}
