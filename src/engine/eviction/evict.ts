/**
 * maxmemory eviction, as Redis's evict.c: sample a few keys per database,
 * keep the best candidates in a 16-entry pool (keys copied, so the pool
 * survives keys moving or going), evict the best until used memory is under
 * the limit. Scores (higher = evict first) per policy:
 *
 *   lru       seconds since last access
 *   lfu       255 - decayed LFU counter
 *   ttl       keys expiring soonest (volatile-ttl)
 *   fifo      seconds since insertion
 *   adaptive  S3-FIFO by sampling. Keys never read since they came in (the
 *             small queue) go first while they are a third of the keys,
 *             then lower read counts (0-3), then older. A key's first read
 *             moves it to the main part and buys one round in which sampled
 *             survivors lose a read step (main's CLOCK hand); keys evicted
 *             unread leave a print in a ghost filter and enter main if they
 *             come back. One-hit wonders such as a scan's keys go without
 *             aging the working set; a hot set that stops being read ages
 *             out as the new one is promoted. The per-item cost stays the
 *             24-bit access field every item has, plus 2 bytes a key of ghost.
 *   random    any key, no pool
 */
import type { Database } from '../keyspace.js';
import { META_TTL } from '../index/key-index.js';
import { ADAPTIVE_CLOCK, ADAPTIVE_MAIN, AccessMode, idleSeconds, lfuDecayed, type AccessState } from './access.js';

export type PolicyKind = 'none' | 'lru' | 'lfu' | 'random' | 'ttl' | 'fifo' | 'adaptive';

export interface EvictionPolicy {
  name: string;
  kind: PolicyKind;
  /** Only keys with a TTL may be evicted (volatile-*). */
  volatileOnly: boolean;
  /** What the items' access field holds under this policy. */
  mode: AccessMode;
}

/** Redis's names plus allkeys-fifo and allkeys/volatile-adaptive. */
export const POLICY_NAMES = [
  'noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
  'allkeys-fifo', 'allkeys-adaptive', 'volatile-adaptive',
] as const;

export function parsePolicy(name: string): EvictionPolicy {
  const n = name.toLowerCase();
  if (!(POLICY_NAMES as readonly string[]).includes(n)) throw new RangeError(`unknown maxmemory-policy '${name}'`);
  if (n === 'noeviction') return { name: n, kind: 'none', volatileOnly: false, mode: AccessMode.LRU };
  const [scope, what] = n.split('-') as [string, string];
  const kind = what as PolicyKind;
  const mode = kind === 'lfu' ? AccessMode.LFU : kind === 'adaptive' ? AccessMode.ADAPTIVE : kind === 'fifo' ? AccessMode.FIFO : AccessMode.LRU;
  return { name: n, kind, volatileOnly: scope === 'volatile', mode };
}

const POOL_SIZE = 16;
/**
 * Keys the adaptive policy samples per database per round, at least. Its
 * ranking has few levels (freq 0-3, then idle seconds), so with Redis's 5
 * samples a round often holds no key of the lowest level and a hot key goes:
 * +4.9 % misses vs exact LRU on hotset-shift at 10 %; 10 samples: +1.0 %,
 * 16: +0.6 %, Zipf and scans unchanged within 0.5 % (bench/hitratio). Only
 * eviction pays for it, never a read.
 */
const ADAPTIVE_SAMPLES = 16;
/**
 * Keys never read since they came in (S3-FIFO's small queue) go first only
 * while they are at least this share of the keys; below it they rank with
 * the main part's unread keys by age, so new keys get time to be read twice.
 * S3-FIFO's 10 % let a hot set that had moved linger here (+18 % misses vs
 * LRU on hotset-shift at 10 %); 35 %: no trace worse than LRU (bench/hitratio).
 */
const SMALL_MIN = 0.35;
const FREQ_SHIFT = 22;
const FREQ_MASK = 3 << FREQ_SHIFT;

/** Counters eviction keeps (INFO stats). */
export interface EvictionStats {
  evictedKeys: number;
  /** Total time spent evicting, ms. */
  evictionMs: number;
}

export class Evictor {
  private readonly scores = new Float64Array(POOL_SIZE);
  private readonly dbs = new Int32Array(POOL_SIZE);
  private readonly keys: Buffer[] = Array.from({ length: POOL_SIZE }, () => Buffer.allocUnsafe(64));
  private readonly lens = new Int32Array(POOL_SIZE);
  private scratch: Buffer = Buffer.allocUnsafe(64);
  private size = 0;
  /** Adaptive: whether this round's sampled survivors lose a step. */
  /** Adaptive: whether this round's sampled survivors lose a read step. */
  private aging = false;
  /** Adaptive: share of sampled keys never read since they came in (a running mean). */
  private smallShare = 0;
  /**
   * With tiering: offered each victim first; true when it demoted it (the
   * key stays, its value left RAM) instead of the key being removed.
   */
  demote: ((db: Database, pos: number) => boolean) | null = null;
  /** With tiering: keys sampling passes over (already tiered: they free nothing). */
  skip: ((db: Database, pos: number) => boolean) | null = null;
  /** Whether the last evictOne() demoted rather than removed. */
  demoted = false;

  constructor(private readonly access: AccessState) {}

  /** Forgets pooled candidates (after FLUSHALL, a policy change, SWAPDB). */
  reset(): void {
    this.size = 0;
  }

  /**
   * Evicts one key chosen by `policy` from `dbs`; returns the database index
   * it came from, or -1 when there was nothing to evict.
   */
  evictOne(dbs: Database[], policy: EvictionPolicy, samples: number, before?: (db: Database, pos: number) => void): number {
    if (policy.kind === 'random') return this.evictRandom(dbs, policy.volatileOnly, before);
    if (policy.kind === 'adaptive') {
      if (samples < ADAPTIVE_SAMPLES) samples = ADAPTIVE_SAMPLES;
      // S3-FIFO's main queue makes room for each key promoted into it by
      // sweeping its CLOCK hand; here each promotion pays for one round that
      // ages what it samples. Rounds with no promotion behind them (a scan's
      // one-off keys evicting each other) age nothing.
      this.aging = this.access.promotions > 0;
      if (this.aging) this.access.promotions--;
    }
    for (let tries = 0; tries < 4; tries++) {
      for (let d = 0; d < dbs.length; d++) {
        const db = dbs[d]!;
        if ((policy.volatileOnly ? db.volatileCount : db.size) > 0) this.sample(db, d, policy, samples);
      }
      // Best candidates are at the end; skip ones that are gone since.
      while (this.size > 0) {
        const i = --this.size;
        const db = dbs[this.dbs[i]!]!;
        const pos = db.findAt(this.keys[i]!, 0, this.lens[i]!);
        if (pos < 0 || (this.skip !== null && this.skip(db, pos))) continue;
        if (this.act(db, pos, before)) return this.dbs[i]!;
      }
    }
    return -1;
  }

  private evictRandom(dbs: Database[], volatileOnly: boolean, before?: (db: Database, pos: number) => void): number {
    // Redis walks the databases round-robin for the random policies.
    for (let n = 0; n < dbs.length; n++) {
      const d = (this.nextDb + n) % dbs.length;
      const db = dbs[d]!;
      if ((volatileOnly ? db.volatileCount : db.size) === 0) continue;
      const t = db.table;
      let pos = Math.floor(Math.random() * t.capacity);
      for (let walked = 0; walked <= t.capacity; walked++, pos = (pos + 1) & t.mask) {
        const m = t.meta[pos]!;
        if (m !== 0 && (!volatileOnly || m & META_TTL) && (this.skip === null || !this.skip(db, pos))) {
          this.act(db, pos, before);
          this.nextDb = (d + 1) % dbs.length;
          return d;
        }
      }
    }
    return -1;
  }
  private nextDb = 0;

  /** Demotes or removes a victim; always true (it was dealt with). */
  private act(db: Database, pos: number, before?: (db: Database, pos: number) => void): boolean {
    this.demoted = this.demote !== null && this.demote(db, pos);
    if (!this.demoted) {
      const ghost = this.access.ghost;
      if (ghost !== null && (db.accessTime(pos) & (ADAPTIVE_MAIN | FREQ_MASK)) === 0) ghost.remember(db.keyHash(pos), db.size);
      before?.(db, pos);
      db.removeAt(pos);
    }
    return true;
  }

  /** Samples up to `samples` keys of one database into the pool. */
  private sample(db: Database, d: number, policy: EvictionPolicy, samples: number): void {
    const t = db.table;
    let pos = Math.floor(Math.random() * t.capacity);
    let found = 0;
    // Consecutive entries from a random point, as dictGetSomeKeys; bounded so
    // a table with few volatile keys cannot make this O(table).
    for (let walked = 0; found < samples && walked < samples * 20 && walked < t.capacity; walked++, pos = (pos + 1) & t.mask) {
      const m = t.meta[pos]!;
      if (m === 0 || (policy.volatileOnly && !(m & META_TTL))) continue;
      if (this.skip !== null && this.skip(db, pos)) continue;
      found++;
      this.offer(db, d, pos, this.score(db, pos, policy));
    }
  }

  private score(db: Database, pos: number, policy: EvictionPolicy): number {
    const a = db.accessTime(pos);
    switch (policy.kind) {
      case 'lfu':
        return 255 - lfuDecayed(a, this.access);
      case 'ttl':
        return -db.expireAt(pos);
      case 'adaptive': {
        const freq = a >>> FREQ_SHIFT;
        // Aging every round instead (no promotion behind it) made the policy
        // LRU-like: +0.1 % misses on Zipf+scans vs -11 % now (bench/hitratio).
        if (freq > 0 && this.aging) db.setAccessTime(pos, a - (1 << FREQ_SHIFT));
        const small = (a & ADAPTIVE_MAIN) === 0;
        this.smallShare += ((small ? 1 : 0) - this.smallShare) / 256;
        const rank = freq === 0 && small && this.smallShare >= SMALL_MIN ? 4 : 3 - freq;
        return rank * (ADAPTIVE_CLOCK + 1) + idleSeconds(a, this.access);
      }
      default:
        return idleSeconds(a, this.access);
    }
  }

  /** Inserts a candidate in the pool, kept sorted by ascending score. */
  private offer(db: Database, d: number, pos: number, score: number): void {
    let i = 0;
    while (i < this.size && this.scores[i]! < score) i++;
    if (i === 0 && this.size === POOL_SIZE) return; // worse than everything pooled
    // Copy the key out of the arena into a scratch buffer (no string, no allocation).
    const buf = (this.scratch = db.copyKeyInto(pos, this.scratch));
    const len = db.copiedKeyLength;
    // The same key already pooled: keep one entry.
    for (let j = 0; j < this.size; j++) {
      if (this.dbs[j] === d && this.lens[j] === len && this.keys[j]!.compare(buf, 0, len, 0, len) === 0) return;
    }
    // The scratch becomes the buffer of the free (or dropped worst) entry; the moves below carry it to i.
    const spare = this.size < POOL_SIZE ? this.size : 0;
    this.scratch = this.keys[spare]!;
    this.keys[spare] = buf;
    if (this.size < POOL_SIZE) {
      for (let j = this.size; j > i; j--) this.move(j - 1, j);
      this.size++;
    } else {
      // Full: drop the worst (index 0) and shift left up to the insertion point.
      i--;
      for (let j = 0; j < i; j++) this.move(j + 1, j);
    }
    this.scores[i] = score;
    this.dbs[i] = d;
    this.lens[i] = len;
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!;
    this.dbs[to] = this.dbs[from]!;
    const k = this.keys[to]!;
    this.keys[to] = this.keys[from]!;
    this.keys[from] = k;
    this.lens[to] = this.lens[from]!;
  }
}
