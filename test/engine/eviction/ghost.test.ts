// The adaptive policy's ghost filter, alone and as eviction uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GhostFilter } from '../../../src/engine/eviction/ghost.js';
import { ADAPTIVE_MAIN } from '../../../src/engine/eviction/access.js';
import { Engine, EvictResult } from '../../../src/engine/engine.js';
import { FakeClock } from '../../../src/engine/clock.js';
import { putString } from '../../../src/engine/types/string.js';
import { hashBytes } from '../../../src/engine/index/key-index.js';

const h = (s: string): number => hashBytes(Buffer.from(s), 0, s.length);

test('a remembered hash is recalled once; others are not', () => {
  const g = new GhostFilter();
  for (let i = 0; i < 500; i++) g.remember(h(`k${i}`), 500);
  let recalled = 0;
  for (let i = 0; i < 500; i++) if (g.recall(h(`k${i}`))) recalled++;
  // Direct-mapped: a later print can take an earlier one's slot.
  assert.ok(recalled > 350, `recalled ${recalled}/500`);
  for (let i = 0; i < 500; i++) assert.equal(g.recall(h(`k${i}`)), false, 'consumed');
  let strangers = 0;
  for (let i = 0; i < 100_000; i++) if (g.recall(h(`other${i}`))) strangers++;
  assert.equal(strangers, 0);
});

test('the table grows with the cache and clear() forgets', () => {
  const g = new GhostFilter();
  const small = g.bytes;
  g.remember(h('a'), 100_000);
  assert.ok(g.bytes >= 2 * 100_000 && g.bytes > small);
  assert.equal(g.recall(h('a')), true);
  g.remember(h('b'), 10);
  g.clear();
  assert.equal(g.recall(h('b')), false);
});

test('allkeys-adaptive: a key evicted before it was read comes back into the main part', () => {
  const clock = new FakeClock(1_700_000_000_000);
  const engine = new Engine({ databases: 1, clock, maxMemory: 0, policy: 'allkeys-adaptive', samples: 64 });
  const db = engine.dbs[0]!;
  const v = Buffer.alloc(100, 1);
  for (let i = 0; i < 20; i++) putString(db, `k${i}`, v, 0, v.length);
  const evicted: string[] = [];
  engine.onEvict = (d, pos) => evicted.push(d.keyName(pos));
  engine.maxMemory = engine.usedMemory() - 3 * 100;
  assert.equal(engine.evict(), EvictResult.OK);
  assert.ok(evicted.length > 0);
  engine.maxMemory = 0;
  const back = evicted[0]!;
  putString(db, back, v, 0, v.length);
  assert.notEqual(db.accessTime(db.lookupRead(back, false)) & ADAPTIVE_MAIN, 0, 'returning ghost is in main');
  putString(db, 'fresh', v, 0, v.length);
  assert.equal(db.accessTime(db.lookupRead('fresh', false)) & ADAPTIVE_MAIN, 0, 'a new key starts unread');
  // Under another policy there is no ghost.
  engine.setPolicy('allkeys-lru');
  assert.equal(engine.stats.ghost, null);
});
