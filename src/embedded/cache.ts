/**
 * The embedded face of the engine: `new Cache({ maxMemory, policy })`, the
 * same off-heap keyspace, TTLs and eviction the server uses, called in
 * process. Keys are strings (UTF-8) or bytes; values are bytes, with string
 * and JSON helpers. Values read back are copies, so they stay valid whatever
 * the cache does next. Non-goals: the server's other data types.
 */
import { systemClock, type Clock } from '../engine/clock.js';
import { Engine, EvictResult } from '../engine/engine.js';
import type { Database } from '../engine/keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../engine/status.js';
import { parseMemory } from './memory-units.js';

export type CacheKey = string | Uint8Array;
export type CachePolicy =
  | 'allkeys-lru' | 'allkeys-lfu' | 'allkeys-random' | 'allkeys-fifo' | 'allkeys-adaptive'
  | 'volatile-lru' | 'volatile-lfu' | 'volatile-random' | 'volatile-ttl' | 'volatile-adaptive' | 'noeviction';

/** Why an entry left the cache, as told to onEvict. */
export type EvictReason = 'evict';

export interface CacheOptions {
  /**
   * Memory limit: bytes, or a Redis-style size ('100mb', '1gb'). Counts item
   * memory (keys, values, headers) and the key table, as the server's
   * used_memory does. Required unless `policy` is 'noeviction' with no limit
   * wanted: an unbounded cache must be asked for with `maxMemory: 0`.
   */
  maxMemory: number | string;
  /** Which entries go when maxMemory is reached. Default 'allkeys-adaptive'. */
  policy?: CachePolicy;
  /** Called with each entry evicted to make room (not for deletes or expiry). */
  onEvict?: (key: Buffer, value: Buffer, reason: EvictReason) => void;
  /** Keys sampled per eviction (maxmemory-samples). Default 5. */
  samples?: number;
  /** Time source; tests inject a FakeClock so TTLs never need sleeping. */
  clock?: Clock;
}

export interface SetOptions {
  /** Time to live in milliseconds (> 0). */
  ttl?: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
  expirations: number;
  /** Bytes counted against maxMemory. */
  memory: number;
  maxMemory: number;
  size: number;
}

/** Thrown by set() under 'noeviction' when the cache is full. */
export class CacheFullError extends Error {
  constructor() {
    super("OOM command not allowed when used memory > 'maxmemory'.");
    this.name = 'CacheFullError';
  }
}

const utf8 = new TextDecoder();

export class Cache {
  private readonly engine: Engine;
  private readonly db: Database;
  private readonly clock: Clock;
  private keyBuf = Buffer.allocUnsafe(256);
  private keyLen = 0;

  constructor(options: CacheOptions) {
    if (options === undefined || options.maxMemory === undefined) {
      throw new TypeError('Cache: maxMemory is required (use 0 for an unbounded cache)');
    }
    this.clock = options.clock ?? systemClock;
    this.engine = new Engine({
      databases: 1,
      clock: this.clock,
      maxMemory: parseMemory(options.maxMemory),
      policy: options.policy ?? 'allkeys-adaptive',
      samples: options.samples ?? 5,
    });
    this.db = this.engine.dbs[0]!;
    const onEvict = options.onEvict;
    if (onEvict !== undefined) {
      this.engine.onEvict = (db, pos) => onEvict(db.keyBytes(pos), this.copyValue(db, pos), 'evict');
    }
  }

  /** The value of `key` (a copy), or undefined when absent or expired. */
  get(key: CacheKey): Buffer | undefined {
    this.refreshClock();
    const pos = this.db.lookupReadAt(this.keyBytes(key), 0, this.keyLen);
    return pos === NO_KEY ? undefined : this.copyValue(this.db, pos);
  }

  /** get() decoded as UTF-8. */
  getString(key: CacheKey): string | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : utf8.decode(v);
  }

  /** get() parsed as JSON. */
  getJson<T = unknown>(key: CacheKey): T | undefined {
    const v = this.getString(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  /**
   * Stores `value` under `key`, replacing any value and TTL. Evicts by the
   * policy when over maxMemory; under 'noeviction' a full cache throws
   * CacheFullError and keeps its contents.
   */
  set(key: CacheKey, value: Uint8Array | string, options?: SetOptions): this {
    this.refreshClock();
    const ttl = options?.ttl;
    if (ttl !== undefined && !(ttl > 0 && Number.isFinite(ttl))) throw new RangeError(`Cache: ttl must be a positive number of ms, got ${ttl}`);
    if (this.engine.maxMemory > 0 && this.engine.policy.kind === 'none' && this.engine.evict() !== EvictResult.OK) throw new CacheFullError();
    const v = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const k = this.keyBytes(key);
    const pos = this.db.putBytesAt(k, 0, this.keyLen, Encoding.RAW, v, 0, v.length);
    if (ttl !== undefined) this.db.setExpire(pos, this.clock.now() + ttl);
    if (this.engine.maxMemory > 0 && this.engine.policy.kind !== 'none') this.engine.evict();
    return this;
  }

  /** set() of JSON.stringify(value). */
  setJson(key: CacheKey, value: unknown, options?: SetOptions): this {
    return this.set(key, JSON.stringify(value), options);
  }

  /** Removes `key`; true when it was there. */
  delete(key: CacheKey): boolean {
    this.refreshClock();
    const k = this.keyBytes(key);
    const pos = this.db.lookupWriteAt(k, 0, this.keyLen);
    if (pos === NO_KEY) return false;
    this.db.removeAt(pos);
    return true;
  }

  /** Whether `key` is present (does not count as an access). */
  has(key: CacheKey): boolean {
    this.refreshClock();
    const k = this.keyBytes(key);
    const pos = this.db.findAt(k, 0, this.keyLen);
    if (pos === NO_KEY) return false;
    const at = this.db.expireAt(pos);
    return at === 0 || at > this.clock.now();
  }

  /** Milliseconds left to live: -1 without a TTL, -2 when absent (as PTTL). */
  ttl(key: CacheKey): number {
    this.refreshClock();
    const pos = this.db.lookupReadAt(this.keyBytes(key), 0, this.keyLen, false);
    if (pos === NO_KEY) return -2;
    const at = this.db.expireAt(pos);
    return at === 0 ? -1 : Math.max(0, at - this.clock.now());
  }

  /** Sets a TTL in ms (> 0), or removes it with 0; false when the key is absent. */
  expire(key: CacheKey, ttl: number): boolean {
    if (!(ttl >= 0 && Number.isFinite(ttl))) throw new RangeError(`Cache: ttl must be >= 0 ms, got ${ttl}`);
    this.refreshClock();
    const pos = this.db.lookupWriteAt(this.keyBytes(key), 0, this.keyLen);
    if (pos === NO_KEY) return false;
    this.db.setExpire(pos, ttl === 0 ? 0 : this.clock.now() + ttl);
    return true;
  }

  /** get() of several keys, in order. */
  getMany(keys: Iterable<CacheKey>): (Buffer | undefined)[] {
    const out: (Buffer | undefined)[] = [];
    for (const k of keys) out.push(this.get(k));
    return out;
  }

  /** set() of several entries. */
  setMany(entries: Iterable<readonly [CacheKey, Uint8Array | string]>, options?: SetOptions): this {
    for (const [k, v] of entries) this.set(k, v, options);
    return this;
  }

  /** Live keys, as Buffers. Safe against changes made while iterating (a key present throughout is yielded). */
  *keys(): IterableIterator<Buffer> {
    for (const [k] of this.entries()) yield k;
  }

  /** Live values. */
  *values(): IterableIterator<Buffer> {
    for (const [, v] of this.entries()) yield v;
  }

  /** Live [key, value] pairs, walked with the SCAN cursor in batches. */
  *entries(): IterableIterator<[Buffer, Buffer]> {
    let cursor = 0;
    const batch: [Buffer, Buffer][] = [];
    do {
      this.refreshClock();
      cursor = this.db.scan(cursor, 64, (pos) => {
        if (this.db.type(pos) === KeyType.STRING) batch.push([this.db.keyBytes(pos), this.copyValue(this.db, pos)]);
      });
      // SCAN may return a key twice when the table shrinks between batches.
      yield* batch.splice(0);
    } while (cursor !== 0);
  }

  [Symbol.iterator](): IterableIterator<[Buffer, Buffer]> {
    return this.entries();
  }

  /** Removes everything. */
  clear(): void {
    this.engine.flushAll();
  }

  /** Entries stored (expired ones not yet collected included, as DBSIZE). */
  get size(): number {
    return this.db.size;
  }

  stats(): CacheStats {
    return {
      hits: this.engine.stats.hits,
      misses: this.engine.stats.misses,
      evictions: this.engine.eviction.evictedKeys,
      expirations: this.engine.stats.expiredKeys,
      memory: this.engine.usedMemory(),
      maxMemory: this.engine.maxMemory,
      size: this.db.size,
    };
  }

  /**
   * Runs one bounded active-expiry pass (about `budgetMs`): expired entries
   * nobody reads again are collected. Call it from a timer if that matters;
   * reads and writes already drop the expired entries they meet.
   */
  purgeExpired(budgetMs = 1): void {
    this.refreshClock();
    this.engine.activeExpireCycle(budgetMs);
  }

  private refreshClock(): void {
    this.engine.refreshClock();
  }

  private keyBytes(key: CacheKey): Uint8Array {
    if (typeof key !== 'string') {
      this.keyLen = key.length;
      return key;
    }
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (key.length * 3 > this.keyBuf.length) this.keyBuf = Buffer.allocUnsafe(key.length * 3);
    this.keyLen = this.keyBuf.utf8Write(key, 0);
    return this.keyBuf;
  }

  private copyValue(db: Database, pos: number): Buffer {
    const mem = db.stringRef(pos);
    if (mem === null) return Buffer.from(String(db.value(pos)));
    // Arena pages and big values are Buffers: one copy, no view object.
    const out = Buffer.allocUnsafe(db.refEnd - db.refStart);
    (mem as Buffer).copy(out, 0, db.refStart, db.refEnd);
    return out;
  }
}
