/**
 * Where quicklist nodes come from: slots of shared slabs, given back when a
 * list drops a node or, for a list dropped whole, when the list is
 * collected; a slab whose slots are all free is let go unless it is the
 * only one open.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { SLAB_SLOTS, release, slabFigures, takeNode } from '../../../src/engine/types/list-chunk.js';
import { CHUNK, QuickList } from '../../../src/engine/types/list-quicklist.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('slots are reused, and emptied slabs go except the last one open', () => {
  const base = slabFigures();
  const nodes = Array.from({ length: 3 * SLAB_SLOTS }, () => takeNode(false));
  // Every slot is distinct memory.
  const slots = new Map<ArrayBufferLike, Set<number>>();
  for (const n of nodes) {
    const set = slots.get(n.buf.buffer) ?? new Set<number>();
    set.add(n.buf.byteOffset);
    slots.set(n.buf.buffer, set);
  }
  assert.equal([...slots.values()].reduce((sum, set) => sum + set.size, 0), nodes.length);
  assert.ok(slots.size >= 3);
  nodes[0]!.buf[0] = 7;
  release(nodes[0]!);
  assert.equal(takeNode(false), nodes[0], 'the slot given back is the next one taken');
  for (const n of nodes) release(n);
  const after = slabFigures();
  assert.equal(after.open, 1);
  assert.equal(after.freeSlots, SLAB_SLOTS);
  assert.ok(base.open <= 1);
});

test('a node taken from a slab has its chunk and boundaries in that slab, oriented as asked', () => {
  const head = takeNode(true);
  const tail = takeNode(false);
  assert.equal(head.buf.length, CHUNK);
  assert.equal(head.buf.buffer, head.b!.buffer);
  assert.equal(head.b![head.first], CHUNK);
  assert.equal(tail.b![tail.first], 0);
  release(head);
  release(tail);
});

test('a list dropped whole gives its slots back once collected', async () => {
  let list: QuickList | null = new QuickList();
  const el = Buffer.alloc(1000, 0x61);
  for (let i = 0; i < 8 * 3 * SLAB_SLOTS; i++) list.pushTail(el, 0, el.length);
  const held = list.nodeCount;
  assert.ok(held >= 2 * SLAB_SLOTS, String(held));
  const before = slabFigures();
  list = null;
  for (let i = 0; i < 50 && slabFigures().freeSlots === before.freeSlots && slabFigures().open <= before.open; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
  const after = slabFigures();
  // All its slabs emptied: one stays open, the others were let go.
  assert.equal(after.open, 1);
  assert.equal(after.freeSlots, SLAB_SLOTS);
});

test('a cloned list owns its own slots', () => {
  const a = new QuickList();
  const el = Buffer.alloc(2000, 0x62);
  for (let i = 0; i < 20; i++) a.pushTail(el, 0, el.length);
  const b = a.clone();
  a.pushHead(Buffer.from('x'), 0, 1);
  assert.equal(b.length, 20);
  assert.deepEqual(b.toArray(), Array.from({ length: 20 }, () => el));
  assert.notEqual(a.toArray()[0]!.length, b.toArray()[0]!.length);
});
