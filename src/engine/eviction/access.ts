/**
 * The 24-bit access field every item carries (Redis's robj.lru), read and
 * updated according to the eviction policy in force:
 *
 *   LRU      seconds clock (24 bits), refreshed on access; also what noeviction,
 *            *-random and volatile-ttl keep, so OBJECT IDLETIME works there
 *   LFU      minutes (16 bits) << 8 | logarithmic counter (8 bits), as Redis
 *   ADAPTIVE freq (2 bits) << 22 | main (1 bit) << 21 | seconds clock (21
 *            bits): the counter the adaptive policy ranks by, whether the key
 *            was ever read since it came in, and the last access for IDLETIME
 *   FIFO     the insertion time (seconds, 24 bits), never refreshed
 */
import type { GhostFilter } from './ghost.js';

export const enum AccessMode {
  LRU = 0,
  LFU = 1,
  ADAPTIVE = 2,
  FIFO = 3,
}

/** Redis's LFU_INIT_VAL: new keys start above zero so they are not evicted at once. */
export const LFU_INIT_VAL = 5;
export const LRU_CLOCK_MAX = (1 << 24) - 1;
/** Adaptive mode's access field: freq (2 bits) << 22 | MAIN | seconds clock (21 bits). */
export const ADAPTIVE_CLOCK = (1 << 21) - 1;
/** Set on a key's first read since it came in: from then on it is in the "main" part (S3-FIFO's main queue). */
export const ADAPTIVE_MAIN = 1 << 21;

/** Clocks and settings shared by all databases (the engine refreshes the clocks from its cron). */
export interface AccessState {
  mode: AccessMode;
  /** LRU clock: seconds, 24 bits. */
  lru: number;
  /** LFU clock: minutes, 16 bits. */
  lfuMinutes: number;
  lfuLogFactor: number;
  /** Minutes per counter decrement (0 = never decay). */
  lfuDecayTime: number;
  /**
   * Adaptive mode: first reads of keys since they came in, made while the
   * cache was full and not yet spent by eviction (at most
   * MAX_AGING_CREDIT). Eviction ages survivors only against these: see evict.ts.
   */
  promotions: number;
  /** Whether used memory was within 1/64 of maxmemory at the last check. */
  atCapacity: boolean;
  /** Adaptive mode: keys evicted before they were read (null under other policies). */
  ghost: GhostFilter | null;
}

/** Promotions eviction may bank: a short burst, not a backlog from hours ago. */
const MAX_AGING_CREDIT = 64;

/** Banks one aging round for eviction: a key entered the main part while the cache was full. */
function notePromotion(s: AccessState): void {
  if (s.atCapacity && s.promotions < MAX_AGING_CREDIT) s.promotions++;
}

export function lruClock(ms: number): number {
  return Math.floor(ms / 1000) & LRU_CLOCK_MAX;
}

export function lfuMinutes(ms: number): number {
  return Math.floor(ms / 60000) & 65535;
}

/** Access field of a new item whose key hashes to `h`. */
export function initialAccess(s: AccessState, h: number): number {
  switch (s.mode) {
    case AccessMode.LFU:
      return (s.lfuMinutes << 8) | LFU_INIT_VAL;
    case AccessMode.ADAPTIVE:
      // A ghost returning goes straight to the main part, which makes room there.
      if (s.ghost !== null && s.ghost.recall(h)) {
        notePromotion(s);
        return ADAPTIVE_MAIN | (s.lru & ADAPTIVE_CLOCK);
      }
      return s.lru & ADAPTIVE_CLOCK;
    default:
      return s.lru;
  }
}

/** Access field after an access. */
export function touched(old: number, s: AccessState): number {
  switch (s.mode) {
    case AccessMode.LFU: {
      const counter = lfuLogIncr(lfuDecayed(old, s), s.lfuLogFactor);
      return (s.lfuMinutes << 8) | counter;
    }
    case AccessMode.ADAPTIVE: {
      const freq = old >>> 22;
      if ((old & ADAPTIVE_MAIN) === 0) notePromotion(s);
      return ((freq < 3 ? freq + 1 : 3) << 22) | ADAPTIVE_MAIN | (s.lru & ADAPTIVE_CLOCK);
    }
    case AccessMode.FIFO:
      return old;
    default:
      return s.lru;
  }
}

/** Redis's LFUDecrAndReturn: the counter after the decay periods elapsed since its last access. */
export function lfuDecayed(access: number, s: AccessState): number {
  const ldt = access >>> 8;
  const counter = access & 255;
  const elapsed = s.lfuMinutes >= ldt ? s.lfuMinutes - ldt : 65535 - ldt + s.lfuMinutes;
  const periods = s.lfuDecayTime > 0 ? Math.floor(elapsed / s.lfuDecayTime) : 0;
  return periods > counter ? 0 : counter - periods;
}

/** Redis's LFULogIncr: increments with probability 1 / ((counter - LFU_INIT_VAL) * factor + 1). */
export function lfuLogIncr(counter: number, factor: number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  return Math.random() < 1 / (base * factor + 1) ? counter + 1 : counter;
}

/** Seconds since the last access (or insertion under FIFO), as OBJECT IDLETIME reports. */
export function idleSeconds(access: number, s: AccessState): number {
  if (s.mode === AccessMode.ADAPTIVE) {
    const then = access & ADAPTIVE_CLOCK;
    const now = s.lru & ADAPTIVE_CLOCK;
    return now >= then ? now - then : now + (ADAPTIVE_CLOCK - then);
  }
  return s.lru >= access ? s.lru - access : s.lru + (LRU_CLOCK_MAX - access);
}
