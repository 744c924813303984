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
 * rehashes every key from its item bytes (no hash is stored); a big table
 * grows incrementally (as Redis's dict rehash, without its lookups in two
 * tables): at the load where a small table doubles at once, a table twice
 * the size starts being filled a few home buckets per insert and per cron
 * step while the old one, loaded a little further, stays the only one read;
 * the two swap once every bucket is copied. No write pays for a whole rehash
 * (at 1M keys that was a 50-100 ms pause), and memory per key at a given
 * count is what it was with at-once doubling.
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
/** Tables smaller than this grow at once: rehashing them takes well under a millisecond. */
const INCREMENTAL_MIN = 1 << 12;
/**
 * Load at which a growing table must be done (Robin Hood probes stay short
 * to about 0.98): the 2.5% of inserts from MAX_LOAD to here, at
 * MIGRATE_PER_INSERT home buckets each, cover the table 1.6 times over.
 */
const HARD_LOAD = 0.985;
const MIGRATE_PER_INSERT = 64;

export function tagOf(h: number): number {
  return h >>> 25;
}

export class KeyIndex {
  refs = new Int32Array(MIN_SIZE);
  meta = new Uint16Array(MIN_SIZE);
  mask = MIN_SIZE - 1;
  private count = 0;
  private limit = Math.floor(MIN_SIZE * MAX_LOAD);
  /** The bigger table being filled while this one grows, or null. */
  private next: KeyIndex | null = null;
  /** Home buckets [0, migrated) of this table are copied into `next`. */
  private migrated = 0;
  /** A table being filled for another: it never shrinks and its count is not kept. */
  private filling = false;

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

  /** Bytes of the two arrays (and of the table being filled while growing). */
  get bytes(): number {
    return (this.refs.length + (this.next?.refs.length ?? 0)) * KeyIndex.ENTRY_BYTES;
  }

  /** Whether an incremental growth is under way. */
  get growing(): boolean {
    return this.next !== null;
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
    // Growth work comes first: a swap changes positions, and the one returned must hold.
    if (this.next !== null) this.migrate(MIGRATE_PER_INSERT);
    if (this.count >= this.limit) {
      if (this.next === null && this.refs.length >= INCREMENTAL_MIN && this.count < this.refs.length * HARD_LOAD) this.startGrowth();
      else if (this.next === null || this.count >= this.refs.length * HARD_LOAD) {
        if (this.next !== null) this.migrate(this.refs.length);
        if (this.count >= this.limit) this.resize(this.refs.length * 2, -1, 0);
      }
    }
    this.count++;
    const low = (h >>> 25) | (ttl ? META_TTL : 0);
    const next = this.next;
    if (next !== null && (h & this.mask) < this.migrated && next.place(ref, low, h) < 0) this.next = null;
    const at = this.place(ref, low, h);
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
    const next = this.next;
    if (next !== null && this.homeOf(pos) < this.migrated) {
      const ref = refs[pos]!;
      next.removeAt(next.locate(ref, this.store.refKeyHash(ref)));
    }
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
    if (this.next === null && !this.filling && this.refs.length > MIN_SIZE && this.count * 8 < this.refs.length) this.resize(this.refs.length / 2, -1, 0);
  }

  /** Points the entry at `pos` to the item's new ref (the item moved). */
  setRef(pos: number, ref: number): void {
    const old = this.refs[pos]!;
    this.refs[pos] = ref;
    const next = this.next;
    if (next !== null && this.homeOf(pos) < this.migrated) next.refs[next.locate(old, this.store.refKeyHash(ref))] = ref;
  }

  /** Home bucket of the entry at `pos`. */
  homeOf(pos: number): number {
    return (pos - ((this.meta[pos]! >>> 8) - 1)) & this.mask;
  }

  setTtlBit(pos: number, ttl: boolean): void {
    this.meta[pos] = ttl ? this.meta[pos]! | META_TTL : this.meta[pos]! & ~META_TTL;
    const next = this.next;
    if (next !== null && this.homeOf(pos) < this.migrated) {
      const ref = this.refs[pos]!;
      next.setTtlBit(next.locate(ref, this.store.refKeyHash(ref)), ttl);
    }
  }

  /**
   * Copies up to `buckets` more home buckets into the growing table (the
   * cron calls it too); swaps the tables when all are copied. Returns true
   * while growth remains.
   */
  migrate(buckets: number): boolean {
    const next = this.next;
    if (next === null) return false;
    const meta = this.meta;
    const refs = this.refs;
    const mask = this.mask;
    const end = Math.min(this.refs.length, this.migrated + buckets);
    for (let b = this.migrated; b < end; b++) {
      // The entries whose home is b: one run from b on (Robin Hood order).
      let pos = b;
      for (let d = DIST_ONE; ; d += DIST_ONE, pos = (pos + 1) & mask) {
        const m = meta[pos]!;
        if (m < d) break;
        if ((m & 0xff00) !== d) continue;
        if (next.place(refs[pos]!, m & 0xff, this.store.refKeyHash(refs[pos]!)) < 0) {
          // A run too long for 8 bits even at twice the size: give up, grow at once later.
          this.next = null;
          return false;
        }
      }
      this.migrated = b + 1;
    }
    if (this.migrated < this.refs.length) return true;
    this.refs = next.refs;
    this.meta = next.meta;
    this.mask = next.mask;
    this.limit = next.limit;
    this.next = null;
    return false;
  }

  private startGrowth(): void {
    const next = new KeyIndex(this.store);
    next.filling = true;
    const size = this.refs.length * 2;
    next.refs = new Int32Array(size);
    next.meta = new Uint16Array(size);
    next.mask = size - 1;
    next.limit = Math.floor(size * MAX_LOAD);
    this.next = next;
    this.migrated = 0;
  }

  clear(): void {
    this.next = null;
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
    this.next = null;
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
