// ByteTable, the byte-keyed table behind big hashes and sets: a randomized
// model check against a Map (overwrites longer and shorter, deletes, growth,
// shrinking, compaction), binary and empty keys, forced collisions, the scan
// guarantee, accounting, and values sent by reference never overwritten.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteTable, hashBytes, setHashSeedForTests } from '../../../src/engine/types/byte-table.js';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

/** A tiny deterministic PRNG, so a failure replays. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function get(t: ByteTable, k: string): string | undefined {
  const kb = b(k);
  const i = t.find(kb, 0, kb.length);
  return i < 0 ? undefined : t.mem.latin1Slice(t.keyEnd(i), t.valueEnd(i));
}
function set(t: ByteTable, k: string, v: string): boolean {
  const kb = b(k);
  const vb = b(v);
  return t.set(kb, 0, kb.length, vb, 0, vb.length);
}
function del(t: ByteTable, k: string): boolean {
  const kb = b(k);
  return t.delete(kb, 0, kb.length);
}
function contents(t: ByteTable): Map<string, string> {
  const m = new Map<string, string>();
  for (let i = 0; i < t.size; i++) m.set(t.keyText(i), t.mem.latin1Slice(t.keyEnd(i), t.valueEnd(i)));
  return m;
}
/** A random binary string (bytes 0-255, empty included). */
function bytes(r: () => number, max: number): string {
  const n = Math.floor(r() * (max + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
  return s;
}

function modelRun(seed: number, ops: number): void {
  const r = rng(seed);
  const t = new ByteTable(true);
  const model = new Map<string, string>();
  const keys: string[] = [];
  for (let n = 0; n < ops; n++) {
    const op = r();
    const k = keys.length > 0 && r() < 0.6 ? keys[Math.floor(r() * keys.length)]! : bytes(r, 12);
    if (op < 0.55) {
      // Values from empty to a few hundred bytes: overwrites both shrink and grow.
      const v = r() < 0.1 ? bytes(r, 400) : bytes(r, 20);
      assert.equal(set(t, k, v), !model.has(k));
      if (!model.has(k)) keys.push(k);
      model.set(k, v);
    } else if (op < 0.85) {
      assert.equal(del(t, k), model.delete(k));
    } else if (t.size > 0) {
      const i = Math.floor(r() * t.size);
      model.delete(t.keyText(i));
      t.removeAt(i);
    }
    assert.equal(t.size, model.size);
    if (n % 500 === 0) assert.deepEqual(contents(t), model);
  }
  assert.deepEqual(contents(t), model);
  for (const [k, v] of model) assert.equal(get(t, k), v);
  for (const k of keys) if (!model.has(k)) assert.equal(get(t, k), undefined);
  // Drained: the memory goes back (shrunk index and entries, compacted arena).
  for (const k of [...model.keys()]) assert.equal(del(t, k), true);
  assert.equal(t.size, 0);
  assert.ok(t.memoryBytes() < new ByteTable(true).memoryBytes() + 1024, `${t.memoryBytes()}`);
}

describe('ByteTable', () => {
  test('matches a Map over thousands of random inserts, overwrites, deletes and random removals', () => {
    for (const seed of [1, 2, 3]) modelRun(seed, 6000);
  });

  test('still matches the Map when every key hashes alike', () => {
    const prev = setHashSeedForTests(0, 0, true);
    try {
      assert.equal(hashBytes(b('a'), 0, 1), hashBytes(b('b'), 0, 1));
      modelRun(7, 1500);
    } finally {
      setHashSeedForTests(prev[0], prev[1]);
    }
  });

  test('the hash depends on the seed, every byte and the length', () => {
    const prev = setHashSeedForTests(1, 2);
    try {
      const h = hashBytes(b('element:1234'), 0, 12);
      assert.notEqual(hashBytes(b('element:1235'), 0, 12), h);
      assert.notEqual(hashBytes(b('element:1234\0'), 0, 13), h);
      assert.equal(hashBytes(b('xelement:1234'), 1, 13), h);
      setHashSeedForTests(3, 4);
      assert.notEqual(hashBytes(b('element:1234'), 0, 12), h);
    } finally {
      setHashSeedForTests(prev[0], prev[1]);
    }
  });

  test('empty and binary keys and values are distinct entries', () => {
    const t = new ByteTable(true);
    assert.equal(set(t, '', ''), true);
    assert.equal(set(t, '\0', 'x'), true);
    assert.equal(set(t, '\0\0', '\xff\0'), true);
    assert.equal(set(t, '', 'now'), false);
    assert.equal(get(t, ''), 'now');
    assert.equal(get(t, '\0'), 'x');
    assert.equal(get(t, '\0\0'), '\xff\0');
    assert.equal(get(t, '\0\0\0'), undefined);
    assert.equal(t.size, 3);
  });

  test('a long key is compared by its bytes, and a huge value round-trips', () => {
    const t = new ByteTable(true);
    const k1 = 'k'.repeat(1000) + 'a';
    const k2 = 'k'.repeat(1000) + 'b';
    const huge = 'v'.repeat(3 * 1024 * 1024);
    set(t, k1, huge);
    set(t, k2, 'small');
    assert.equal(get(t, k1), huge);
    assert.equal(get(t, k2), 'small');
    assert.ok(t.memoryBytes() > huge.length);
  });

  test('100k entries grow the index, the entries and the arena and all stay found', () => {
    const t = new ByteTable(true);
    for (let i = 0; i < 100_000; i++) set(t, `element:${i}`, `v${i}`);
    assert.equal(t.size, 100_000);
    for (let i = 0; i < 100_000; i += 997) assert.equal(get(t, `element:${i}`), `v${i}`);
    // Well under what a Map of strings costs (~100+ bytes per entry).
    assert.ok(t.memoryBytes() / 100_000 < 80, `${t.memoryBytes() / 100_000} bytes per entry`);
  });

  test('memoryBytes is what the table holds: arena dead space counts until a compaction', () => {
    const t = new ByteTable(true);
    for (let i = 0; i < 100; i++) set(t, `f${i}`, 'x'.repeat(50));
    const before = t.memoryBytes();
    // Same length or shorter: in place, nothing allocated.
    for (let i = 0; i < 100; i++) set(t, `f${i}`, 'y'.repeat(40));
    assert.equal(t.memoryBytes(), before);
    // Longer values move to the end; dead space is compacted away rather than grown forever.
    for (let round = 0; round < 20; round++) for (let i = 0; i < 100; i++) set(t, `f${i}`, 'z'.repeat(60 + (round % 2)));
    assert.ok(t.memoryBytes() < before * 4, `${t.memoryBytes()} vs ${before}`);
    for (let i = 0; i < 100; i++) assert.equal(get(t, `f${i}`), 'z'.repeat(61));
  });

  test('a value big enough to be sent by reference is never overwritten in place', () => {
    const t = new ByteTable(true);
    set(t, 'big', 'a'.repeat(70_000));
    const i = t.find(b('big'), 0, 3);
    const sent = t.mem.subarray(t.keyEnd(i), t.valueEnd(i));
    set(t, 'big', 'b'.repeat(70_000));
    set(t, 'big', 'c'.repeat(10));
    assert.equal(sent.latin1Slice(0, 70_000), 'a'.repeat(70_000));
    assert.equal(get(t, 'big'), 'c'.repeat(10));
  });

  test('a set table holds keys only', () => {
    const t = new ByteTable(false);
    assert.equal(t.add(b('m'), 0, 1), true);
    assert.equal(t.add(b('m'), 0, 1), false);
    const i = t.find(b('m'), 0, 1);
    assert.equal(t.valueEnd(i), t.keyEnd(i));
    assert.equal(t.valueLength(i), 0);
  });

  test('clone is a deep copy', () => {
    const t = new ByteTable(true);
    set(t, 'a', '1');
    const c = t.clone();
    set(c, 'a', '2');
    set(c, 'b', '3');
    assert.equal(get(t, 'a'), '1');
    assert.equal(get(t, 'b'), undefined);
    assert.deepEqual(contents(c), new Map([['a', '2'], ['b', '3']]));
  });

  test('scan visits every entry once, from the top, and ends at cursor 0', () => {
    const t = new ByteTable(true);
    for (let i = 0; i < 25; i++) set(t, `f${i}`, '');
    const seen: string[] = [];
    let cursor = 0;
    do cursor = t.scan(cursor, 10, (i) => seen.push(t.keyText(i)));
    while (cursor !== 0);
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
    assert.equal(seen[0], 'f24');
  });

  test('an entry present for the whole scan is returned despite deletes, random removals and inserts', () => {
    const r = rng(11);
    const t = new ByteTable(false);
    for (let i = 0; i < 2000; i++) t.add(b(`f${i}`), 0, `f${i}`.length);
    const seen = new Set<string>();
    const removed = new Set<string>();
    let cursor = 0;
    let step = 0;
    do {
      cursor = t.scan(cursor, 7, (i) => seen.add(t.keyText(i)));
      for (let k = 0; k < 3; k++) {
        const victim = `f${Math.floor(r() * 2000)}`;
        if (t.delete(b(victim), 0, victim.length)) removed.add(victim);
      }
      if (t.size > 0) {
        const i = Math.floor(r() * t.size);
        removed.add(t.keyText(i));
        t.removeAt(i);
      }
      const added = `new${step++}`;
      t.add(b(added), 0, added.length);
    } while (cursor !== 0);
    assert.ok(removed.size > 500);
    for (let i = 0; i < 2000; i++) if (!removed.has(`f${i}`)) assert.ok(seen.has(`f${i}`), `f${i}`);
  });
});
