/** LATENCY GRAPH's drawing against redis-server 7.0.15's own output for the same samples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSparkline } from '../../src/observability/sparkline.js';

test('four samples draw as Redis drew them (50, 30, 12, 70 ms, labels 4s..1s)', () => {
  const samples = [50, 30, 12, 70].map((value, i) => ({ value, label: `${4 - i}s` }));
  assert.equal(renderSparkline(samples, 80, 4), '   #\no  |\n|_ |\n||_|\n    \n4321\nssss\n');
});

test('two samples: the taller is a full column of |, then # ', () => {
  // Redis 7.0.15, 50 ms then 20 ms: "# ", "| ", "| ", "|_", "  ", "10", "ss".
  const samples = [
    { value: 50, label: '1s' },
    { value: 20, label: '0s' },
  ];
  assert.equal(renderSparkline(samples, 80, 4), '# \n| \n| \n|_\n  \n10\nss\n');
});

test('equal samples sit at the bottom; no labels means no label rows', () => {
  assert.equal(renderSparkline([{ value: 5, label: '' }, { value: 5, label: '' }], 80, 4), '  \n  \n  \n__\n');
});

test('more samples than columns are drawn in blocks, a newline between them', () => {
  const samples = Array.from({ length: 5 }, (_, i) => ({ value: i, label: '' }));
  const out = renderSparkline(samples, 3, 1);
  // Steps over the whole sequence's min 0 and max 4: 0 0 1 2 2 (C's integer truncations), drawn 3 then 2.
  assert.equal(out, '__o\n\n##\n');
});
