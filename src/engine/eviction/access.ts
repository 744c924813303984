/**
 * The 24-bit access field every item carries (Redis's robj.lru), read and
 * updated according to the eviction policy in force:
 *
 *   LRU      seconds clock (24 bits), refreshed on access; also what noeviction,
 *            *-random and volatile-ttl keep, so OBJECT IDLETIME works there
 *   LFU      minutes (16 bits) << 8 | logarithmic counter (8 bits), as Redis
 *   ADAPTIVE freq (2 bits) << 22 | seconds clock (22 bits): the counter the
 *            adaptive policy ranks by, plus the last access for IDLETIME
 *   FIFO     the insertion time (seconds, 24 bits), never refreshed
 */

export const enum AccessMode {
  LRU = 0,
  LFU = 1,
  ADAPTIVE = 2,
  FIFO = 3,
}

/** Redis's LFU_INIT_VAL: new keys start above zero so they are not evicted at once. */
export const LFU_INIT_VAL = 5;
export const LRU_CLOCK_MAX = (1 << 24) - 1;
const CLOCK22 = (1 << 22) - 1;

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
}

export function lruClock(ms: number): number {
  return Math.floor(ms / 1000) & LRU_CLOCK_MAX;
}

export function lfuMinutes(ms: number): number {
  return Math.floor(ms / 60000) & 65535;
}

/** Access field of a new item. */
export function initialAccess(s: AccessState): number {
  switch (s.mode) {
    case AccessMode.LFU:
      return (s.lfuMinutes << 8) | LFU_INIT_VAL;
    case AccessMode.ADAPTIVE:
      return s.lru & CLOCK22;
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
      return ((freq < 3 ? freq + 1 : 3) << 22) | (s.lru & CLOCK22);
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
    const then = access & CLOCK22;
    const now = s.lru & CLOCK22;
    return now >= then ? now - then : now + (CLOCK22 - then);
  }
  return s.lru >= access ? s.lru - access : s.lru + (LRU_CLOCK_MAX - access);
}
