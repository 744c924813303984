/**
 * The storage engine: a fixed set of numbered databases sharing one clock and
 * one set of counters, plus the time-bounded active expiry cycle.
 * Knows nothing of sockets, RESP or commands.
 */
import { performance } from 'node:perf_hooks';
import { systemClock, type Clock } from './clock.js';
import { Database, type KeyspaceStats } from './keyspace.js';
import type { KeyEvents, KeyWatcher, ReadySignal } from './watch.js';
import { AccessMode, lfuMinutes, lruClock } from './eviction/access.js';
import { GhostFilter } from './eviction/ghost.js';
import { Evictor, parsePolicy, type EvictionPolicy } from './eviction/evict.js';
import type { Tier } from './tier/tier.js';
import { demotable } from './tier/tier-ref.js';

export interface EngineOptions {
  /** Number of databases (Redis's `databases`, default 16). */
  databases?: number;
  clock?: Clock;
  /** Memory limit in bytes of what usedMemory() counts; 0 = none (Redis's maxmemory). */
  maxMemory?: number;
  /** Redis's maxmemory-policy names, plus allkeys-fifo and allkeys/volatile-adaptive. */
  policy?: string;
  /** Keys sampled per database per eviction round (maxmemory-samples, default 5). */
  samples?: number;
}

/** What evict() achieved. */
export const enum EvictResult {
  /** Under the limit (or no limit). */
  OK = 0,
  /** Still over the limit: nothing (more) can be evicted under this policy. */
  FAIL = 1,
}

export class Engine {
  readonly clock: Clock;
  readonly stats: KeyspaceStats = {
    mode: AccessMode.LRU,
    lru: 0,
    lfuMinutes: 0,
    lfuLogFactor: 10,
    lfuDecayTime: 1,
    promotions: 0,
    atCapacity: false,
    ghost: null,
    hits: 0,
    misses: 0,
    expiredKeys: 0,
    expiredStalePerc: 0,
  };
  readonly dbs: Database[];
  /** Total time the active expiry cycle has run, in ms (INFO expire_cycle_cpu_milliseconds). */
  expireCycleMs = 0;
  maxMemory = 0;
  samples = 5;
  private policyInForce: EvictionPolicy = parsePolicy('noeviction');
  private readonly evictor: Evictor;
  readonly eviction = { evictedKeys: 0, evictionMs: 0, pressureEvents: 0, underPressure: false };
  /** Memory the embedding adds to usedMemory() (the server: client buffers). */
  extraMemory: () => number = () => 0;
  /** Called once each time usage crosses 90 % of maxMemory going up. */
  onPressure: ((used: number, max: number) => void) | null = null;
  /** Called for each evicted key, before it goes (db index, key handle); null = nobody listens. */
  onEvict: ((db: Database, pos: number) => void) | null = null;
  private expireDb = 0;
  private watcher: KeyWatcher | null = null;
  private ready: ReadySignal | null = null;
  private readonly sweep = { checked: 0, expired: 0 };
  /** RAM -> compressed RAM -> disk (./tier/tier.ts); null without tiering, which then costs one test per command. */
  tier: Tier | null = null;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.refreshClock();
    this.evictor = new Evictor(this.stats);
    this.maxMemory = options.maxMemory ?? 0;
    this.samples = options.samples ?? 5;
    if (options.policy !== undefined) this.setPolicy(options.policy);
    const n = options.databases ?? 16;
    this.dbs = Array.from({ length: n }, () => new Database(this.clock, this.stats));
  }

  /** Refreshes the cached LRU clock; the server calls it from its cron (every 100 ms at hz 10). */
  refreshClock(): void {
    const now = this.clock.now();
    this.stats.lru = lruClock(now);
    this.stats.lfuMinutes = lfuMinutes(now);
  }

  get policy(): EvictionPolicy {
    return this.policyInForce;
  }

  /** Changes maxmemory-policy; items keep their access field, read from now on by the new policy's rules (as Redis). */
  setPolicy(name: string): void {
    this.policyInForce = parsePolicy(name);
    this.stats.mode = this.policyInForce.mode;
    this.stats.ghost = this.policyInForce.kind === 'adaptive' ? (this.stats.ghost ?? new GhostFilter()) : null;
    this.evictor.reset();
  }

  /** Bytes of keys, values and key tables in every database, plus extraMemory() and the tier's RAM: what maxMemory limits. */
  usedMemory(): number {
    let n = this.extraMemory();
    for (const db of this.dbs) n += db.usedMemory;
    if (this.tier !== null) n += this.tier.ramBytes;
    return n;
  }

  /** Turns tiering on (the server does, once, from its config): eviction demotes instead of deleting. */
  setTier(tier: Tier): void {
    this.tier = tier;
    this.evictor.demote = (db, pos) => tier.demote(db, pos);
    // Only values the tier can take are candidates while any is in RAM: a small
    // key (an LMCache chunk's metadata) evicted beside its demoted bytes would
    // make the chunk a miss. When none is left, evictTiered() lifts this.
    this.evictor.skip = (db, pos) => tier.isTiered(db, pos) || demotable(db, pos, tier.options.minSize) === null;
    tier.onDiskEvict = () => this.eviction.evictedKeys++;
  }

  /**
   * Evicts keys by the policy until usedMemory() <= maxMemory (Redis's
   * performEvictions, run before each command). FAIL when still over: the
   * policy is noeviction, or it has nothing left to evict.
   */
  evict(): EvictResult {
    if (this.maxMemory <= 0) return EvictResult.OK;
    let used = this.usedMemory();
    this.notePressure(used);
    this.stats.atCapacity = used > this.maxMemory - (this.maxMemory >>> 6);
    if (used <= this.maxMemory) return EvictResult.OK;
    if (this.policyInForce.kind === 'none') return EvictResult.FAIL;
    const tier = this.tier;
    if (tier !== null) {
      // Demotions in flight free their bytes when their I/O ends (as Redis's
      // lazyfree): they count as progress, up to a bound past which the
      // server holds writes until the disk catches up.
      if (tier.backlogged) return EvictResult.FAIL;
      used -= tier.pendingBytes;
      if (used <= this.maxMemory) return EvictResult.OK;
    }
    const start = performance.now();
    try {
      while (used > this.maxMemory) {
        if (!this.evictOne() && (tier === null || !this.evictTiered(tier))) return EvictResult.FAIL;
        used = this.usedMemory() - (tier === null ? 0 : tier.pendingBytes);
      }
      return EvictResult.OK;
    } finally {
      this.eviction.evictionMs += performance.now() - start;
    }
  }

  private evictOne(): boolean {
    const listener = this.onEvict;
    if (listener !== null) {
      // Rare path (an embedder listening): find the victim, tell, then remove.
      const d = this.evictor.evictOne(this.dbs, this.policyInForce, this.samples, (db, pos) => listener(db, pos));
      if (d < 0) return false;
    } else if (this.evictor.evictOne(this.dbs, this.policyInForce, this.samples) < 0) {
      return false;
    }
    if (this.evictor.demoted) this.evictor.demoted = false;
    else this.eviction.evictedKeys++;
    return true;
  }

  /**
   * Nothing left in RAM to demote: spill compressed values to disk, and
   * past that evict tiered keys themselves (RAM holds only their refs).
   */
  private evictTiered(tier: Tier): boolean {
    if (tier.spillOne()) return true;
    const skip = this.evictor.skip;
    this.evictor.skip = null;
    try {
      return this.evictOne();
    } finally {
      this.evictor.skip = skip;
    }
  }

  private notePressure(used: number): void {
    const over = used >= this.maxMemory * 0.9;
    if (over && !this.eviction.underPressure) {
      this.eviction.pressureEvents++;
      this.onPressure?.(used, this.maxMemory);
    }
    this.eviction.underPressure = over;
  }

  /** Sets who is told of writes to watched keys (the server's WATCH registry). */
  setKeyWatcher(w: KeyWatcher | null): void {
    this.watcher = w;
    for (const db of this.dbs) db.watcher = w;
  }

  /** Sets who is told of keys created and expired (the server's keyspace notifications); null when nobody listens. */
  setKeyEvents(e: KeyEvents | null): void {
    for (const db of this.dbs) db.events = e;
  }

  /** Sets who is told of list and sorted set writes to keys clients block on. */
  setReadySignal(r: ReadySignal | null): void {
    this.ready = r;
    for (const db of this.dbs) db.ready = r;
  }

  /** SWAPDB: exchanges the contents of two databases. */
  swap(a: number, b: number): void {
    const da = this.dbs[a]!;
    const db = this.dbs[b]!;
    this.dbs[a] = db;
    this.dbs[b] = da;
    // Watches stay with the index (clients keep watching "db a"), not with the contents.
    const w = da.watchedKeys;
    da.watchedKeys = db.watchedKeys;
    db.watchedKeys = w;
    const k = da.blockedKeys;
    da.blockedKeys = db.blockedKeys;
    db.blockedKeys = k;
    if (this.watcher !== null) this.watcher.swapped(a, b);
    if (this.ready !== null) this.ready.swapped(a, b);
  }

  /** FLUSHALL: empties every database; returns how many keys were removed. */
  flushAll(): number {
    let n = 0;
    for (const db of this.dbs) {
      n += db.size;
      db.clear();
    }
    this.evictor.reset();
    return n;
  }

  /** Keys in all databases. */
  totalKeys(): number {
    let n = 0;
    for (const db of this.dbs) n += db.size;
    return n;
  }

  /** Moves incremental key-table growth along (the cron's share; inserts do the rest). */
  growTables(): void {
    for (const db of this.dbs) if (db.table.growing) db.table.migrate(8192);
  }

  /**
   * One active expiry cycle, bounded by `budgetMs` of wall time, resuming
   * across databases where the previous cycle stopped. Redis's slow cycle
   * uses 25% of a 100 ms tick; we keep each cycle near 1 ms so a client
   * never waits behind it for longer.
   */
  activeExpireCycle(budgetMs = 1): void {
    const start = performance.now();
    const deadline = start + budgetMs;
    const now = (): number => performance.now();
    this.sweep.checked = 0;
    this.sweep.expired = 0;
    for (let i = 0; i < this.dbs.length; i++) {
      const db = this.dbs[this.expireDb]!;
      const lapDone = db.activeExpire(deadline, now, this.sweep);
      if (!lapDone) break;
      this.expireDb = (this.expireDb + 1) % this.dbs.length;
      if (now() >= deadline) break;
    }
    if (this.sweep.checked > 0) {
      this.stats.expiredStalePerc = (this.sweep.expired / this.sweep.checked) * 100;
    }
    this.expireCycleMs += performance.now() - start;
  }
}
