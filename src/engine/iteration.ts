/**
 * Walks over a database's key table: SCAN's cursor walk, RANDOMKEY's pick
 * and the active expiry sweep. Entries move when others are added or
 * removed, so SCAN walks by home bucket, not by position: the entries whose
 * home is bucket b always sit in one run starting at or after b (Robin Hood
 * order), whatever moved, and the cursor is a bucket number incremented in
 * reverse-binary order as Redis's dictScan, which survives the table
 * doubling or halving between calls.
 */
import type { Database } from './keyspace.js';
import { DIST_ONE, META_TTL } from './index/key-index.js';
import { NO_KEY } from './status.js';

let expiredScratch = new Int32Array(64);

/** Reverses the bits of a 32-bit number. */
function rev32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

/**
 * Visits the live entries whose home is bucket `b`; collects the expired
 * ones after the walk (removing moves entries, so not during it). Returns
 * how many were visited.
 */
function scanBucket(db: Database, b: number, visit: (pos: number) => void, now: number): number {
  const t = db.table;
  const meta = t.meta;
  const mask = t.mask;
  let visited = 0;
  let expired = 0;
  let pos = b;
  for (let d = DIST_ONE; ; d += DIST_ONE, pos = (pos + 1) & mask) {
    const m = meta[pos]!;
    if (m < d) break;
    if ((m & 0xff00) !== d) continue;
    if (m & META_TTL) {
      const at = db.expireAt(pos);
      if (at <= now) {
        if (expired === expiredScratch.length) {
          const bigger = new Int32Array(expired * 2);
          bigger.set(expiredScratch);
          expiredScratch = bigger;
        }
        expiredScratch[expired++] = t.refs[pos]!;
        continue;
      }
    }
    visit(pos);
    visited++;
  }
  for (let i = 0; i < expired; i++) {
    const ref = expiredScratch[i]!;
    db.collectExpired(t.locate(ref, db.refKeyHash(ref)));
  }
  return visited;
}

/** SCAN: visits live keys bucket by bucket from `cursor` until `count` were visited; returns the next cursor or 0. */
export function scanIndex(db: Database, cursor: number, count: number, visit: (pos: number) => void, now: number): number {
  if (db.size === 0) return 0;
  let v = cursor >>> 0;
  let seen = 0;
  // Bound the empty buckets walked so a sparse table cannot make one call O(table).
  let buckets = count * 10;
  do {
    const mask = db.table.mask;
    seen += scanBucket(db, v & mask, visit, now);
    v = (v | ~mask) >>> 0;
    v = rev32(v);
    v = (v + 1) >>> 0;
    v = rev32(v);
  } while (v !== 0 && seen < count && --buckets > 0);
  return v;
}

/** RANDOMKEY: a random live key, or NO_KEY when the table is empty. */
export function randomLivePosition(db: Database, now: number): number {
  const t = db.table;
  for (let tries = 0; db.size > 0 && tries < 100; tries++) {
    let pos = Math.floor(Math.random() * t.capacity);
    while (t.meta[pos] === 0) pos = (pos + 1) & t.mask;
    if (t.meta[pos]! & META_TTL && db.expireAt(pos) <= now) {
      db.collectExpired(pos);
      continue;
    }
    return pos;
  }
  // Everything sampled had expired: look for any live key.
  for (let pos = 0; pos < t.capacity; pos++) {
    if (t.meta[pos] === 0) continue;
    if (t.meta[pos]! & META_TTL && db.expireAt(pos) <= now) continue;
    return pos;
  }
  return NO_KEY;
}

/**
 * Active expiry: sweeps from where the last sweep stopped, collecting
 * expired keys, until `deadline` (checked every 1024 entries) or a full lap.
 * Only entries with the TTL bit read their item. Returns true when the lap
 * completed.
 */
export function sweepExpired(db: Database, deadline: number, clock: () => number, out: { checked: number; expired: number }, now: number): boolean {
  const t = db.table;
  let pos = db.sweepAt;
  let steps = 0;
  while (steps < t.capacity) {
    if (pos >= t.capacity) pos = 0;
    const m = t.meta[pos]!;
    if (m & META_TTL) {
      out.checked++;
      if (db.expireAt(pos) <= now) {
        // The next entry of the run shifts into pos: look at pos again.
        db.collectExpired(pos);
        out.expired++;
        if (db.volatileCount === 0) break;
        continue;
      }
    }
    pos++;
    steps++;
    if ((steps & 1023) === 0 && clock() >= deadline) {
      db.sweepAt = pos;
      return false;
    }
  }
  db.sweepAt = pos;
  return true;
}
