/**
 * One logical database: the only door the command layer uses to find, insert
 * and delete keys, with a type tag, an encoding and an absolute expiry per key.
 * Keys arrive as byte ranges; values are bytes or, for the int encoding,
 * numbers; other types keep an object per key (the next issue's encodings).
 *
 * Every key lives in an item in the slab arena (./arena/slab.ts, layout in
 * ./arena/item.ts) together with its type, TTL, access field and, for
 * strings up to 16 KiB, the value bytes. The key table (./index/key-index.ts)
 * holds 6 bytes per key: the item's ref, a hash tag, a TTL bit and the probe
 * distance. Nothing else is kept per key: no slot table, no JS object.
 *
 * A key handle is the key's position in the key table. Positions move when
 * keys are added or removed, so a handle is only valid until the next write.
 */
import type { Clock } from './clock.js';
import {
  EXPIRE_BYTES, HEADER, INFO_EXT, INFO_TTL, MAX_INLINE_VALUE, VALUE_REF,
  copyBytes, itemSize, keyLength, keyOffset, readF64, readU16, readU24, readU32, writeF64, writeHeader, writeU24, writeU32,
} from './arena/item.js';
import { MAX_CHUNK, SlabArena, classFor } from './arena/slab.js';
import { AccessMode, initialAccess, touched, type AccessState } from './eviction/access.js';
import { KeyIndex, META_TTL, hashBytes, type KeyStore } from './index/key-index.js';
import { randomLivePosition, scanIndex, sweepExpired } from './iteration.js';
import { Encoding, KeyType, NO_KEY } from './status.js';

export { LRU_CLOCK_MAX, lruClock } from './eviction/access.js';

/** Scratch space for turning a key string back into bytes without allocating. */
let scratch = Buffer.allocUnsafe(1024);
function keyBytesOf(key: string): Buffer {
  if (key.length > scratch.length) scratch = Buffer.allocUnsafe(key.length * 2);
  scratch.latin1Write(key, 0);
  return scratch;
}

/** A string value: bytes, or a number/bigint when the encoding is INT. */
export type StringValue = Buffer | number | bigint;

/** Counters and clocks shared by all databases, read by INFO. */
export interface KeyspaceStats extends AccessState {
  hits: number;
  misses: number;
  expiredKeys: number;
  expiredStalePerc: number;
}

/** A key too long for any chunk: the item keeps only this object's id. */
interface OutsideKey {
  key: Buffer;
  value: unknown;
}

/** Estimated bytes of a value kept outside the arena, for memory accounting. */
function outsideSize(v: unknown): number {
  if (Buffer.isBuffer(v)) return v.length + 80;
  if (typeof v === 'object' && v !== null && 'key' in v) {
    const o = v as OutsideKey;
    return o.key.length + 80 + outsideSize(o.value);
  }
  return 16;
}

/** Whether a string value is kept as bytes in its item (with room for a TTL added later). */
function fitsInline(klen: number, vlen: number): boolean {
  return vlen <= MAX_INLINE_VALUE && itemSize(klen, vlen, true) <= MAX_CHUNK;
}

export class Database implements KeyStore {
  private readonly index = new KeyIndex(this);
  private readonly arena: SlabArena;
  /** Objects items refer to by id: non-inline values and OutsideKeys. */
  private objects: unknown[] = [];
  private objectBytes: number[] = [];
  private freeIds: number[] = [];
  private outside = 0;
  private volatile = 0;
  /** Where the active expiry sweep resumes. */
  private sweepCursor = 0;
  /**
   * The position of the last successful lookup: a write right after a lookup
   * of the same key (SET, INCR...) checks it with one key comparison instead
   * of hashing and probing again. Validated every time, never trusted.
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

  /**
   * Bytes this database accounts for: item chunks, the key table, and values
   * kept outside the arena (estimated). What maxmemory is compared with.
   */
  get usedMemory(): number {
    return this.arena.usedBytes + this.index.bytes + this.outside + this.objects.length * 8;
  }
  /** Bytes the arena holds from the system (pages), for fragmentation figures. */
  get reservedMemory(): number {
    return this.arena.reservedBytes + this.index.bytes + this.outside + this.objects.length * 8;
  }
  /** Bytes of item chunks in use. */
  get arenaBytes(): number {
    return this.arena.usedBytes;
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
      return NO_KEY;
    }
    this.stats.hits++;
    if (touch) this.touch(pos);
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
    if (pos !== NO_KEY) this.touch(pos);
    return pos;
  }

  /** The handle of the key buf[start, end), expired or not, with no side effect at all. */
  findAt(buf: Uint8Array, start: number, end: number): number {
    const pos = this.index.find(buf, start, end, hashBytes(buf, start, end));
    return pos < 0 ? NO_KEY : pos;
  }

  /** Finds a key without any side effect, not even lazy expiry (used by OBJECT/DEBUG). */
  peek(key: string): number {
    const buf = keyBytesOf(key);
    const pos = this.index.find(buf, 0, key.length, hashBytes(buf, 0, key.length));
    if (pos < 0) return NO_KEY;
    const at = this.expireAt(pos);
    return at !== 0 && at <= this.clock.now() ? NO_KEY : pos;
  }

  /** Finds a key, expiring it lazily, without touching stats or access time. */
  private findLive(buf: Uint8Array, start: number, end: number): number {
    const pos = this.index.find(buf, start, end, hashBytes(buf, start, end));
    if (pos < 0) return NO_KEY;
    this.lastFound = pos;
    if (this.index.meta[pos]! & META_TTL && this.expireAt(pos) <= this.clock.now()) {
      this.removeAt(pos);
      this.stats.expiredKeys++;
      return NO_KEY;
    }
    return pos;
  }

  private touch(pos: number): void {
    if (this.stats.mode === AccessMode.FIFO) return;
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const a = this.arena.offset(ref) + 4;
    writeU24(page, a, touched(readU24(page, a), this.stats));
  }

  // ---- reading a key ------------------------------------------------------

  /** Whether position `pos` holds a key (walks over every position use it). */
  occupied(pos: number): boolean {
    return this.index.meta[pos] !== 0;
  }
  type(pos: number): KeyType {
    const ref = this.index.refs[pos]!;
    return (this.arena.page(ref)[this.arena.offset(ref)]! & 7) as KeyType;
  }
  encoding(pos: number): Encoding {
    const ref = this.index.refs[pos]!;
    return ((this.arena.page(ref)[this.arena.offset(ref)]! >> 3) & 7) as Encoding;
  }
  /** Absolute expiry in ms, or 0 when the key has no TTL. */
  expireAt(pos: number): number {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    return page[off]! & INFO_TTL ? readF64(page, off + HEADER) : 0;
  }
  /** The raw 24-bit access field (see ./eviction/access.ts for its meaning per policy). */
  accessTime(pos: number): number {
    const ref = this.index.refs[pos]!;
    return readU24(this.arena.page(ref), this.arena.offset(ref) + 4);
  }
  /** Overwrites the access field (DEBUG and eviction tests). */
  setAccessTime(pos: number, access: number): void {
    const ref = this.index.refs[pos]!;
    writeU24(this.arena.page(ref), this.arena.offset(ref) + 4, access);
  }
  /** The key as a string (one char per byte); allocates, so not for hot paths. */
  keyName(pos: number): string {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref) as Buffer;
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) return (this.objectOf(page, off) as OutsideKey).key.toString("latin1");
    const k = keyOffset(page, off);
    return page.latin1Slice(k, k + keyLength(page, off));
  }
  /** A copy of the key's bytes. */
  keyBytes(pos: number): Buffer {
    return Buffer.from(this.keyName(pos), 'latin1');
  }
  keyHash(pos: number): number {
    return this.refKeyHash(this.index.refs[pos]!);
  }
  /** Whether the key at `pos` is exactly buf[start, end). */
  keyEquals(pos: number, buf: Uint8Array, start: number, end: number): boolean {
    return this.refKeyEquals(this.index.refs[pos]!, buf, start, end);
  }
  refKeyEquals(ref: number, buf: Uint8Array, start: number, end: number): boolean {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const len = end - start;
    if (page[off]! & INFO_EXT) {
      const key = (this.objectOf(page, off) as OutsideKey).key;
      return key.length === len && key.compare(buf, start, end) === 0;
    }
    if (keyLength(page, off) !== len) return false;
    const k = keyOffset(page, off);
    for (let i = 0; i < len; i++) if (page[k + i] !== buf[start + i]) return false;
    return true;
  }
  refKeyHash(ref: number): number {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) {
      const key = (this.objectOf(page, off) as OutsideKey).key;
      return hashBytes(key, 0, key.length);
    }
    const k = keyOffset(page, off);
    return hashBytes(page, k, k + keyLength(page, off));
  }
  /** The value: a view of inline string bytes (valid until the next write), or the value object. */
  value(pos: number): unknown {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) return (this.objectOf(page, off) as OutsideKey).value;
    if (readU16(page, off + 2) === VALUE_REF) return this.objectOf(page, off);
    return this.stringValue(pos);
  }
  /** A string value: a view of its bytes (valid until the next write), or its number. */
  stringValue(pos: number): StringValue {
    const mem = this.stringRef(pos);
    if (mem === null) return this.value(pos) as StringValue;
    return Buffer.from(mem.buffer, mem.byteOffset + this.refStart, this.refEnd - this.refStart);
  }
  /**
   * The memory holding a string value's bytes, with its range in
   * refStart/refEnd; null when the value is not bytes (an int).
   * Allocates nothing: this is how GET reads.
   */
  stringRef(pos: number): Uint8Array | null {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const vlen = readU16(page, off + 2);
    if (vlen === VALUE_REF || page[off]! & INFO_EXT) {
      const v = this.value(pos);
      if (Buffer.isBuffer(v)) {
        this.refStart = 0;
        this.refEnd = v.length;
        return v;
      }
      return null;
    }
    this.refStart = keyOffset(page, off) + keyLength(page, off);
    this.refEnd = this.refStart + vlen;
    return page;
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
    if (type === KeyType.STRING && enc !== Encoding.INT && value instanceof Uint8Array && fitsInline(end - start, value.length)) {
      return this.putBytesAt(buf, start, end, enc, value, 0, value.length, keepTtl);
    }
    // Anything else is kept as given: a big string Buffer (the caller's to
    // own, e.g. APPEND's growable buffer), an int, or another type's object.
    return this.write(this.findForWrite(buf, start, end), buf, start, end, keepTtl, type | (enc << 3), null, 0, 0, value, -1);
  }

  /** Creates or overwrites a string key from value bytes, copied straight into the arena (the SET path). */
  putBytesAt(kbuf: Uint8Array, ks: number, ke: number, enc: Encoding, vbuf: Uint8Array, vs: number, ve: number, keepTtl = false): number {
    const pos = this.findForWrite(kbuf, ks, ke);
    const info = KeyType.STRING | (enc << 3);
    const vlen = ve - vs;
    if (fitsInline(ke - ks, vlen)) {
      return this.write(pos, kbuf, ks, ke, keepTtl, info, vbuf, vs, vlen, undefined, -1);
    }
    // Too big for a chunk: the value gets its own Buffer (a copy: the source
    // may be this key's own value, or a socket buffer about to be reused).
    const value = Buffer.allocUnsafeSlow(vlen);
    value.set(vbuf.subarray(vs, ve));
    return this.write(pos, kbuf, ks, ke, keepTtl, info, null, 0, 0, value, -1);
  }

  /**
   * Gives a live string key an int-encoded value (INCR and friends): keeps
   * the key's TTL, refreshes the access field. An int already held as an
   * object is replaced without touching the item.
   */
  setInt(pos: number, n: number | bigint): void {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const info = page[off]!;
    if (!(info & INFO_EXT) && readU16(page, off + 2) === VALUE_REF && ((info >> 3) & 7) === Encoding.INT) {
      this.objects[this.idOf(page, off)] = n;
      this.touch(pos);
      return;
    }
    const key = this.keyBytes(pos);
    this.write(pos, key, 0, key.length, true, KeyType.STRING | (Encoding.INT << 3), null, 0, 0, n, -1);
    this.touch(pos);
  }

  /** Replaces the value of a live key, keeping its TTL and access field. */
  replaceValue(pos: number, enc: Encoding, value: unknown): void {
    const type = this.type(pos);
    const access = this.accessTime(pos);
    const key = this.keyBytes(pos);
    if (type === KeyType.STRING && enc !== Encoding.INT && value instanceof Uint8Array && fitsInline(key.length, value.length)) {
      const p = this.putBytesAt(key, 0, key.length, enc, value, 0, value.length, true);
      this.setAccessTime(p, access);
      return;
    }
    this.write(pos, key, 0, key.length, true, type | (enc << 3), null, 0, 0, value, access);
  }

  /** Sets an absolute expiry (ms), or clears it with 0. */
  setExpire(pos: number, atMs: number): void {
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const had = (page[off]! & INFO_TTL) !== 0;
    if (had && atMs !== 0) {
      writeF64(page, off + HEADER, atMs);
      return;
    }
    if (!had && atMs === 0) return;
    this.relayout(pos, atMs);
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
    const pos = this.index.find(buf, start, end, hashBytes(buf, start, end));
    if (pos < 0) return false;
    this.removeAt(pos);
    return true;
  }

  deleteSlot(pos: number): void {
    this.removeAt(pos);
  }

  /** Removes every key. */
  clear(): void {
    this.index.clear();
    this.arena.clear();
    this.objects = [];
    this.objectBytes = [];
    this.freeIds = [];
    this.outside = 0;
    this.volatile = 0;
    this.sweepCursor = 0;
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
    this.removeAt(pos);
    this.stats.expiredKeys++;
  }
  /** @internal Where the active expiry sweep resumes. */
  get sweepAt(): number {
    return this.sweepCursor;
  }
  set sweepAt(s: number) {
    this.sweepCursor = s;
  }

  /** Removes the key at `pos` (eviction and the walks). */
  removeAt(pos: number): void {
    this.lastFound = -1;
    const ref = this.index.refs[pos]!;
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_TTL) this.volatile--;
    if (page[off]! & INFO_EXT || readU16(page, off + 2) === VALUE_REF) this.freeObject(this.idOf(page, off));
    this.arena.release(ref);
    this.index.removeAt(pos);
    if (this.index.size === 0) this.sweepCursor = 0;
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
  private newHash = 0;

  /**
   * Writes a key's item: at `pos` (an existing key) or, when pos < 0, a new
   * key whose hash findForWrite() left in newHash. The value is vlen bytes from vsrc, or `obj` when vsrc
   * is null. A new chunk is filled before the old one is released, so vsrc
   * may be the key's own value. access < 0: refresh it by the policy.
   */
  private write(
    pos: number, kbuf: Uint8Array, ks: number, ke: number, keepTtl: boolean, typeEnc: number,
    vsrc: Uint8Array | null, vs: number, vlen: number, obj: unknown, access: number,
  ): number {
    const klen = ke - ks;
    let expire = 0;
    let oldRef = -1;
    if (pos >= 0) {
      oldRef = this.index.refs[pos]!;
      const page = this.arena.page(oldRef);
      const off = this.arena.offset(oldRef);
      const info = page[off]!;
      if (info & INFO_TTL) {
        const at = readF64(page, off + HEADER);
        // An expired key that was not collected is overwritten as a new key
        // (no TTL kept). Commands that look the key up first count the expiry
        // there, as Redis does; a blind overwrite does not.
        if (keepTtl && at > this.clock.now()) expire = at;
        else this.volatile--;
      }
      if (access < 0) {
        const old = readU24(page, off + 4);
        // Redis keeps the LFU counter across an overwrite; an overwrite is an access.
        access = this.stats.mode === AccessMode.FIFO ? old : touched(old, this.stats);
      }
      if (info & INFO_EXT || readU16(page, off + 2) === VALUE_REF) this.freeObject(this.idOf(page, off));
    } else if (access < 0) {
      access = initialAccess(this.stats);
    }
    const ttl = expire !== 0;
    const ext = itemSize(klen, 4, ttl) > MAX_CHUNK;
    if (ext) {
      obj = { key: Buffer.from(kbuf.subarray(ks, ke)), value: vsrc === null ? obj : Buffer.from(vsrc.subarray(vs, vs + vlen)) } satisfies OutsideKey;
      vsrc = null;
    }
    const info = typeEnc | (ttl ? INFO_TTL : 0) | (ext ? INFO_EXT : 0);
    const need = ext ? HEADER + (ttl ? EXPIRE_BYTES : 0) + 4 : itemSize(klen, vsrc === null ? 4 : vlen, ttl);
    const vlen16 = vsrc === null ? VALUE_REF : vlen;
    let ref: number;
    let page: Uint8Array;
    let off: number;
    if (oldRef >= 0 && !ext && classFor(need) === classFor(this.arena.capacity(oldRef)) && !((this.arena.page(oldRef)[this.arena.offset(oldRef)]! ^ info) & (INFO_TTL | INFO_EXT))) {
      // Same chunk size and layout: rewrite in place (the key is already
      // there). A source inside this very value starts at or after the
      // value's first byte, and copies run forward, so it survives.
      ref = oldRef;
      oldRef = -1;
      page = this.arena.page(ref);
      off = this.arena.offset(ref);
      page[off] = info;
      page[off + 2] = vlen16 & 255;
      page[off + 3] = vlen16 >>> 8;
      writeU24(page, off + 4, access);
    } else {
      ref = this.arena.alloc(need);
      page = this.arena.page(ref);
      off = this.arena.offset(ref);
      const k = writeHeader(page, off, info, ext ? 0 : klen, vlen16, access);
      if (!ext) copyBytes(kbuf, ks, klen, page, k);
    }
    if (ttl) writeF64(page, off + HEADER, expire);
    const v = ext ? off + HEADER + (ttl ? EXPIRE_BYTES : 0) : keyOffset(page, off) + klen;
    if (vsrc !== null) {
      if (vlen > 0) copyBytes(vsrc, vs, vlen, page, v);
    } else {
      writeU32(page, v, this.allocObject(obj));
    }
    if (oldRef >= 0) this.arena.release(oldRef);
    if (pos >= 0) {
      this.index.refs[pos] = ref;
      this.index.setTtlBit(pos, ttl);
      return pos;
    }
    return this.index.insert(ref, this.newHash, false);
  }

  /** Moves a key's item to a chunk with (atMs > 0) or without an expiry field. */
  private relayout(pos: number, atMs: number): void {
    const oldRef = this.index.refs[pos]!;
    const src = this.arena.page(oldRef);
    const so = this.arena.offset(oldRef);
    const info = src[so]!;
    const ttl = atMs !== 0;
    const ext = (info & INFO_EXT) !== 0;
    const klen = ext ? 0 : keyLength(src, so);
    const vlen16 = readU16(src, so + 2);
    const vbytes = ext || vlen16 === VALUE_REF ? 4 : vlen16;
    const ref = this.arena.alloc(itemSize(klen, vbytes, ttl));
    const dst = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const k = writeHeader(dst, off, ttl ? info | INFO_TTL : info & ~INFO_TTL, klen, vlen16, readU24(src, so + 4));
    if (ttl) writeF64(dst, off + HEADER, atMs);
    copyBytes(src, ext ? so + HEADER + ((info & INFO_TTL) !== 0 ? EXPIRE_BYTES : 0) : keyOffset(src, so), klen + vbytes, dst, k);
    this.arena.release(oldRef);
    this.index.refs[pos] = ref;
    this.index.setTtlBit(pos, ttl);
    this.volatile += ttl ? 1 : -1;
  }

  /** Id of the object an item refers to (its 4 value bytes). */
  private idOf(page: Uint8Array, off: number): number {
    if (page[off]! & INFO_EXT) return readU32(page, off + HEADER + (page[off]! & INFO_TTL ? EXPIRE_BYTES : 0));
    return readU32(page, keyOffset(page, off) + keyLength(page, off));
  }

  private objectOf(page: Uint8Array, off: number): unknown {
    return this.objects[this.idOf(page, off)];
  }

  private allocObject(v: unknown): number {
    const id = this.freeIds.pop() ?? this.objects.length;
    this.objects[id] = v;
    const size = outsideSize(v);
    this.objectBytes[id] = size;
    this.outside += size;
    return id;
  }

  private freeObject(id: number): void {
    this.outside -= this.objectBytes[id]!;
    this.objects[id] = undefined;
    this.objectBytes[id] = 0;
    this.freeIds.push(id);
  }
}
