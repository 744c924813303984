// Unit tests of the list encodings: the blob and QuickList representations,
// the conversions between them, and each operation on both.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Database } from '../../../src/engine/keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../../../src/engine/status.js';
import {
  CopySink, LIST_HEAD, LIST_TAIL, OneElement, QuickList, blobByteLimit, blobCountLimit, listInsert, listLength, listPop,
  listPositions, listPush, listRange, listRemove, listRotate, listSet, listTrim, type ElementSink, type ListEnd,
} from '../../../src/engine/types/list.js';

const FILL = -2;
const KEY = Buffer.from('k');

function setup(): Database {
  return new Engine({ databases: 1, clock: new FakeClock(1_700_000_000_000) }).dbs[0]!;
}

class Collect implements ElementSink {
  out: string[] = [];
  element(buf: Uint8Array, s: number, e: number): void {
    this.out.push(Buffer.from(buf.subarray(s, e)).toString('latin1'));
  }
}

const one = new OneElement();
function pos(db: Database): number {
  return db.findAt(KEY, 0, 1);
}
function push(db: Database, where: ListEnd, values: string[], fill = FILL): number {
  let n = 0;
  for (const v of values) {
    const b = Buffer.from(v, 'latin1');
    n = listPush(db, pos(db), KEY, 0, 1, where, one.set(b, 0, b.length), 0, 1, fill);
  }
  return n;
}
function all(db: Database): string[] {
  const p = pos(db);
  if (p === NO_KEY) return [];
  const c = new Collect();
  listRange(db, p, 0, listLength(db, p), c);
  return c.out;
}
function enc(db: Database): Encoding {
  return db.encoding(pos(db));
}
function pop(db: Database, where: ListEnd, count: number, fill = FILL): string[] {
  const c = new Collect();
  listPop(db, pos(db), where, count, c, fill);
  return c.out;
}
const b = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Runs a test on a small list (blob) and on a big one (QuickList, forced by fill 1). */
function both(name: string, fn: (db: Database, fill: number) => void): void {
  test(`${name} (blob)`, () => fn(setup(), -2));
  test(`${name} (QuickList)`, () => {
    const db = setup();
    fn(db, 1);
  });
}

describe('list representations', () => {
  test('a small list is a listpack blob stored in its item, a list past the byte limit a QuickList', () => {
    const db = setup();
    push(db, LIST_TAIL, ['a', 'b', '']);
    assert.equal(db.type(pos(db)), KeyType.LIST);
    assert.equal(enc(db), Encoding.LISTPACK);
    push(db, LIST_TAIL, ['x'.repeat(9000)]);
    assert.equal(enc(db), Encoding.QUICKLIST);
    assert.ok(db.value(pos(db)) instanceof QuickList);
    assert.deepEqual(all(db), ['a', 'b', '', 'x'.repeat(9000)]);
  });

  test('a QuickList shrinks back to a blob once under half the limits, not before', () => {
    const db = setup();
    const values = Array.from({ length: 2000 }, (_, i) => `v${i}`);
    push(db, LIST_TAIL, values);
    assert.equal(enc(db), Encoding.QUICKLIST);
    // About 6 bytes each: a 4 KiB blob is ~680 elements.
    while (listLength(db, pos(db)) > 800) pop(db, LIST_HEAD, 1);
    assert.equal(enc(db), Encoding.QUICKLIST);
    pop(db, LIST_HEAD, 200);
    assert.equal(enc(db), Encoding.LISTPACK);
    assert.deepEqual(all(db), values.slice(1400));
  });

  test('a count-limited fill converts by element count', () => {
    const db = setup();
    push(db, LIST_TAIL, ['1', '2', '3', '4'], 4);
    assert.equal(enc(db), Encoding.LISTPACK);
    push(db, LIST_TAIL, ['5'], 4);
    assert.equal(enc(db), Encoding.QUICKLIST);
    pop(db, LIST_TAIL, 3, 4);
    assert.equal(enc(db), Encoding.LISTPACK);
    assert.deepEqual(all(db), ['1', '2']);
  });

  test('limits follow list-max-listpack-size as Redis 7.0 reads it', () => {
    assert.equal(blobByteLimit(-1), 4096);
    assert.equal(blobByteLimit(-2), 8192);
    assert.equal(blobByteLimit(-5), 65536);
    assert.equal(blobByteLimit(-9), 65536);
    assert.equal(blobByteLimit(100), 8192);
    assert.equal(blobCountLimit(-2), 65535);
    assert.equal(blobCountLimit(100), 100);
    assert.equal(blobCountLimit(0), 1);
  });

  test('a QuickList keeps a running memory estimate and clones deeply', () => {
    const ql = new QuickList();
    const before = ql.memoryBytes();
    ql.pushTail(b('abc'), 0, 3);
    ql.pushHead(b('z'), 0, 1);
    assert.ok(ql.memoryBytes() > before);
    const c = ql.clone();
    ql.popHead();
    ql.setAt(0, b('changed'), 0, 7);
    assert.deepEqual(c.toArray().map((x) => x.toString()), ['z', 'abc']);
    assert.equal(ql.dataBytes, 7);
    ql.popTail();
    assert.equal(ql.dataBytes, 0);
    assert.equal(ql.memoryBytes(), before);
  });

  test('a QuickList grows and shrinks at both ends and edits its middle', () => {
    const ql = new QuickList();
    for (let i = 0; i < 1000; i++) {
      const v = b(String(i));
      if (i % 2) ql.pushHead(v, 0, v.length);
      else ql.pushTail(v, 0, v.length);
    }
    const text = (i: number): string => {
      ql.at(i);
      return ql.vbuf.toString('latin1', ql.vs, ql.ve);
    };
    assert.equal(ql.length, 1000);
    assert.equal(text(0), '999');
    assert.equal(text(999), '998');
    for (let i = 0; i < 990; i++) ql.popHead();
    ql.compact();
    assert.equal(ql.length, 10);
    assert.equal(text(9), '998');
    ql.insertAt(5, b('mid'), 0, 3);
    ql.insertAt(2, b('early'), 0, 5);
    assert.equal(text(2), 'early');
    assert.equal(text(6), 'mid');
    ql.removeIndexes(Int32Array.from([0, 2, 6]), 3);
    assert.equal(ql.length, 9);
    assert.ok(!ql.toArray().some((x) => x.toString() === 'mid' || x.toString() === 'early'));
  });
});

describe('list operations on both representations', () => {
  both('LPUSH leaves the last pushed first, RPUSH appends', (db, fill) => {
    push(db, LIST_HEAD, ['a', 'b'], fill);
    push(db, LIST_TAIL, ['c', 'd'], fill);
    assert.deepEqual(all(db), ['b', 'a', 'c', 'd']);
  });

  both('pops from both ends and deletes the emptied key', (db, fill) => {
    push(db, LIST_TAIL, ['a', 'b', 'c', 'd', 'e'], fill);
    assert.deepEqual(pop(db, LIST_HEAD, 2, fill), ['a', 'b']);
    assert.deepEqual(pop(db, LIST_TAIL, 2, fill), ['e', 'd']);
    assert.deepEqual(pop(db, LIST_TAIL, 10, fill), ['c']);
    assert.equal(pos(db), NO_KEY);
  });

  both('set, insert, remove and trim keep the order', (db, fill) => {
    push(db, LIST_TAIL, ['a', 'b', 'a', 'c', 'a'], fill);
    listSet(db, pos(db), 1, b('B'), 0, 1, fill);
    assert.equal(listInsert(db, pos(db), true, b('c'), 0, 1, b('after-c'), 0, 7, fill), 6);
    assert.equal(listInsert(db, pos(db), false, b('a'), 0, 1, b('first'), 0, 5, fill), 7);
    assert.equal(listInsert(db, pos(db), false, b('none'), 0, 4, b('x'), 0, 1, fill), -1);
    assert.deepEqual(all(db), ['first', 'a', 'B', 'a', 'c', 'after-c', 'a']);
    assert.equal(listRemove(db, pos(db), -2, b('a'), 0, 1, fill), 2);
    assert.deepEqual(all(db), ['first', 'a', 'B', 'c', 'after-c']);
    listTrim(db, pos(db), 1, 1, fill);
    assert.deepEqual(all(db), ['a', 'B', 'c']);
    assert.equal(listRemove(db, pos(db), 0, b('zz'), 0, 2, fill), 0);
    listTrim(db, pos(db), 2, 1, fill);
    assert.equal(pos(db), NO_KEY);
  });

  both('positions by rank, count and maxlen', (db, fill) => {
    push(db, LIST_TAIL, ['a', 'b', 'c', 'a', 'b', 'c', 'a'], fill);
    const out: number[] = [];
    const n = (rank: number, count: number, maxlen: number, anyRank = false): number[] =>
      out.slice(0, listPositions(db, pos(db), b('a'), 0, 1, rank, count, maxlen, anyRank, out));
    assert.deepEqual(n(1, 0, 0), [0, 3, 6]);
    assert.deepEqual(n(2, 1, 0), [3]);
    assert.deepEqual(n(-1, 2, 0), [6, 3]);
    assert.deepEqual(n(-2, 0, 0), [3, 0]);
    assert.deepEqual(n(1, 0, 3), [0]);
    assert.deepEqual(n(-1, 0, 1, true), [6]);
    assert.deepEqual(n(5, 0, 0), []);
  });

  both('rotation moves an element from one end to the other in place', (db, fill) => {
    push(db, LIST_TAIL, ['a', 'b', 'c'], fill);
    const c = new CopySink();
    listRotate(db, pos(db), LIST_HEAD, LIST_TAIL, c);
    assert.equal(c.bytes.toString(), 'a');
    assert.deepEqual(all(db), ['b', 'c', 'a']);
    listRotate(db, pos(db), LIST_TAIL, LIST_HEAD, c);
    assert.deepEqual(all(db), ['a', 'b', 'c']);
    listRotate(db, pos(db), LIST_TAIL, LIST_TAIL, c);
    assert.equal(c.bytes.toString(), 'c');
    assert.deepEqual(all(db), ['a', 'b', 'c']);
  });

  both('empty and binary elements survive', (db, fill) => {
    push(db, LIST_TAIL, ['', '\x00\xff', 'y'.repeat(200)], fill);
    assert.deepEqual(all(db), ['', '\x00\xff', 'y'.repeat(200)]);
  });
});

test('rotation across chunks and own-buffer nodes keeps every element, the one-element list included', () => {
  const db = setup();
  const values = ['x'.repeat(70_000), '', 'y'.repeat(5000), ...Array.from({ length: 1500 }, (_, i) => `v${i}`)];
  push(db, LIST_TAIL, values);
  const model = [...values];
  const c = new CopySink();
  for (let i = 0; i < 3000; i++) {
    const from = i % 3 === 0 ? LIST_TAIL : LIST_HEAD;
    const to = i % 5 === 0 ? LIST_HEAD : LIST_TAIL;
    listRotate(db, pos(db), from, to, c);
    const v = from === LIST_HEAD ? model.shift()! : model.pop()!;
    if (to === LIST_HEAD) model.unshift(v);
    else model.push(v);
    assert.equal(c.bytes.toString('latin1'), v);
  }
  assert.deepEqual(all(db), model);
  const single = setup();
  push(single, LIST_TAIL, ['z'.repeat(70_000)], 1);
  listRotate(single, pos(single), LIST_HEAD, LIST_TAIL, c);
  assert.equal(c.bytes.length, 70_000);
  assert.deepEqual(all(single), ['z'.repeat(70_000)]);
});

test('100,000 pushes and pops at both ends keep the order', () => {
  const db = setup();
  const src = new OneElement();
  for (let i = 0; i < 100_000; i++) {
    const v = b(String(i));
    listPush(db, pos(db), KEY, 0, 1, i % 2 ? LIST_HEAD : LIST_TAIL, src.set(v, 0, v.length), 0, 1, FILL);
  }
  assert.equal(listLength(db, pos(db)), 100_000);
  assert.equal(enc(db), Encoding.QUICKLIST);
  assert.deepEqual(pop(db, LIST_HEAD, 2), ['99999', '99997']);
  assert.deepEqual(pop(db, LIST_TAIL, 2), ['99998', '99996']);
  let n = 4;
  while (pos(db) !== NO_KEY) n += pop(db, n % 2 ? LIST_HEAD : LIST_TAIL, 1000).length;
  assert.equal(n, 100_000);
});

test('memory accounting follows a QuickList as it grows and drains', () => {
  const db = setup();
  const base = db.usedMemory;
  push(db, LIST_TAIL, Array.from({ length: 5000 }, (_, i) => `element-${i}`));
  const grown = db.usedMemory;
  assert.ok(grown - base > 5000 * 10, `grew by ${grown - base}`);
  pop(db, LIST_HEAD, 5000);
  assert.ok(db.usedMemory - base < 1024, `left ${db.usedMemory - base}`);
});
