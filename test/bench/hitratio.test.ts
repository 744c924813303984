// Hit-ratio benchmark: trace generators, the exact LRU and Belady simulators
// (against hand-worked counts and a brute-force OPT), and the harness end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countDistinct,
  loop,
  loopOverCache,
  mulberry32,
  shiftingHotSet,
  TRACES,
  zipf,
  zipfWithScans,
} from '../../bench/hitratio/traces.js';
import { simulateBelady, simulateLru } from '../../bench/hitratio/reference.js';
import { builtinPolicies, formatHitRatioTable, replay, runHitRatio } from '../../bench/hitratio/run.js';

const T = (xs: number[]): Int32Array => Int32Array.from(xs);

function assertIdsIn(trace: Int32Array, lo: number, hi: number): void {
  for (const k of trace) assert.ok(k >= lo && k < hi, `key ${k} outside [${lo}, ${hi})`);
}

/** Share of requests that go to the most requested `fraction` of the universe. */
function topShare(trace: Int32Array, universe: number, fraction: number): number {
  const freq = new Array<number>(universe).fill(0);
  for (const k of trace) freq[k]!++;
  freq.sort((a, b) => b - a);
  const top = freq.slice(0, Math.round(universe * fraction)).reduce((a, b) => a + b, 0);
  return top / trace.length;
}

/** OPT the slow, obvious way: on a full miss, scan ahead for each resident key's next use. */
function naiveOpt(trace: Int32Array, capacity: number): number {
  const cache = new Set<number>();
  let misses = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace[i]!;
    if (cache.has(k)) continue;
    misses++;
    if (cache.size === capacity) {
      let victim = -1;
      let farthest = -1;
      for (const c of cache) {
        let next = trace.indexOf(c, i + 1);
        if (next === -1) next = Infinity;
        if (next > farthest) {
          farthest = next;
          victim = c;
        }
      }
      cache.delete(victim);
    }
    cache.add(k);
  }
  return misses;
}

test('every generator returns the same trace for the same seed', () => {
  assert.deepEqual(zipf(5000, 1000, 0.99, 7), zipf(5000, 1000, 0.99, 7));
  assert.deepEqual(zipfWithScans(5000, 1000, 0.99, 7), zipfWithScans(5000, 1000, 0.99, 7));
  assert.deepEqual(shiftingHotSet(5000, 1000, 50, 1000, 7), shiftingHotSet(5000, 1000, 50, 1000, 7));
  assert.deepEqual(loop(5000, 110, 7), loop(5000, 110, 7));
  assert.notDeepEqual(zipf(5000, 1000, 0.99, 7), zipf(5000, 1000, 0.99, 8));
  assert.notDeepEqual(shiftingHotSet(5000, 1000, 50, 1000, 7), shiftingHotSet(5000, 1000, 50, 1000, 8));
});

test('the PRNG yields floats in [0, 1)', () => {
  const rand = mulberry32(42);
  for (let i = 0; i < 10_000; i++) {
    const x = rand();
    assert.ok(x >= 0 && x < 1);
  }
});

test('generated key ids stay within the universe and scan ids are fresh and never repeat', () => {
  for (const alpha of [0, 0.8, 0.99, 1.2]) {
    const t = zipf(20_000, 500, alpha, 3);
    assert.equal(t.length, 20_000);
    assertIdsIn(t, 0, 500);
  }
  assertIdsIn(shiftingHotSet(20_000, 500, 25, 500, 3), 0, 500);
  assert.deepEqual(loop(7, 3), T([0, 1, 2, 0, 1, 2, 0]));
  assert.equal(countDistinct(loopOverCache(10_000, 100)), 110);
  assert.equal(countDistinct(loopOverCache(100, 5)), 6);

  const universe = 1000;
  const s = zipfWithScans(20_000, universe, 0.99, 3);
  const scanIds = s.filter((k) => k >= universe);
  assert.equal(scanIds.length, 20_000 / 4, 'the default scans are a quarter of the requests');
  assert.equal(new Set(scanIds).size, scanIds.length);
  assertIdsIn(s, 0, universe + scanIds.length);
});

test('zipf with alpha 1.2 sends more requests to the top 1 % of keys than alpha 0.8', () => {
  const universe = 10_000;
  const heavy = topShare(zipf(200_000, universe, 1.2, 11), universe, 0.01);
  const mild = topShare(zipf(200_000, universe, 0.8, 11), universe, 0.01);
  assert.ok(heavy > mild + 0.2, `top 1 %: alpha 1.2 ${heavy}, alpha 0.8 ${mild}`);
  // Ranks are shuffled onto key ids, so key 0 is not the most popular by construction.
  const t = zipf(200_000, universe, 1.2, 11);
  const counts = new Map<number, number>();
  for (const k of t) counts.set(k, (counts.get(k) ?? 0) + 1);
  const hottest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  assert.notEqual(hottest, 0);
});

test('the shifting hot set takes about 90 % of each phase and moves between phases', () => {
  const t = shiftingHotSet(4000, 10_000, 100, 2000, 5);
  const hotOf = (phase: Int32Array): Set<number> => {
    const c = new Map<number, number>();
    for (const k of phase) c.set(k, (c.get(k) ?? 0) + 1);
    return new Set([...c].sort((a, b) => b[1] - a[1]).slice(0, 100).map(([k]) => k));
  };
  const first = hotOf(t.subarray(0, 2000));
  const second = hotOf(t.subarray(2000));
  const inFirst = t.subarray(0, 2000).filter((k) => first.has(k)).length;
  assert.ok(inFirst > 2000 * 0.85, `hot share ${inFirst / 2000}`);
  const overlap = [...second].filter((k) => first.has(k)).length;
  assert.ok(overlap < 10, `hot sets overlap in ${overlap} keys`);
});

test('simulateLru gives the hand-worked miss counts', () => {
  // cap 2: 1m 2m 3m(-1) 1m(-2) 4m(-3) 1h 2m(-4) = 6; cap 3: 1m 2m 3m 1h 4m(-2) 1h 2m(-3) = 5.
  assert.equal(simulateLru(T([1, 2, 3, 1, 4, 1, 2]), 2), 6);
  assert.equal(simulateLru(T([1, 2, 3, 1, 4, 1, 2]), 3), 5);
  assert.equal(simulateLru(T([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]), 3), 10);
  assert.equal(simulateLru(T([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]), 4), 8);
  assert.equal(simulateLru(T([0, 0, 0]), 1), 1);
  assert.equal(simulateLru(T([]), 1), 0);
});

test('simulateBelady gives the known optimum miss counts', () => {
  assert.equal(simulateBelady(T([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]), 3), 7);
  assert.equal(simulateBelady(T([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]), 4), 6);
  // cap 2: 1m 2m 3m(-2, next at 6) 1h 4m(-3, never) 1h 2m = 5; cap 3: 3 is evicted for 4, 2 then hits = 4.
  assert.equal(simulateBelady(T([1, 2, 3, 1, 4, 1, 2]), 2), 5);
  assert.equal(simulateBelady(T([1, 2, 3, 1, 4, 1, 2]), 3), 4);
  assert.equal(simulateBelady(T([]), 3), 0);
});

test('simulateBelady matches a brute-force OPT and never misses more than LRU on random small traces', () => {
  const rand = mulberry32(2024);
  for (let n = 0; n < 200; n++) {
    const trace = new Int32Array(30);
    for (let i = 0; i < trace.length; i++) trace[i] = Math.floor(rand() * 8);
    for (let capacity = 1; capacity <= 5; capacity++) {
      const opt = simulateBelady(trace, capacity);
      assert.equal(opt, naiveOpt(trace, capacity), `trace ${trace.join(',')} capacity ${capacity}`);
      assert.ok(opt <= simulateLru(trace, capacity));
    }
  }
});

test('a loop one key larger than the cache makes LRU miss on every access', () => {
  for (const capacity of [1, 2, 10, 100]) {
    const trace = loop(50 * capacity, capacity + 1);
    assert.equal(simulateLru(trace, capacity), trace.length);
    // OPT keeps capacity-1 keys of the loop and misses about once per `capacity`
    // requests; at capacity 1 it too must miss on every access.
    if (capacity > 1) assert.ok(simulateBelady(trace, capacity) < trace.length / (capacity - 1) + capacity);
  }
});

test('the built-in FIFO shows Belady\'s anomaly and the built-in LRU matches the reference', () => {
  const fifo = builtinPolicies.find((p) => p.name === 'fifo')!;
  const lru = builtinPolicies.find((p) => p.name === 'lru-exact')!;
  const classic = T([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]);
  assert.equal(replay(fifo.create(3, 6), classic), 9);
  assert.equal(replay(fifo.create(4, 6), classic), 10);
  const z = zipf(20_000, 1000, 0.99, 9);
  assert.equal(replay(lru.create(50, 1000), z), simulateLru(z, 50));
});

test('runHitRatio on a tiny suite reports ratios in [0, 1] with OPT never above LRU or any policy', () => {
  const r = runHitRatio({ policies: [...builtinPolicies], length: 20_000, universe: 1000, seed: 3 });
  assert.equal(r.rows.length, TRACES.length * 3);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  for (const row of r.rows) {
    assert.ok(row.capacity >= 1);
    for (const m of [row.lru, row.belady, ...row.policies]) assert.ok(m.missRatio >= 0 && m.missRatio <= 1, `${row.trace} ${m.name}`);
    assert.ok(row.belady.misses <= row.lru.misses, `${row.trace} at ${row.sizeFraction}`);
    for (const p of row.policies) assert.ok(row.belady.misses <= p.misses, `${row.trace} ${p.name}`);
    assert.equal(row.policies.find((p) => p.name === 'lru-exact')!.misses, row.lru.misses);
  }
  const loopRows = r.rows.filter((row) => row.trace === 'loop-1.1x');
  for (const row of loopRows) assert.equal(row.lru.missRatio, 1);
  const table = formatHitRatioTable(r);
  for (const t of TRACES) assert.ok(table.includes(t.name), t.name);
  assert.equal(table.includes(' !'), false);
});

test('runHitRatio runs only the traces asked for and rejects unknown ones', () => {
  const r = runHitRatio({ policies: [], traces: ['zipf-1.2'], sizes: [0.5], length: 1000, universe: 100 });
  assert.deepEqual(r.rows.map((row) => row.trace), ['zipf-1.2']);
  assert.throws(() => runHitRatio({ policies: [], traces: ['nope'], length: 100, universe: 10 }), /unknown trace/);
});
