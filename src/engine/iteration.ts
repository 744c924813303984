/**
 * Walks over a database's slot table: SCAN's cursor walk, RANDOMKEY's pick
 * and the active expiry sweep. Slots never move while their key lives, so a
 * slot number is a stable cursor. Expired keys met on the way are collected.
 */
import { NO_KEY } from './status.js';

/** What the walks need from a database's slot table. */
export interface SlotTable {
  readonly slotLimit: number;
  readonly size: number;
  occupied(s: number): boolean;
  rawExpire(s: number): number;
  collectExpired(s: number): void;
  sweepAt: number;
}

/** SCAN: visits up to `count` live keys from `cursor`; returns the next cursor or 0. */
export function scanSlots(t: SlotTable, cursor: number, count: number, visit: (slot: number) => void, now: number): number {
  let s = cursor;
  // Visit at least `count` occupied slots, but bound the empty ones walked
  // over so a sparse table cannot make one call O(slots).
  let seen = 0;
  let walked = 0;
  const maxWalk = count * 10 + 100;
  while (s < t.slotLimit && seen < count && walked < maxWalk) {
    walked++;
    if (t.occupied(s)) {
      const at = t.rawExpire(s);
      if (at !== 0 && at <= now) {
        t.collectExpired(s);
      } else {
        seen++;
        visit(s);
      }
    }
    s++;
  }
  return s >= t.slotLimit ? 0 : s;
}

/** RANDOMKEY: a random live slot, or NO_KEY when the table is empty. */
export function randomLiveSlot(t: SlotTable, now: number): number {
  for (let tries = 0; t.size > 0 && tries < 100; tries++) {
    const s = Math.floor(Math.random() * t.slotLimit);
    if (!t.occupied(s)) continue;
    const at = t.rawExpire(s);
    if (at !== 0 && at <= now) {
      t.collectExpired(s);
      continue;
    }
    return s;
  }
  // Sparse table: fall back to a walk from a random point.
  if (t.size === 0) return NO_KEY;
  const limit = t.slotLimit;
  const start = Math.floor(Math.random() * limit);
  for (let i = 0; i < limit; i++) {
    const s = (start + i) % limit;
    if (!t.occupied(s)) continue;
    const at = t.rawExpire(s);
    if (at !== 0 && at <= now) continue;
    return s;
  }
  return NO_KEY;
}

/**
 * Active expiry: sweeps from where the last sweep stopped, collecting
 * expired keys, until `deadline` (checked every 1024 slots) or a full lap.
 * Returns true when the lap completed.
 */
export function sweepExpired(t: SlotTable, deadline: number, clock: () => number, out: { checked: number; expired: number }, now: number): boolean {
  const limit = t.slotLimit;
  let s = t.sweepAt;
  let steps = 0;
  while (steps < limit) {
    if (s >= limit) s = 0;
    const at = t.rawExpire(s);
    if (at !== 0) {
      out.checked++;
      if (at <= now) {
        t.collectExpired(s);
        out.expired++;
      }
    }
    s++;
    steps++;
    if ((steps & 1023) === 0 && clock() >= deadline) {
      t.sweepAt = s;
      return false;
    }
  }
  t.sweepAt = s;
  return true;
}
