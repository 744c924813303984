/** The latency monitor's time series, as Redis 7.0's latencyAddSample(). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyMonitor, SERIES_LEN } from '../../src/observability/latency-monitor.js';

test('below the threshold, or with it at 0, nothing is sampled', () => {
  const m = new LatencyMonitor();
  m.sample('command', 500);
  assert.equal(m.events.size, 0);
  m.threshold = 100;
  m.sample('command', 99);
  assert.equal(m.events.size, 0);
  m.sample('command', 100);
  assert.equal(m.events.get('command')!.max, 100);
});

test('one sample a second: a later one in the same second only raises it; the max is all-time', () => {
  const m = new LatencyMonitor();
  m.add('e', 10, 1000);
  m.add('e', 30, 1000);
  m.add('e', 20, 1000);
  const ts = m.events.get('e')!;
  assert.equal(ts.idx, 1);
  assert.equal(ts.latencies[0], 30);
  m.add('e', 5, 1001);
  assert.equal(ts.idx, 2);
  assert.equal(ts.latencies[ts.last], 5);
  assert.equal(ts.times[ts.last], 1001);
  assert.equal(ts.max, 30);
});

test('the series keeps the last 160 seconds, wrapping', () => {
  const m = new LatencyMonitor();
  for (let s = 1; s <= SERIES_LEN + 5; s++) m.add('e', s, s);
  const ts = m.events.get('e')!;
  assert.equal(ts.idx, 5);
  assert.equal(ts.times[ts.last], SERIES_LEN + 5);
  // The oldest kept sample is second 6.
  assert.equal(ts.times[ts.idx], 6);
});

test('reset by name counts the events that existed; without names it drops them all', () => {
  const m = new LatencyMonitor();
  m.add('a', 1, 1);
  m.add('b', 1, 1);
  assert.equal(m.reset(['a', 'nosuch']), 1);
  assert.deepEqual([...m.events.keys()], ['b']);
  assert.equal(m.reset(null), 1);
  assert.equal(m.events.size, 0);
});
