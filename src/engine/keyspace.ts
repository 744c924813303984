/**
 * One logical database: the only door the command layer uses to find, insert
 * and delete keys, with a type tag, an encoding and an absolute expiry per key.
 * Every key lives in an arena item (./items.ts, layout in ./arena/item.ts)
 * with its type, TTL, access field and small values' bytes; big values are
 * objects the item refers to. The key table (./index/key-index.ts) holds 6
 * bytes per key. A key handle is the key's position in that table: positions
 * move when keys are added or removed, so a handle is valid until the next
 * write. Writes tell the optional hooks (WATCH, events, blocking, snapshot).
 */
import type { Clock } from './clock.js';
import { SlabArena } from './arena/slab.js';
import { AccessMode, initialAccess, touched, type AccessState } from './eviction/access.js';
import { KeyIndex, META_TTL, hashBytes } from './index/key-index.js';
import { ItemStore, fitsInline, ownCopy } from './items.js';
import { KeyReads } from './key-reads.js';
import { randomLivePosition, scanIndex, sweepExpired } from './iteration.js';
import { Encoding, KeyType, NO_KEY } from './status.js';
import type { KeyEvents, KeyWatcher, ReadySignal } from './watch.js';
import type { SnapshotHook } from './snapshot.js';
import { TierRef } from './tier/tier-ref.js';

export { LRU_CLOCK_MAX, lruClock } from './eviction/access.js';

/** Scratch space for turning a key string back into bytes without allocating. */
let scratch = Buffer.allocUnsafe(1024);
function keyBytesOf(key: string): Buffer {
  if (key.length > scratch.length) scratch = Buffer.allocUnsafe(key.length * 2);
  scratch.latin1Write(key, 0);
  return scratch;
}

/** A string value: bytes, or a number/bigint when the encoding is INT. */
export type { StringValue } from './key-reads.js';

/** Counters and clocks shared by all databases, read by INFO. */
export interface KeyspaceStats extends AccessState {
  hits: number;
  misses: number;
  expiredKeys: number;
  expiredStalePerc: number;
}

export class Database extends KeyReads {
  private volatile = 0;
  /** @internal Where the active expiry sweep (./iteration.ts) resumes. */
  sweepAt = 0;
  /** The last lookup's position: a write of the same key right after (SET, INCR...) checks it with one key comparison, never trusting it. */
  private lastFound = -1;
  /** The hash of the key findForWrite() did not find, for the insert that follows. */
  private newHash = 0;
  /** WATCH entries naming this database: writes call the watcher only when non-zero (see ./watch.ts). */
  watchedKeys = 0;
  watcher: KeyWatcher | null = null;
  /** Told of keys created, expired and missed by reads (keyspace notifications); null, the usual case, costs one test. */
  events: KeyEvents | null = null;
  /** Keys of this database clients block on (BLPOP...): list and zset writes call `ready` only when non-zero. */
  blockedKeys = 0;
  ready: ReadySignal | null = null;
  /** Set while a snapshot walks this database (./snapshot.ts): writes hand it the old state first. */
  snap: SnapshotHook | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly stats: KeyspaceStats,
    arena?: SlabArena,
  ) {
    const items = new ItemStore(arena ?? new SlabArena());
    super(items, new KeyIndex(items));
  }

  /** Number of keys, expired-but-not-yet-collected ones included (as Redis's DBSIZE). */
  get size(): number {
    return this.index.size;
  }
  /** Number of keys with a TTL. */
  get volatileCount(): number {
    return this.volatile;
  }
  /** Upper bound (exclusive) of key handles, for walks over every position. */
  get slotLimit(): number {
    return this.index.capacity;
  }
  /** The key table, for the walks in ./iteration.ts and eviction sampling. */
  get table(): KeyIndex {
    return this.index;
  }
  /** Set by stringRef(): the byte range of the value in the returned memory. */
  get refStart(): number {
    return this.items.refStart;
  }
  get refEnd(): number {
    return this.items.refEnd;
  }

  /** Bytes of item chunks, key table and outside values (estimated): what maxmemory is compared with. */
  get usedMemory(): number {
    return this.items.usedBytes + this.index.bytes;
  }
  /** Bytes the arena holds from the system (pages), for fragmentation figures. */
  get reservedMemory(): number {
    return this.items.reservedBytes + this.index.bytes;
  }
  /** Bytes of item chunks in use. */
  get arenaBytes(): number {
    return this.items.arena.usedBytes;
  }

  static keyOf(buf: Uint8Array, start: number, end: number): string {
    return (buf as Buffer).latin1Slice(start, end);
  }

  // ---- lookup -------------------------------------------------------------

  /** Finds a key for reading: expires it lazily, counts a hit or miss, updates its access field. */
  lookupRead(key: string, touch = true): number {
    return this.lookupReadAt(keyBytesOf(key), 0, key.length, touch);
  }

  /** lookupRead for a key given as bytes (the hot path: no string is made). */
  lookupReadAt(buf: Uint8Array, start: number, end: number, touch = true): number {
    const pos = this.findLive(buf, start, end);
    if (pos === NO_KEY) {
      this.stats.misses++;
      if (this.events !== null) this.events.missed(this, buf, start, end);
      return NO_KEY;
    }
    this.stats.hits++;
    if (touch) this.items.touch(this.index.refs[pos]!, this.stats);
    return pos;
  }

  /**
   * Finds a key for writing: expires it lazily and updates its access field
   * (as Redis 7.0's lookupKeyWrite() does), without counting a hit or miss.
   */
  lookupWrite(key: string): number {
    return this.lookupWriteAt(keyBytesOf(key), 0, key.length);
  }

  /** lookupWrite for a key given as bytes. */
  lookupWriteAt(buf: Uint8Array, start: number, end: number): number {
    const pos = this.findLive(buf, start, end);
    if (pos !== NO_KEY) {
      // Write commands change values in place after this lookup.
      if (this.snap !== null) this.snap.before(this, pos);
      this.items.touch(this.index.refs[pos]!, this.stats);
    }
    return pos;
  }

  /** The handle of the key buf[start, end), expired or not, with no side effect at all. */
  findAt(buf: Uint8Array, start: number, end: number): number {
    const pos = this.index.find(buf, start, end, hashBytes(buf, start, end));
    return pos < 0 ? NO_KEY : pos;
  }

  /** Finds a key without any side effect, not even lazy expiry (used by OBJECT/DEBUG). */
  peek(key: string): number {
    const pos = this.findAt(keyBytesOf(key), 0, key.length);
    if (pos === NO_KEY) return NO_KEY;
    const at = this.expireAt(pos);
    return at !== 0 && at <= this.clock.now() ? NO_KEY : pos;
  }

  /** Finds a key, expiring it lazily, without touching stats or access time. */
  private findLive(buf: Uint8Array, start: number, end: number): number {
    const pos = this.index.find(buf, start, end, hashBytes(buf, start, end));
    if (pos < 0) return NO_KEY;
    this.lastFound = pos;
    if (this.index.meta[pos]! & META_TTL && this.expireAt(pos) <= this.clock.now()) {
      this.collectExpired(pos);
      return NO_KEY;
    }
    return pos;
  }

  // ---- the tier (./tier/tier.ts) ------------------------------------------

  /**
   * The value object as stored (a tier's reference is not brought back), or
   * null for bytes in the item. For the tier only: reading a big buffer here
   * does not stop its recycling (see ObjectTable.peek).
   */
  rawValue(pos: number): unknown {
    return this.items.rawObject(this.index.refs[pos]!);
  }
  /** Swaps a value object for a tier reference or back: not a write (the value is the same), only its accounted size changes. */
  swapValue(pos: number, v: unknown): void {
    this.items.swapObject(this.index.refs[pos]!, v);
  }
  /** Records an access without a lookup (a value brought back for a read about to run). */
  touchAt(pos: number): void {
    this.items.touch(this.index.refs[pos]!, this.stats);
  }

  // ---- mutation -----------------------------------------------------------

  /**
   * Creates or overwrites a key. The TTL is cleared unless keepTtl; the access
   * field is refreshed. String bytes are copied into the arena when they fit.
   * Returns the key's handle.
   */
  put(key: string, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    return this.putAt(keyBytesOf(key), 0, key.length, type, enc, value, keepTtl);
  }

  /** put for a key given as bytes. */
  putAt(buf: Uint8Array, start: number, end: number, type: KeyType, enc: Encoding, value: unknown, keepTtl = false): number {
    if (enc !== Encoding.INT && value instanceof Uint8Array && fitsInline(end - start, value.length)) {
      return this.putBytesAt(buf, start, end, enc, value, 0, value.length, keepTtl, type);
    }
    // Anything else is kept as given: a big string or blob Buffer (the
    // caller's to own, e.g. APPEND's growable buffer), an int, or another
    // type's object.
    return this.write(this.findForWrite(buf, start, end), buf, start, end, keepTtl, type | (enc << 3), null, 0, 0, value, -1);
  }

  /**
   * Creates or overwrites a key from value bytes, copied straight into the
   * arena (the SET path; also a collection's compact encoding, a blob).
   */
  putBytesAt(
    kbuf: Uint8Array, ks: number, ke: number, enc: Encoding, vbuf: Uint8Array, vs: number, ve: number,
    keepTtl = false, type: KeyType = KeyType.STRING,
  ): number {
    const pos = this.findForWrite(kbuf, ks, ke);
    const info = type | (enc << 3);
    const vlen = ve - vs;
    if (fitsInline(ke - ks, vlen)) return this.write(pos, kbuf, ks, ke, keepTtl, info, vbuf, vs, vlen, undefined, -1);
    return this.write(pos, kbuf, ks, ke, keepTtl, info, null, 0, 0, ownCopy(vbuf, vs, ve), -1);
  }

  /**
   * Gives a live string key an int-encoded value (INCR and friends), keeping
   * its TTL and access field (the lookup before it recorded the access). An
   * int already held as an object is replaced without touching the item.
   */
  setInt(pos: number, n: number | bigint): void {
    const ref = this.index.refs[pos]!;
    if (this.items.holdsIntObject(ref, Encoding.INT)) {
      if (this.snap !== null) this.snap.before(this, pos);
      if (this.watchedKeys !== 0) this.watcher!.touched(this, this.keyName(pos), false);
      this.items.replaceObject(ref, n);
      return;
    }
    const key = this.keyBytes(pos);
    this.write(pos, key, 0, key.length, true, KeyType.STRING | (Encoding.INT << 3), null, 0, 0, n, this.items.access(ref));
  }

  /**
   * Replaces the value of a live key, keeping its type, TTL and access field.
   * A Uint8Array value (with any encoding but int) is bytes: copied into the
   * item when it fits, else kept as given. Returns the key's handle.
   */
  replaceValue(pos: number, enc: Encoding, value: unknown): number {
    if (enc !== Encoding.INT && value instanceof Uint8Array && fitsInline(this.keyLength(pos), value.length)) {
      return this.replaceBytes(pos, enc, value, 0, value.length);
    }
    const type = this.type(pos);
    const access = this.accessTime(pos);
    const key = this.keyBytes(pos);
    return this.write(pos, key, 0, key.length, true, type | (enc << 3), null, 0, 0, value, access);
  }

  /**
   * Replaces the value of a live key with bytes src[s, e) (a collection's
   * rebuilt blob), keeping type, TTL and access field. src must not be this
   * key's own value. Returns the key's handle.
   */
  replaceBytes(pos: number, enc: Encoding, src: Uint8Array, s: number, e: number): number {
    const type = this.type(pos);
    const access = this.accessTime(pos);
    const key = this.keyBytes(pos);
    if (fitsInline(key.length, e - s)) return this.write(pos, key, 0, key.length, true, type | (enc << 3), src, s, e - s, undefined, access);
    return this.write(pos, key, 0, key.length, true, type | (enc << 3), null, 0, 0, ownCopy(src, s, e), access);
  }

  /**
   * Says that the value object of the key at `pos` was changed in place (a
   * collection grew or shrank): its memory is accounted again. Every command
   * that mutates a value object without replaceValue() calls it.
   */
  modified(pos: number): void {
    if (this.snap !== null) this.snap.before(this, pos);
    if (this.watchedKeys !== 0) this.watcher!.touched(this, this.keyName(pos), false);
    this.items.objectChanged(this.index.refs[pos]!);
  }

  /** Sets an absolute expiry (ms), or clears it with 0. */
  setExpire(pos: number, atMs: number): void {
    const ref = this.index.refs[pos]!;
    const had = this.items.expireAt(ref) !== 0;
    if (!had && atMs === 0) return;
    if (TierRef.live !== 0) {
      const v = this.items.rawObject(ref);
      if (v instanceof TierRef) v.owner.expireChanged(v, atMs);
    }
    if (this.snap !== null) this.snap.before(this, pos);
    if (this.watchedKeys !== 0) this.watcher!.touched(this, this.keyName(pos), false);
    if (had && atMs !== 0) return this.items.setExpireInPlace(ref, atMs);
    this.index.setRef(pos, this.items.relayout(ref, atMs));
    if (this.snap !== null) this.snap.mark(this.index.refs[pos]!);
    this.index.setTtlBit(pos, atMs !== 0);
    this.volatile += atMs !== 0 ? 1 : -1;
  }

  /** Deletes a key if it exists (expired keys count as absent). */
  delete(key: string): boolean {
    const pos = this.lookupWrite(key);
    if (pos === NO_KEY) return false;
    this.removeAt(pos);
    return true;
  }

  /** Deletes the key buf[start, end) if it is stored, expired or not; true when it was. */
  deleteKeyAt(buf: Uint8Array, start: number, end: number): boolean {
    const pos = this.findAt(buf, start, end);
    if (pos === NO_KEY) return false;
    this.removeAt(pos);
    return true;
  }

  /** Removes the key at `pos` (a collection left empty, eviction, the walks). */
  removeAt(pos: number): void {
    if (this.snap !== null) this.snap.before(this, pos);
    if (this.watchedKeys !== 0) this.watcher!.touched(this, this.keyName(pos), true);
    this.lastFound = -1;
    const ref = this.index.refs[pos]!;
    if (this.index.meta[pos]! & META_TTL) this.volatile--;
    // The index may read the key (a growing table finds its copy by hash) before the item goes.
    this.index.removeAt(pos);
    this.items.release(ref);
    if (this.index.size === 0) this.sweepAt = 0;
  }

  /** Makes room for `n` keys in the key table at once, so a bulk load does not rehash as it grows. */
  reserve(n: number): void {
    this.index.reserve(n);
  }

  /** Removes every key. */
  clear(): void {
    if (this.snap !== null) this.snap.clearing(this);
    if (this.watchedKeys !== 0) this.watcher!.clearing(this);
    this.index.clear();
    this.items.clear();
    this.volatile = 0;
    this.sweepAt = 0;
    this.lastFound = -1;
  }

  // ---- walks (./iteration.ts) ---------------------------------------------

  /**
   * SCAN: visits live keys of the buckets from `cursor` (reverse-binary order,
   * as Redis, so a key present for the whole iteration is returned even if
   * the table grows or shrinks) until `count` were visited; returns the next
   * cursor (0 when done). Expired keys met are collected, not visited.
   */
  scan(cursor: number, count: number, visit: (pos: number) => void): number {
    return scanIndex(this, cursor, count, visit, this.clock.now());
  }

  /** A random live key's handle, or NO_KEY when empty. */
  randomSlot(): number {
    return randomLivePosition(this, this.clock.now());
  }

  /**
   * Active expiry: sweeps the table from where it stopped until `deadline`
   * (performance.now() ms) or a full lap; true when the lap ended.
   */
  activeExpire(deadline: number, now: () => number, out: { checked: number; expired: number }): boolean {
    if (this.volatile === 0) return true;
    return sweepExpired(this, deadline, now, out, this.clock.now());
  }

  /** @internal Removes an expired key and counts it. */
  collectExpired(pos: number): void {
    if (this.events !== null) this.events.expired(this, pos);
    this.removeAt(pos);
    this.stats.expiredKeys++;
  }

  // ---- internals ----------------------------------------------------------

  /** The position of a live-or-expired key about to be overwritten, or -1 (its hash then in newHash). */
  private findForWrite(kbuf: Uint8Array, ks: number, ke: number): number {
    const last = this.lastFound;
    if (last >= 0 && last < this.index.capacity && this.index.meta[last] !== 0 && this.keyEquals(last, kbuf, ks, ke)) return last;
    const h = hashBytes(kbuf, ks, ke);
    this.newHash = h;
    return this.index.find(kbuf, ks, ke, h);
  }

  /**
   * Writes a key: at `pos` (an existing key) or, when pos < 0, a new key
   * whose hash findForWrite() left in newHash. Decides what survives of the
   * old key (a TTL only if keepTtl and not yet passed; the access field,
   * refreshed unless `access` >= 0 is given) and lets the item store lay it out.
   */
  private write(
    pos: number, kbuf: Uint8Array, ks: number, ke: number, keepTtl: boolean, typeEnc: number,
    vsrc: Uint8Array | null, vs: number, vlen: number, obj: unknown, access: number,
  ): number {
    if (this.watchedKeys !== 0) this.watcher!.touched(this, Database.keyOf(kbuf, ks, ke), false);
    if (this.blockedKeys !== 0) this.ready!.written(this, (typeEnc & 7) as KeyType, Database.keyOf(kbuf, ks, ke));
    let expire = 0;
    let oldRef = -1;
    if (pos >= 0) {
      if (this.snap !== null) this.snap.before(this, pos);
      oldRef = this.index.refs[pos]!;
      const at = this.items.expireAt(oldRef);
      if (at !== 0) {
        // An expired key that was not collected is overwritten as a new key
        // (no TTL kept). Commands that look the key up first count the expiry
        // there, as Redis does; a blind overwrite does not.
        if (keepTtl && at > this.clock.now()) expire = at;
        else this.volatile--;
      }
      if (access < 0) {
        const old = this.items.access(oldRef);
        // Redis keeps the LFU counter across an overwrite; an overwrite is an access.
        access = this.stats.mode === AccessMode.FIFO ? old : touched(old, this.stats);
      }
    } else if (access < 0) {
      access = initialAccess(this.stats, this.newHash);
    }
    const ref = this.items.write(oldRef, kbuf, ks, ke, typeEnc, expire, access, vsrc, vs, vlen, obj);
    if (this.snap !== null) this.snap.mark(ref);
    if (pos >= 0) {
      this.index.setRef(pos, ref);
      this.index.setTtlBit(pos, expire !== 0);
      return pos;
    }
    const at = this.index.insert(ref, this.newHash, false);
    if (this.events !== null) this.events.created(this, at);
    return at;
  }
}
