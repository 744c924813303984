/**
 * The key table: Robin Hood open addressing over a power-of-two table, 6
 * bytes an entry, mapping key bytes to the arena ref of their item:
 *
 *   refs (Int32Array)   meta (Uint16Array)
 *   +----------------+  +-------------+----------+
 *   | item ref       |  | dist+1 (8)  | ttl|tag7 |     meta 0 = empty
 *   +----------------+  +-------------+----------+
 *
 * tag7 is 7 hash bits compared before any key byte (1 in 128 probes reads an
 * item for nothing); ttl mirrors the item's TTL flag so the expiry sweep only
 * reads items that can expire. Robin Hood keeps probe runs short up to a 0.96
 * load, and the stored distance gives each entry's home bucket, which deletion
 * (backward shift) and SCAN's bucket walk need without rehashing. Growing
 * rehashes every key from its item bytes (no hash is stored).
 * Entry positions are the keyspace's key handles: they move on insert and
 * delete, so a handle is only valid until the next write.
 */

/** FNV-1a over bytes with a murmur3 finalizer (FNV's low bits are weak for keys that differ in their last bytes). */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where the table finds each item's key; owned by the keyspace. */
export interface KeyStore {
  /** Whether the item `ref` has exactly the key buf[start, end). */
  refKeyEquals(ref: number, buf: Uint8Array, start: number, end: number): boolean;
  /** hashBytes() of the key of item `ref`. */
  refKeyHash(ref: number): number;
}

export const META_TTL = 0x80;
const TAG_MASK = 0x7f;
/** meta's unit of probe distance (distance + 1 lives in the high byte). */
export const DIST_ONE = 0x100;
const MAX_LOAD = 0.96;
/** As small as Redis's (4 buckets) would do; 8 keeps tiny tables from growing at once. SCAN of a near-empty database then ends in one call. */
const MIN_SIZE = 8;

export function tagOf(h: number): number {
  return h >>> 25;
}

export class KeyIndex {
  refs = new Int32Array(MIN_SIZE);
  meta = new Uint16Array(MIN_SIZE);
  mask = MIN_SIZE - 1;
  private count = 0;
  private limit = Math.floor(MIN_SIZE * MAX_LOAD);

  constructor(private readonly store: KeyStore) {}

  get size(): number {
    return this.count;
  }
  get capacity(): number {
    return this.refs.length;
  }
  /** Bytes of one position: its ref and its meta. */
  static readonly ENTRY_BYTES = 6;

  /** Bytes a table holding `n` keys takes (its size right after growing to fit them). */
  static bytesFor(n: number): number {
    let size = MIN_SIZE;
    while (Math.floor(size * MAX_LOAD) < n) size *= 2;
    return size * KeyIndex.ENTRY_BYTES;
  }

  /** Bytes of the two arrays. */
  get bytes(): number {
    return this.refs.length * KeyIndex.ENTRY_BYTES;
  }

  /** The position holding these key bytes (hash `h`), or -1. */
  find(buf: Uint8Array, start: number, end: number, h: number): number {
    const meta = this.meta;
    const mask = this.mask;
    const tag = h >>> 25;
    let pos = h & mask;
    for (let d = DIST_ONE; ; d += DIST_ONE) {
      const m = meta[pos]!;
      // An empty entry, or one closer to its home than we are to ours: absent.
      if (m < d) return -1;
      if ((m & TAG_MASK) === tag && this.store.refKeyEquals(this.refs[pos]!, buf, start, end)) return pos;
      pos = (pos + 1) & mask;
    }
  }

  /** The position of the entry for item `ref` (hash `h`), which must be present. */
  locate(ref: number, h: number): number {
    let pos = h & this.mask;
    while (this.refs[pos] !== ref || this.meta[pos] === 0) pos = (pos + 1) & this.mask;
    return pos;
  }

  /** Grows the table now so that `n` keys fit without a rehash (a load's RESIZEDB hint). */
  reserve(n: number): void {
    let size = this.refs.length;
    while (Math.floor(size * MAX_LOAD) < n) size *= 2;
    if (size > this.refs.length) this.resize(size, -1, 0);
  }

  /** Adds an item whose key is known to be absent; returns its position. */
  insert(ref: number, h: number, ttl: boolean): number {
    if (this.count >= this.limit) this.resize(this.refs.length * 2, -1, 0);
    this.count++;
    const at = this.place(ref, (h >>> 25) | (ttl ? META_TTL : 0), h);
    if (at >= 0) return at;
    // A probe run grew past 255: grow, with the entry left in hand.
    this.resize(this.refs.length * 2, this.handRef, this.handLow);
    return this.locate(ref, h);
  }

  /** Removes the entry at `pos` (backward shift: later entries of the run move one closer to home). */
  removeAt(pos: number): void {
    const meta = this.meta;
    const refs = this.refs;
    const mask = this.mask;
    let p = pos;
    for (;;) {
      const n = (p + 1) & mask;
      const m = meta[n]!;
      if (m < 2 * DIST_ONE) break;
      meta[p] = m - DIST_ONE;
      refs[p] = refs[n]!;
      p = n;
    }
    meta[p] = 0;
    refs[p] = 0;
    this.count--;
    if (this.refs.length > MIN_SIZE && this.count * 8 < this.refs.length) this.resize(this.refs.length / 2, -1, 0);
  }

  /** Home bucket of the entry at `pos`. */
  homeOf(pos: number): number {
    return (pos - ((this.meta[pos]! >>> 8) - 1)) & this.mask;
  }

  setTtlBit(pos: number, ttl: boolean): void {
    this.meta[pos] = ttl ? this.meta[pos]! | META_TTL : this.meta[pos]! & ~META_TTL;
  }

  clear(): void {
    this.refs = new Int32Array(MIN_SIZE);
    this.meta = new Uint16Array(MIN_SIZE);
    this.mask = MIN_SIZE - 1;
    this.limit = Math.floor(MIN_SIZE * MAX_LOAD);
    this.count = 0;
  }

  /** The entry left in hand when place() gave up. */
  private handRef = 0;
  private handLow = 0;

  /**
   * Robin Hood insertion of (ref, tag bits) with home h & mask. Returns the
   * position the new entry took, or -1 when a distance would overflow 8 bits;
   * the entry then in hand (maybe another one) is in handRef/handLow.
   */
  private place(ref: number, low: number, h: number): number {
    const meta = this.meta;
    const refs = this.refs;
    const mask = this.mask;
    let pos = h & mask;
    let curRef = ref;
    let curMeta = DIST_ONE | low;
    let at = -1;
    for (;;) {
      const m = meta[pos]!;
      if (m === 0) {
        meta[pos] = curMeta;
        refs[pos] = curRef;
        return at < 0 ? pos : at;
      }
      if (m < (curMeta & 0xff00)) {
        meta[pos] = curMeta;
        const r = refs[pos]!;
        refs[pos] = curRef;
        if (at < 0) at = pos;
        curMeta = m;
        curRef = r;
      }
      pos = (pos + 1) & mask;
      curMeta += DIST_ONE;
      if (curMeta > 0xffff) {
        this.handRef = curRef;
        this.handLow = curMeta & 0xff;
        return -1;
      }
    }
  }

  /** Rehashes every entry, plus an in-hand one when extraRef >= 0 (refs are never negative), into `size` or more buckets. */
  private resize(size: number, extraRef: number, extraLow: number): void {
    const oldRefs = this.refs;
    const oldMeta = this.meta;
    for (;; size *= 2) {
      this.refs = new Int32Array(size);
      this.meta = new Uint16Array(size);
      this.mask = size - 1;
      this.limit = Math.floor(size * MAX_LOAD);
      let ok = true;
      for (let i = 0; i < oldRefs.length && ok; i++) {
        const m = oldMeta[i]!;
        if (m !== 0) ok = this.place(oldRefs[i]!, m & 0xff, this.store.refKeyHash(oldRefs[i]!)) >= 0;
      }
      if (ok && extraRef >= 0) ok = this.place(extraRef, extraLow, this.store.refKeyHash(extraRef)) >= 0;
      if (ok) return;
    }
  }
}
