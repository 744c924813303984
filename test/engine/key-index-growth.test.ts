// Incremental growth of the key table: no insert pays for a whole rehash,
// and every key stays findable (and SCAN complete) while two tables exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyIndex, hashBytes, type KeyStore } from '../../src/engine/index/key-index.js';
import { FakeClock } from '../../src/engine/clock.js';
import { Engine } from '../../src/engine/engine.js';
import { NO_KEY } from '../../src/engine/status.js';
import { putString } from '../../src/engine/types/string.js';

/** Items as a map of ref → key bytes, counting the hashes the table asks for. */
class FakeStore implements KeyStore {
  readonly keys = new Map<number, Buffer>();
  hashes = 0;
  refKeyEquals(ref: number, buf: Uint8Array, start: number, end: number): boolean {
    const k = this.keys.get(ref)!;
    return Buffer.compare(k, buf.subarray(start, end)) === 0;
  }
  refKeyHash(ref: number): number {
    this.hashes++;
    const k = this.keys.get(ref)!;
    return hashBytes(k, 0, k.length);
  }
}

test('the key table grows past a million keys without any insert rehashing the whole table', () => {
  const store = new FakeStore();
  const t = new KeyIndex(store);
  let nextRef = 1;
  const live = new Map<string, number>();
  let maxHashesPerInsert = 0;
  let sawGrowth = 0;
  let r = 12345;
  const rand = (n: number): number => {
    r = (Math.imul(r, 1103515245) + 12345) >>> 0;
    return r % n;
  };
  for (let i = 0; i < 1_100_000; i++) {
    const key = Buffer.from(`key:${i}`);
    const ref = nextRef++;
    store.keys.set(ref, key);
    const before = store.hashes;
    t.insert(ref, hashBytes(key, 0, key.length), false);
    maxHashesPerInsert = Math.max(maxHashesPerInsert, store.hashes - before);
    live.set(key.toString(), ref);
    if (t.growing) sawGrowth++;
    // Now and then: a delete, an item that moves, a TTL bit, while two tables may exist.
    if (i % 7 === 0 && live.size > 10) {
      const victim = `key:${rand(i)}`;
      const vref = live.get(victim);
      if (vref !== undefined) {
        const kb = Buffer.from(victim);
        const pos = t.find(kb, 0, kb.length, hashBytes(kb, 0, kb.length));
        assert.ok(pos >= 0);
        if (i % 2 === 0) {
          t.removeAt(pos);
          live.delete(victim);
          store.keys.delete(vref);
        } else {
          const moved = nextRef++;
          store.keys.set(moved, kb);
          t.setRef(pos, moved);
          t.setTtlBit(pos, i % 3 === 0);
          store.keys.delete(vref);
          live.set(victim, moved);
        }
      }
    }
  }
  assert.ok(sawGrowth > 1000, 'growth ran across many inserts');
  assert.ok(maxHashesPerInsert < 5000, `an insert rehashed ${maxHashesPerInsert} keys`);
  assert.equal(t.size, live.size);
  while (t.migrate(1 << 20));
  for (const [k, ref] of live) {
    const kb = Buffer.from(k);
    const pos = t.find(kb, 0, kb.length, hashBytes(kb, 0, kb.length));
    assert.ok(pos >= 0, `${k} is findable`);
    assert.equal(t.refs[pos], ref);
  }
});

test('SCAN returns every key present for the whole scan while the table grows under it', () => {
  const engine = new Engine({ databases: 1, clock: new FakeClock(1_700_000_000_000) });
  const db = engine.dbs[0]!;
  const v = Buffer.from('v');
  for (let i = 0; i < 52_000; i++) putString(db, `base:${i}`, v, 0, 1);
  const seen = new Set<string>();
  let cursor = 0;
  let added = 0;
  let grew = false;
  do {
    cursor = db.scan(cursor, 100, (pos) => seen.add(db.keyName(pos)));
    for (let j = 0; j < 40; j++) putString(db, `extra:${added++}`, v, 0, 1);
    if (db.table.growing) grew = true;
  } while (cursor !== 0);
  assert.ok(grew, 'the table grew during the scan');
  for (let i = 0; i < 52_000; i++) assert.ok(seen.has(`base:${i}`), `base:${i} returned`);
  for (let i = 0; i < added; i++) assert.notEqual(db.peek(`extra:${i}`), NO_KEY);
});
