import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASS_SIZES, MAX_CHUNK, PAGE_SIZE, SlabArena, classFor } from '../../../src/engine/arena/slab.js';
import { HEADER } from '../../../src/engine/arena/item.js';

test('size classes grow by about 1.25x from 32 bytes to 16 KiB, 8-byte aligned', () => {
  assert.equal(CLASS_SIZES[0], 32);
  assert.equal(CLASS_SIZES[CLASS_SIZES.length - 1], MAX_CHUNK);
  for (let i = 1; i < CLASS_SIZES.length; i++) {
    const prev = CLASS_SIZES[i - 1]!;
    const cur = CLASS_SIZES[i]!;
    assert.equal(cur % 8, 0);
    assert.ok(cur > prev && cur <= Math.ceil(prev * 1.25 / 8) * 8 + 8, `${prev} -> ${cur}`);
  }
  // Pinned so a change in memory per key is a deliberate diff.
  assert.equal(CLASS_SIZES.length, 28);
  assert.equal(HEADER, 8);
  assert.equal(CLASS_SIZES[classFor(HEADER + 16 + 128)], 152);
});

test('classFor picks the smallest class that fits', () => {
  for (let size = 1; size <= MAX_CHUNK; size += 7) {
    const c = classFor(size);
    assert.ok(CLASS_SIZES[c]! >= size);
    if (c > 0) assert.ok(CLASS_SIZES[c - 1]! < size);
  }
});

test('chunks of one class do not overlap and stay inside their page', () => {
  const a = new SlabArena();
  const refs = new Set<number>();
  const chunk = CLASS_SIZES[classFor(150)]!;
  const n = Math.floor(PAGE_SIZE / chunk) + 10;
  for (let i = 0; i < n; i++) {
    const r = a.alloc(150);
    assert.ok(!refs.has(r));
    refs.add(r);
    assert.ok(a.offset(r) + a.capacity(r) <= PAGE_SIZE);
  }
  assert.equal(a.pages.length, 2);
  assert.equal(a.usedBytes, n * chunk);
});

test('a released chunk is reused before new memory is carved', () => {
  const a = new SlabArena();
  const r1 = a.alloc(100);
  a.alloc(100);
  a.release(r1);
  assert.equal(a.alloc(100), r1);
  const before = a.reservedBytes;
  a.release(a.alloc(5000));
  assert.ok(a.reservedBytes > before);
});

test('writing a chunk does not touch its neighbours', () => {
  const a = new SlabArena();
  const r1 = a.alloc(64);
  const r2 = a.alloc(64);
  a.page(r1).fill(1, a.offset(r1), a.offset(r1) + a.capacity(r1));
  a.page(r2).fill(2, a.offset(r2), a.offset(r2) + a.capacity(r2));
  assert.equal(a.page(r1)[a.offset(r1) + a.capacity(r1) - 1], 1);
  assert.equal(a.page(r2)[a.offset(r2)], 2);
});
