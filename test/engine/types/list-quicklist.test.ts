// The chunked QuickList against a plain array model: random pushes, pops,
// indexes, sets, inserts, removals and trims with elements from empty to far
// past a chunk, checking every element after each batch; plus the memory
// bound after churn and the rule that big buffers are never rewritten.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BIG_ELEMENT, CHUNK, NODE_MAX, QuickList, STD_NODE_BYTES } from '../../../src/engine/types/list-quicklist.js';
import { mulberry32 } from '../../../bench/hitratio/traces.js';

/** A seeded PRNG, so a failure is reproducible. */
const rng = mulberry32;

const SIZES = [0, 1, 2, 7, 16, 100, BIG_ELEMENT - 1, BIG_ELEMENT, BIG_ELEMENT + 1, CHUNK - 1, CHUNK, CHUNK + 1, 70_000];

function makeValue(r: () => number, serial: number): Buffer {
  const size = r() < 0.85 ? [0, 1, 2, 7, 16, 100][Math.floor(r() * 6)]! : SIZES[Math.floor(r() * SIZES.length)]!;
  const v = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) v[i] = (serial * 31 + i * 7) & 0xff;
  // Binary bytes, and a serial at the front so equal-size values differ.
  if (size >= 4) v.writeUInt32LE(serial, 0);
  return v;
}

function text(ql: QuickList, i: number): Buffer {
  ql.at(i);
  return Buffer.from(ql.vbuf.subarray(ql.vs, ql.ve));
}

function check(ql: QuickList, model: Buffer[], label: string): void {
  assert.equal(ql.length, model.length, `${label}: length`);
  const got = ql.toArray();
  for (let i = 0; i < model.length; i++) assert.ok(got[i]!.equals(model[i]!), `${label}: element ${i} of ${model.length}`);
  assert.equal(ql.dataBytes, model.reduce((a, v) => a + v.length, 0), `${label}: dataBytes`);
  // Walking backwards from the tail visits the same elements.
  if (model.length > 0) {
    ql.at(model.length - 1);
    let i = model.length - 1;
    do assert.ok(ql.vbuf.subarray(ql.vs, ql.ve).equals(model[i--]!), `${label}: backwards at ${i + 1}`);
    while (ql.prev());
    assert.equal(i, -1);
  }
}

describe('QuickList as byte chunks', () => {
  test('random operations at both ends and in the middle match an array model', () => {
    for (const seed of [1, 2, 3]) {
      const r = rng(seed);
      const ql = new QuickList();
      let model: Buffer[] = [];
      let serial = 0;
      for (let batch = 0; batch < 60; batch++) {
        for (let op = 0; op < 60; op++) {
          const x = r();
          const n = model.length;
          if (x < 0.25) {
            const v = makeValue(r, serial++);
            ql.pushHead(v, 0, v.length);
            model.unshift(v);
          } else if (x < 0.5) {
            const v = makeValue(r, serial++);
            ql.pushTail(v, 0, v.length);
            model.push(v);
          } else if (x < 0.6 && n > 0) {
            ql.popHead();
            assert.ok(ql.vbuf.subarray(ql.vs, ql.ve).equals(model.shift()!), 'popped head');
          } else if (x < 0.7 && n > 0) {
            ql.popTail();
            assert.ok(ql.vbuf.subarray(ql.vs, ql.ve).equals(model.pop()!), 'popped tail');
          } else if (x < 0.76 && n > 0) {
            const i = Math.floor(r() * n);
            assert.ok(text(ql, i).equals(model[i]!), `LINDEX ${i}`);
          } else if (x < 0.82 && n > 0) {
            const i = Math.floor(r() * n);
            const v = makeValue(r, serial++);
            ql.setAt(i, v, 0, v.length);
            model[i] = v;
          } else if (x < 0.9) {
            const i = Math.floor(r() * (n + 1));
            const v = makeValue(r, serial++);
            ql.insertAt(i, v, 0, v.length);
            model.splice(i, 0, v);
          } else if (x < 0.95 && n > 0) {
            const drop: number[] = [];
            for (let i = 0; i < n; i++) if (r() < 0.1) drop.push(i);
            ql.removeIndexes(Int32Array.from(drop), drop.length);
            const gone = new Set(drop);
            model = model.filter((_, i) => !gone.has(i));
          } else if (n > 0) {
            const left = Math.floor(r() * Math.min(n, 20));
            const right = Math.floor(r() * Math.min(n - left, 20));
            ql.dropHead(left);
            ql.dropTail(right);
            model = model.slice(left, n - right);
          }
          if (ql.length === 0) assert.equal(ql.nodeCount, 0, 'an empty list holds no node');
        }
        check(ql, model, `seed ${seed} batch ${batch}`);
        // LRANGE-style reads from a random start.
        if (model.length > 0) {
          const from = Math.floor(r() * model.length);
          ql.at(from);
          for (let i = from; i < Math.min(model.length, from + 100); i++) {
            assert.ok(ql.vbuf.subarray(ql.vs, ql.ve).equals(model[i]!), `range at ${i}`);
            if (i + 1 < model.length) assert.ok(ql.next());
          }
        }
        const c = ql.clone();
        check(c, model, `clone at batch ${batch}`);
      }
    }
  });

  test('pushes fill chunks: 16-byte elements take about 18 bytes each', () => {
    const ql = new QuickList();
    const v = Buffer.alloc(16, 7);
    for (let i = 0; i < 100_000; i++) ql.pushTail(v, 0, 16);
    assert.equal(ql.nodeCount, Math.ceil(100_000 / NODE_MAX));
    const perElement = ql.memoryBytes() / 100_000;
    assert.ok(perElement > 16 && perElement < 20, `${perElement} bytes per element`);
  });

  test('memory stays bounded after churn in the middle', () => {
    const r = rng(9);
    const ql = new QuickList();
    const v = Buffer.alloc(40, 1);
    for (let i = 0; i < 20_000; i++) ql.pushTail(v, 0, v.length);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 300; i++) ql.insertAt(Math.floor(r() * (ql.length + 1)), v, 0, v.length);
      const drop: number[] = [];
      for (let i = 0; i < ql.length; i++) if (r() < 0.3) drop.push(i);
      ql.removeIndexes(Int32Array.from(drop), drop.length);
    }
    // Neighbours that fit in one chunk are merged: at most about twice the chunks the bytes need.
    const minNodes = Math.ceil(ql.length / Math.min(NODE_MAX, Math.floor(CHUNK / 40)));
    assert.ok(ql.nodeCount <= 2 * minNodes + 2, `${ql.nodeCount} nodes for ${ql.length} elements (${minNodes} needed)`);
    assert.ok(ql.memoryBytes() <= (2 * minNodes + 2) * STD_NODE_BYTES + 4096);
    // Draining gives everything back.
    ql.dropHead(ql.length);
    assert.equal(ql.nodeCount, 0);
    assert.equal(ql.dataBytes, 0);
  });

  test('memoryBytes follows the nodes held as a list grows and drains', () => {
    const ql = new QuickList();
    const base = ql.memoryBytes();
    const big = Buffer.alloc(100_000, 3);
    ql.pushTail(big, 0, big.length);
    assert.ok(ql.memoryBytes() - base >= 100_000);
    const small = Buffer.alloc(10, 4);
    for (let i = 0; i < 5000; i++) ql.pushHead(small, 0, small.length);
    const grown = ql.memoryBytes() - base;
    assert.ok(grown >= 150_000 && grown < 200_000, `grew by ${grown}`);
    ql.dropTail(1);
    ql.dropHead(5000);
    assert.ok(ql.memoryBytes() - base <= 128, "only the node ring's slots remain");
  });

  test('a popped big element keeps its bytes while the list is written again', () => {
    const ql = new QuickList();
    const big = Buffer.alloc(100_000, 0xab);
    ql.pushTail(big, 0, big.length);
    ql.popTail();
    const held = ql.vbuf;
    assert.equal(held.length, 100_000);
    for (let i = 0; i < 3; i++) {
      const other = Buffer.alloc(100_000, i);
      ql.pushTail(other, 0, other.length);
      ql.setAt(0, other, 0, 5000);
      ql.popHead();
    }
    assert.ok(held.equals(big), 'a reply sending it by reference still sees the popped bytes');
  });

  test('empty and one-byte elements, thousands per list, at both ends', () => {
    const ql = new QuickList();
    const one = Buffer.from([0]);
    for (let i = 0; i < 3000; i++) {
      if (i % 3 === 0) ql.pushHead(one, 0, 0);
      else ql.pushTail(one, 0, 1);
    }
    assert.equal(ql.length, 3000);
    assert.equal(ql.dataBytes, 2000);
    assert.equal(ql.blobBytes, 5000);
    ql.at(0);
    assert.equal(ql.ve - ql.vs, 0);
    ql.at(2999);
    assert.equal(ql.ve - ql.vs, 1);
  });
});
