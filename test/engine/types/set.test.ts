import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Database } from '../../../src/engine/keyspace.js';
import { Encoding, KeyType } from '../../../src/engine/status.js';
import { SetAccum, SetView, newSetTable } from '../../../src/engine/types/set.js';
import type { ByteTable } from '../../../src/engine/types/byte-table.js';
import { setDiff, setInter, setUnion } from '../../../src/engine/types/set-ops.js';

function keys(t: ByteTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.size; i++) out.push(t.keyText(i));
  return out;
}
const b = (s: string): Buffer => Buffer.from(s, 'latin1');
function db(): Database {
  return new Engine({ databases: 1, clock: new FakeClock(1_000_000) }).dbs[0]!;
}
function store(d: Database, key: string, members: string[], max = 512): void {
  const a = new SetAccum().reset(max);
  for (const m of members) a.addStr(m);
  const k = Buffer.from(key, 'latin1');
  a.store(d, k, 0, k.length);
}
function members(d: Database, key: string): string[] {
  const v = new SetView().load(d, d.lookupRead(key));
  const out: string[] = [];
  for (let i = 0; i < v.size; i++) out.push(v.text(i));
  return out;
}

test('a set of canonical integers is stored as an intset blob in its item, ascending', () => {
  const d = db();
  store(d, 's', ['3', '1', '-2']);
  const pos = d.lookupRead('s');
  assert.equal(d.type(pos), KeyType.SET);
  assert.equal(d.encoding(pos), Encoding.INTSET);
  assert.deepEqual(members(d, 's'), ['-2', '1', '3']);
  assert.ok(d.stringRef(pos) !== null);
});

test('a non-integer member or more than max entries converts to a hashtable, one way', () => {
  const a = new SetAccum().reset(3);
  for (const m of ['1', '2', '3']) a.addStr(m);
  assert.equal(a.encoding, Encoding.INTSET);
  a.addStr('4');
  assert.equal(a.encoding, Encoding.HASHTABLE);
  a.removeStr('4');
  assert.equal(a.encoding, Encoding.HASHTABLE);
  const b = new SetAccum().reset(512);
  b.addStr('1');
  b.addStr('01');
  assert.equal(b.encoding, Encoding.HASHTABLE);
  assert.deepEqual(keys(b.ht!).sort(), ['01', '1']);
});

test('the hashtable keeps a running size estimate, and clone() is deep', () => {
  const h = newSetTable();
  const empty = h.memoryBytes();
  const big = 'm'.repeat(1000);
  assert.equal(h.add(b(big), 0, 1000), true);
  assert.equal(h.add(b(big), 0, 1000), false);
  assert.ok(h.memoryBytes() > empty + 500);
  const c = h.clone();
  h.delete(b(big), 0, 1000);
  assert.equal(h.memoryBytes(), empty);
  assert.ok(c.has(b(big), 0, 1000) && !h.has(b(big), 0, 1000));
});

test('hashtable removal moves the last member into the hole', () => {
  const h = newSetTable();
  for (const m of ['a', 'b', 'c', 'd']) h.add(b(m), 0, 1);
  h.delete(b('b'), 0, 1);
  assert.deepEqual(keys(h), ['a', 'd', 'c']);
  assert.ok(h.has(b('d'), 0, 1) && !h.has(b('b'), 0, 1));
});

test('intersection, union and difference across both encodings', () => {
  const d = db();
  store(d, 'a', ['1', '2', '3', 'x']);
  store(d, 'b', ['2', '3', '4']);
  const va = new SetView().load(d, d.lookupRead('a'));
  const vb = new SetView().load(d, d.lookupRead('b'));
  const out = new SetAccum().reset(512);
  setInter([va, vb], out, 0);
  assert.equal(out.encoding, Encoding.INTSET);
  assert.deepEqual([out.text(0), out.text(1)], ['2', '3']);
  assert.equal(setInter([va, vb], null, 1), 1);
  out.reset(512);
  setUnion([va, null, vb], out);
  assert.equal(out.size, 5);
  assert.equal(out.encoding, Encoding.HASHTABLE);
  out.reset(512);
  setDiff([va, vb], out);
  assert.deepEqual(keys(out.ht!).sort(), ['1', 'x']);
  out.reset(512);
  setDiff([null, vb], out);
  assert.equal(out.size, 0);
});

test('storing an empty set deletes the key; commit of an emptied set deletes it too', () => {
  const d = db();
  store(d, 's', ['1']);
  const a = new SetAccum().reset(512);
  const k = Buffer.from('s');
  assert.equal(a.store(d, k, 0, 1), true);
  assert.equal(d.size, 0);
  store(d, 's', ['1']);
  a.load(d, d.lookupWrite('s'), 512);
  a.removeStr('1');
  assert.equal(a.commit(d, d.lookupWrite('s')), -1);
  assert.equal(d.size, 0);
});
