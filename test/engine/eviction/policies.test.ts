// Each eviction policy on small hand-made situations, on a FakeClock.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Cache, type CachePolicy } from '../../../src/embedded/cache.js';
import { FakeClock } from '../../../src/engine/clock.js';
import { Engine, EvictResult } from '../../../src/engine/engine.js';
import { parsePolicy, POLICY_NAMES } from '../../../src/engine/eviction/evict.js';
import { lfuDecayed, lfuLogIncr, LFU_INIT_VAL, AccessMode } from '../../../src/engine/eviction/access.js';
import { putString } from '../../../src/engine/types/string.js';
import { KeyIndex } from '../../../src/engine/index/key-index.js';

const T0 = 1_700_000_000_000;
const VALUE = Buffer.alloc(100, 1);

/** A cache that holds about `n` 100-byte entries with keys of about 7 bytes (114-byte items). */
function cacheOf(policy: CachePolicy, n: number, clock: FakeClock): Cache {
  return new Cache({ maxMemory: n * 114 + KeyIndex.bytesFor(n), policy, clock, samples: 10 });
}

function fill(c: Cache, clock: FakeClock, prefix: string, n: number, ttl?: number): void {
  for (let i = 0; i < n; i++) {
    c.set(`${prefix}${i}`, VALUE, ttl === undefined ? undefined : { ttl });
    clock.advance(1000);
  }
}

function survivors(c: Cache, prefix: string, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) if (c.has(`${prefix}${i}`)) s++;
  return s;
}

describe('eviction policies', () => {
  test('every policy name parses, and unknown ones are refused', () => {
    for (const name of POLICY_NAMES) assert.equal(parsePolicy(name).name, name);
    assert.equal(parsePolicy('volatile-ttl').volatileOnly, true);
    assert.equal(parsePolicy('allkeys-lfu').mode, AccessMode.LFU);
    assert.throws(() => parsePolicy('allkeys-mru'), RangeError);
  });

  test('allkeys-lru keeps the keys read recently', () => {
    const clock = new FakeClock(T0);
    const c = cacheOf('allkeys-lru', 200, clock);
    fill(c, clock, 'old', 100);
    for (let i = 0; i < 50; i++) c.get(`old${i}`); // old0..old49 are now recent
    clock.advance(1000);
    fill(c, clock, 'new', 150);
    // 50 keys must go. Sampled LRU (as Redis's) is approximate, not exact.
    assert.ok(survivors(c, "old", 50) > 30, `recently read: ${survivors(c, 'old', 50)}/50 kept`);
    let idle = 0;
    for (let i = 50; i < 100; i++) if (c.has(`old${i}`)) idle++;
    assert.ok(idle < 25, `not read: ${idle}/50 kept`);
  });

  test('allkeys-lfu keeps the keys read often over ones read once recently', () => {
    // Sampling is random: averaged over 10 runs (one run ranges 32..45 over
    // 300 tries; LRU would keep almost none, the hot keys being the oldest read).
    let kept = 0;
    for (let run = 0; run < 10; run++) {
      const clock = new FakeClock(T0);
      const c = cacheOf('allkeys-lfu', 200, clock);
      fill(c, clock, 'hot', 50);
      for (let r = 0; r < 30; r++) for (let i = 0; i < 50; i++) c.get(`hot${i}`);
      fill(c, clock, 'cold', 300);
      // 150 of the 350 keys must go; the new ones start at counter 5, the hot ones a few above.
      kept += survivors(c, 'hot', 50);
    }
    assert.ok(kept / 10 > 33, `hot kept on average: ${kept / 10}/50`);
  });

  test('allkeys-fifo evicts in insertion order whatever is read', () => {
    const clock = new FakeClock(T0);
    const c = cacheOf('allkeys-fifo', 200, clock);
    fill(c, clock, 'first', 100);
    for (let i = 0; i < 100; i++) c.get(`first${i}`);
    fill(c, clock, 'second', 150);
    // About 50 must go: the oldest, although every one of them was read.
    assert.ok(survivors(c, 'first', 100) < 60, `first kept: ${survivors(c, 'first', 100)}/100`);
    assert.ok(survivors(c, 'second', 150) > 140, `second kept: ${survivors(c, 'second', 150)}/150`);
  });

  test('allkeys-adaptive evicts keys never read since they came in before keys that were read', () => {
    const clock = new FakeClock(T0);
    // Samples cover the whole table, so the choice is exact, not sampled.
    const engine = new Engine({ databases: 1, clock, maxMemory: 0, policy: 'allkeys-adaptive', samples: 64 });
    const db = engine.dbs[0]!;
    for (let i = 0; i < 20; i++) putString(db, `k${i}`, VALUE, 0, VALUE.length);
    clock.advance(5000);
    engine.refreshClock();
    for (let r = 0; r < 3; r++) for (let i = 0; i < 10; i++) db.lookupRead(`k${i}`);
    const evicted: string[] = [];
    engine.onEvict = (d, pos) => evicted.push(d.keyName(pos));
    engine.maxMemory = engine.usedMemory() - 5 * 100;
    assert.equal(engine.evict(), EvictResult.OK);
    assert.ok(evicted.length >= 5);
    assert.ok(evicted.every((k) => Number(k.slice(1)) >= 10), `evicted ${evicted.join(' ')}`);
  });

  /** Hot keys (read 3 times) left after a scan of `scan` one-off keys (25 push about 15 keys out). */
  function afterScan(policy: CachePolicy, scan = 25): number {
    const clock = new FakeClock(T0);
    const c = cacheOf(policy, 200, clock);
    const step = (): void => clock.advance(100);
    for (let i = 0; i < 50; i++, step()) c.set(`hot${i}`, VALUE);
    for (let r = 0; r < 3; r++) for (let i = 0; i < 50; i++, step()) c.get(`hot${i}`);
    for (let i = 0; i < 140; i++, step()) c.set(`other${i}`, VALUE);
    for (let i = 0; i < scan; i++, step()) c.set(`scan${i}`, VALUE);
    return survivors(c, 'hot', 50);
  }

  // Eviction samples at random: these average 10 runs, so the bounds hold by a wide margin.
  test('allkeys-adaptive: a scan of one-off keys does not flush a working set read several times', () => {
    let adaptive = 0;
    let lru = 0;
    for (let run = 0; run < 10; run++) {
      adaptive += afterScan('allkeys-adaptive');
      lru += afterScan('allkeys-lru');
    }
    // The hot keys are the least recently used: LRU evicts them first (40 of 50
    // kept); adaptive evicts keys never read since they came in (about 49).
    assert.ok(adaptive / 10 >= 46, `adaptive kept ${adaptive / 10}/50 on average`);
    assert.ok(adaptive / 10 >= lru / 10 + 5, `adaptive ${adaptive / 10}, lru ${lru / 10}`);
  });

  test('allkeys-adaptive: a scan three times the cache does not age the working set out either', () => {
    // Eviction ages survivors only as fast as keys are read a first time since
    // coming in; a scan reads nothing, so the hot set keeps its counts while
    // 600 one-off keys pass through. (Aging every eviction round lost all 50.)
    let adaptive = 0;
    for (let run = 0; run < 10; run++) adaptive += afterScan('allkeys-adaptive', 600);
    assert.ok(adaptive / 10 >= 45, `adaptive kept ${adaptive / 10}/50 on average`);
    assert.equal(afterScan('allkeys-lru', 600), 0);
  });

  test('allkeys-adaptive follows a hot set that moves: the new one is kept, the old one goes', () => {
    let kept = 0;
    let stale = 0;
    for (let run = 0; run < 10; run++) {
      const clock = new FakeClock(T0);
      const c = cacheOf('allkeys-adaptive', 200, clock);
      for (let i = 0; i < 50; i++) c.set(`old${i}`, VALUE);
      for (let r = 0; r < 3; r++) for (let i = 0; i < 50; i++) c.get(`old${i}`);
      fill(c, clock, 'other', 140);
      // The old set is read no more. A new one of 150 keys is read among
      // one-off writes: each first read of a new key (made while the cache is
      // full) lets eviction age the keys it samples, so the old counters run down.
      let once = 0;
      for (let r = 0; r < 6; r++) {
        for (let i = 0; i < 150; i++) {
          if (c.get(`new${i}`) === undefined) c.set(`new${i}`, VALUE);
          if (i % 10 === 0) c.set(`once${once++}`, VALUE);
          clock.advance(1000);
        }
      }
      kept += survivors(c, 'new', 150);
      stale += survivors(c, 'old', 50);
    }
    // Measured: 150/150 and 0.2/50 on average.
    assert.ok(kept / 10 >= 145, `new hot set kept: ${kept / 10}/150 on average`);
    assert.ok(stale / 10 <= 12, `old hot set kept: ${stale / 10}/50 on average`);
  });

  test('volatile-adaptive evicts only keys with a TTL', () => {
    const clock = new FakeClock(T0);
    const c = cacheOf('volatile-adaptive', 100, clock);
    fill(c, clock, 'keep', 30);
    fill(c, clock, 't', 150, 1_000_000);
    assert.equal(survivors(c, 'keep', 30), 30);
    assert.ok(survivors(c, 't', 150) < 100);
  });

  test('volatile-ttl evicts the keys closest to expiring, and volatile policies leave keys without TTL', () => {
    const clock = new FakeClock(T0);
    const c = cacheOf('volatile-ttl', 100, clock);
    fill(c, clock, 'keep', 30);
    for (let i = 0; i < 150; i++) c.set(`t${i}`, VALUE, { ttl: 10_000_000 - i * 1000 });
    assert.equal(survivors(c, 'keep', 30), 30);
    // Later keys expire sooner: they are the ones evicted.
    assert.ok(survivors(c, 't', 20) > 15, `long TTLs kept: ${survivors(c, 't', 20)}/20`);
  });

  test('volatile-lru with no volatile keys cannot evict: writes then fail as under noeviction', () => {
    const engine = new Engine({ databases: 1, maxMemory: 20_000, policy: 'volatile-lru' });
    const db = engine.dbs[0]!;
    for (let i = 0; i < 500; i++) putString(db, `k${i}`, VALUE, 0, VALUE.length);
    assert.equal(engine.evict(), EvictResult.FAIL);
    assert.equal(db.size, 500);
  });

  test('allkeys-random evicts until under the limit, across databases', () => {
    const engine = new Engine({ databases: 4, maxMemory: 0, policy: 'allkeys-random' });
    for (let d = 0; d < 4; d++) for (let i = 0; i < 100; i++) putString(engine.dbs[d]!, `k${i}`, VALUE, 0, VALUE.length);
    engine.maxMemory = Math.floor(engine.usedMemory() / 2);
    assert.equal(engine.evict(), EvictResult.OK);
    assert.ok(engine.usedMemory() <= engine.maxMemory);
    for (const db of engine.dbs) assert.ok(db.size > 0 && db.size < 100, `db size ${db.size}`);
  });

  test("LFU counters follow Redis's rules: new keys start at 5, grow logarithmically, decay per lfu-decay-time minutes", () => {
    const s = { mode: AccessMode.LFU, lru: 0, lfuMinutes: 100, lfuLogFactor: 10, lfuDecayTime: 1, promotions: 0, atCapacity: false, ghost: null };
    let counter = LFU_INIT_VAL;
    for (let i = 0; i < 1000; i++) counter = lfuLogIncr(counter, 10);
    // Redis's table: factor 10 reaches ~18 after 1000 hits (from 5: ~10-30).
    assert.ok(counter > 10 && counter < 40, `counter ${counter}`);
    assert.equal(lfuLogIncr(255, 10), 255);
    assert.equal(lfuDecayed((90 << 8) | 20, s), 10, '10 minutes later, 10 less');
    assert.equal(lfuDecayed((90 << 8) | 5, s), 0);
    assert.equal(lfuDecayed((90 << 8) | 20, { ...s, lfuDecayTime: 0 }), 20, 'decay off');
  });
});
