import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LP_HEADER, LpBuilder, LpCursor, lpCount, lpEntrySize, varintSize } from '../../../src/engine/types/listpack.js';

function entries(buf: Uint8Array, at = 0): string[] {
  const c = new LpCursor();
  c.reset(buf, at);
  const out: string[] = [];
  while (c.next()) out.push(Buffer.from(buf.subarray(c.start, c.end)).toString('latin1'));
  return out;
}

test('an empty listpack has a two-byte header and no entries', () => {
  const b = new LpBuilder(4);
  const len = b.finish();
  assert.equal(len, LP_HEADER);
  assert.equal(lpCount(b.bytes, 0), 0);
  assert.deepEqual(entries(b.bytes), []);
});

test('entries round-trip, including empty, binary and long ones', () => {
  const long = 'x'.repeat(20000);
  const values = ['', 'a', '\x00\xff\r\n', 'y'.repeat(127), 'z'.repeat(128), long];
  const b = new LpBuilder(8);
  for (const v of values) b.push(Buffer.from(v, 'latin1'), 0, v.length);
  const len = b.finish();
  assert.equal(len, LP_HEADER + values.reduce((n, v) => n + lpEntrySize(v.length), 0));
  assert.deepEqual(entries(b.bytes.subarray(0, len)), values);
});

test('varints take one byte up to 127 and two up to 16383', () => {
  assert.equal(varintSize(0), 1);
  assert.equal(varintSize(127), 1);
  assert.equal(varintSize(128), 2);
  assert.equal(varintSize(16383), 2);
  assert.equal(varintSize(16384), 3);
});

test('pushRaw copies whole entries from another listpack, and a cursor reads at an offset', () => {
  const a = new LpBuilder();
  for (const v of ['f1', 'v1', 'f2', 'v2', 'f3', 'v3']) a.pushString(v);
  const alen = a.finish();
  // Drop the pair f2/v2: copy the bytes before it and after it.
  const c = new LpCursor();
  c.reset(a.bytes, 0);
  c.skip(2);
  const cut = c.after;
  c.skip(2);
  const resume = c.after;
  const page = Buffer.alloc(100, 0xee);
  const b = new LpBuilder(4).reset();
  b.pushRaw(a.bytes, LP_HEADER, cut, 2).pushRaw(a.bytes, resume, alen, 2);
  const blen = b.finish();
  b.bytes.copy(page, 10, 0, blen);
  assert.deepEqual(entries(page, 10), ['f1', 'v1', 'f3', 'v3']);
  c.reset(page, 10);
  c.next();
  assert.ok(c.equals(Buffer.from('f1'), 0, 2));
  assert.ok(!c.equals(Buffer.from('f12'), 0, 3));
});

test('a builder refuses more entries than the count can say', () => {
  const b = new LpBuilder();
  for (let i = 0; i < 0x10000; i++) b.push(Buffer.alloc(0), 0, 0);
  assert.throws(() => b.finish(), RangeError);
});
