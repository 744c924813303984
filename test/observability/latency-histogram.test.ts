/**
 * The latency histogram behind INFO latencystats against what Redis 7.0.15
 * printed for the same whole-microsecond durations (its hdr_histogram with
 * 1 ns .. 1 s and 2 significant figures), and hdr_value_at_percentile()'s
 * rank rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyHistogram, cumulativeBuckets, formatPercentiles } from '../../src/observability/latency-histogram.js';

const one = (us: number): string => {
  const h = new LatencyHistogram();
  h.recordUs(us);
  return formatPercentiles(h, [50]);
};

test('a single call prints the top of its bucket, as Redis does', () => {
  // Redis 7.0.15, INFO latencystats after one call of each duration.
  const redis: [number, string][] = [
    [0, 'p50=0.001'],
    [1, 'p50=1.003'],
    [5, 'p50=5.023'],
    [6, 'p50=6.015'],
    [8, 'p50=8.031'],
    [10, 'p50=10.047'],
    [14, 'p50=14.015'],
    [64, 'p50=64.255'],
  ];
  for (const [us, text] of redis) assert.equal(one(us), text, `${us} us`);
});

test('durations beyond one second are recorded as one second', () => {
  assert.equal(one(2_000_000), 'p50=1002438.655');
  assert.equal(one(1_000_000), 'p50=1002438.655');
});

test('percentiles take the rank floor(p/100 * n + 0.5), at least 1; p0 is the bottom of its bucket', () => {
  const h = new LatencyHistogram();
  for (let us = 1; us <= 100; us++) h.recordUs(us);
  assert.equal(h.total, 100);
  assert.equal(formatPercentiles(h, [50, 99, 99.9, 100]), 'p50=50.175,p99=99.327,p99.9=100.351,p100=100.351');
  assert.equal(formatPercentiles(h, [0, 0.4]), 'p0=1.000,p0.4=1.003');
  assert.equal(formatPercentiles(h, []), '');
});

test('a percentile above 100 reads as 100', () => {
  const h = new LatencyHistogram();
  h.recordUs(3);
  h.recordUs(300);
  assert.equal(h.valueAtPercentile(150), h.valueAtPercentile(100));
  assert.equal(formatPercentiles(h, [50, 100]), 'p50=3.007,p100=301.055');
});

test('LATENCY HISTOGRAM buckets: cumulative counts at 1024 ns doubling, labelled by the top of the bucket in us (1, 2, 4, ... 33, 66)', () => {
  const h = new LatencyHistogram();
  for (const us of [1, 1, 0, 3, 40]) h.recordUs(us);
  assert.deepEqual(cumulativeBuckets(h), [
    [1, 3],
    [4, 4],
    [66, 5],
  ]);
  const wide = new LatencyHistogram();
  for (let us = 1; us <= 64; us *= 2) wide.recordUs(us);
  // Redis's documented example shows the same labels: 1 2 4 8 16 33 66.
  assert.deepEqual(
    cumulativeBuckets(wide).map(([us]) => us),
    [1, 2, 4, 8, 16, 33, 66],
  );
  assert.equal(cumulativeBuckets(wide).at(-1)![1], wide.total);
});
