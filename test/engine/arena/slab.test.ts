import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASS_SIZES, MAX_CHUNK, PAGE_SIZE, SlabArena, classFor } from '../../../src/engine/arena/slab.js';
import { HEADER, itemSize } from '../../../src/engine/arena/item.js';

test('size classes are exact to the byte up to 256 bytes, then grow to 16 KiB', () => {
  assert.equal(CLASS_SIZES[0], 16);
  assert.equal(CLASS_SIZES[CLASS_SIZES.length - 1], MAX_CHUNK);
  for (let i = 1; i < CLASS_SIZES.length; i++) {
    const prev = CLASS_SIZES[i - 1]!;
    const cur = CLASS_SIZES[i]!;
    assert.ok(cur > prev, `${prev} -> ${cur}`);
    if (cur <= 256) assert.equal(cur - prev, 1);
    else assert.ok(cur <= Math.ceil((prev * 1.0625) / 8) * 8 + 8, `${prev} -> ${cur}`);
  }
  // Pinned so a change in memory per key is a deliberate diff: a 16-byte key
  // and a 128-byte value make a 151-byte item in a 151-byte chunk.
  assert.equal(HEADER, 7);
  assert.equal(itemSize(16, 128, false), 151);
  assert.equal(itemSize(16, 128, true), 159);
  assert.equal(CLASS_SIZES[classFor(itemSize(16, 128, false))], 151);
});

test('classFor picks the smallest class that fits', () => {
  for (let size = 1; size <= MAX_CHUNK; size += 3) {
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

test('chunks of mixed classes never overlap, and freed chunks are found again', () => {
  const a = new SlabArena();
  const live = new Map<number, number>();
  let seed = 7;
  const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  for (let step = 0; step < 20_000; step++) {
    if (live.size > 0 && rand(3) === 0) {
      const refs = [...live.keys()];
      const r = refs[rand(refs.length)]!;
      a.release(r);
      live.delete(r);
      assert.equal(a.isAllocated(r), false);
    } else {
      const size = 16 + rand(rand(10) === 0 ? 8000 : 300);
      const r = a.alloc(size);
      assert.ok(!live.has(r), 'a chunk handed out twice');
      assert.ok(a.capacity(r) >= size);
      live.set(r, size);
    }
  }
  // No two live chunks share a byte.
  const pageIds = new Map<Uint8Array, number>();
  const pageOf = (r: number): number => {
    const p = a.page(r);
    if (!pageIds.has(p)) pageIds.set(p, pageIds.size);
    return pageIds.get(p)!;
  };
  const spans = [...live.keys()].map((r) => [pageOf(r), a.offset(r), a.offset(r) + a.capacity(r)] as const);
  spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] === spans[i - 1]![0]) assert.ok(spans[i]![1] >= spans[i - 1]![2], 'overlapping chunks');
  }
  let used = 0;
  for (const r of live.keys()) used += a.capacity(r);
  assert.equal(a.usedBytes, used);
});

test('pages emptied by churn go back, so mixed-size churn leaves bounded fragmentation', () => {
  const a = new SlabArena();
  let seed = 11;
  const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  // Phase 1: fill with small items; phase 2: free them all and fill with big
  // ones of other classes. Without returning pages the arena would hold both.
  const small: number[] = [];
  for (let i = 0; i < 50_000; i++) small.push(a.alloc(40 + rand(60)));
  const phase1 = a.reservedBytes;
  for (const r of small) a.release(r);
  const big: number[] = [];
  for (let i = 0; i < 2_000; i++) big.push(a.alloc(2000 + rand(2000)));
  assert.ok(a.reservedBytes <= Math.max(phase1, a.usedBytes) + 64 * PAGE_SIZE, `reserved ${a.reservedBytes} after churn, used ${a.usedBytes}`);
  // Random churn at a steady live size keeps reserved memory within a bound of used.
  const live = big;
  for (let i = 0; i < 100_000; i++) {
    const j = rand(live.length);
    a.release(live[j]!);
    live[j] = a.alloc(16 + rand(rand(4) === 0 ? 4000 : 200));
  }
  assert.ok(a.residentBytes < a.usedBytes * 3 + 64 * PAGE_SIZE, `resident ${a.residentBytes}, used ${a.usedBytes}`);
});

test('an emptied page is handed back and a later allocation can reuse it for another class', () => {
  const a = new SlabArena();
  const per = Math.floor(PAGE_SIZE / 1000);
  assert.equal(PAGE_SIZE, 256 * 1024);
  const refs: number[] = [];
  for (let i = 0; i < per * 3; i++) refs.push(a.alloc(1000));
  assert.equal(a.pageCount, 3);
  for (const r of refs.slice(0, per)) a.release(r);
  assert.equal(a.pageCount, 2, 'the first page is empty and not current');
  a.alloc(50);
  assert.equal(a.pageCount, 3);
});
