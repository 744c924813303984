/**
 * The storage engine: a fixed set of numbered databases sharing one clock and
 * one set of counters, plus the time-bounded active expiry cycle.
 * Knows nothing of sockets, RESP or commands.
 */
import { performance } from 'node:perf_hooks';
import { systemClock, type Clock } from './clock.js';
import { Database, type KeyspaceStats } from './keyspace.js';
import { AccessMode, lfuMinutes, lruClock } from './eviction/access.js';

export interface EngineOptions {
  /** Number of databases (Redis's `databases`, default 16). */
  databases?: number;
  clock?: Clock;
}

export class Engine {
  readonly clock: Clock;
  readonly stats: KeyspaceStats = {
    mode: AccessMode.LRU,
    lru: 0,
    lfuMinutes: 0,
    lfuLogFactor: 10,
    lfuDecayTime: 1,
    hits: 0,
    misses: 0,
    expiredKeys: 0,
    expiredStalePerc: 0,
  };
  readonly dbs: Database[];
  /** Total time the active expiry cycle has run, in ms (INFO expire_cycle_cpu_milliseconds). */
  expireCycleMs = 0;
  private expireDb = 0;
  private readonly sweep = { checked: 0, expired: 0 };

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.refreshClock();
    const n = options.databases ?? 16;
    this.dbs = Array.from({ length: n }, () => new Database(this.clock, this.stats));
  }

  /** Refreshes the cached LRU clock; the server calls it from its cron (every 100 ms at hz 10). */
  refreshClock(): void {
    const now = this.clock.now();
    this.stats.lru = lruClock(now);
    this.stats.lfuMinutes = lfuMinutes(now);
  }

  /** SWAPDB: exchanges the contents of two databases. */
  swap(a: number, b: number): void {
    const t = this.dbs[a]!;
    this.dbs[a] = this.dbs[b]!;
    this.dbs[b] = t;
  }

  /** FLUSHALL: empties every database; returns how many keys were removed. */
  flushAll(): number {
    let n = 0;
    for (const db of this.dbs) {
      n += db.size;
      db.clear();
    }
    return n;
  }

  /** Keys in all databases. */
  totalKeys(): number {
    let n = 0;
    for (const db of this.dbs) n += db.size;
    return n;
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
