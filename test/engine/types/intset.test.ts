import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IS_HEADER, IntVal, IntsetBuilder, isCount, isFind, isValueAt } from '../../../src/engine/types/intset.js';

function values(b: IntsetBuilder): (number | bigint)[] {
  const out: (number | bigint)[] = [];
  for (let i = 0; i < b.count; i++) out.push(isValueAt(b.bytes, 0, i));
  return out;
}
function add(b: IntsetBuilder, v: number | bigint): boolean {
  const x = new IntVal().set(v);
  return b.add(x.hi, x.lo);
}
function parse(s: string): IntVal | null {
  const v = new IntVal();
  const buf = Buffer.from(s, 'latin1');
  return v.parse(buf, 0, buf.length) ? v : null;
}

test('an empty intset is one width byte of 2', () => {
  const b = new IntsetBuilder();
  assert.equal(b.length, IS_HEADER);
  assert.equal(b.bytes[0], 2);
  assert.equal(b.count, 0);
});

test('values are kept sorted and unique, with int16 width while they fit', () => {
  const b = new IntsetBuilder(4);
  for (const v of [5, -3, 100, 5, 0, -32768, 32767]) add(b, v);
  assert.deepEqual(values(b), [-32768, -3, 0, 5, 100, 32767]);
  assert.equal(b.bytes[0], 2);
  assert.equal(b.length, IS_HEADER + 6 * 2);
  assert.equal(add(b, 100), false);
});

test('a wider value upgrades every value, placed first when negative and last when positive', () => {
  const b = new IntsetBuilder();
  for (const v of [1, 2, 3]) add(b, v);
  assert.equal(add(b, 32768), true);
  assert.equal(b.bytes[0], 4);
  assert.deepEqual(values(b), [1, 2, 3, 32768]);
  assert.equal(add(b, -2147483649), true);
  assert.equal(b.bytes[0], 8);
  assert.deepEqual(values(b), [-2147483649, 1, 2, 3, 32768]);
  assert.equal(isCount(b.bytes, 0, b.length), 5);
});

test('int64 limits round-trip exactly (as bigint beyond 2^53)', () => {
  const b = new IntsetBuilder();
  for (const s of ['9223372036854775807', '-9223372036854775808', '9007199254740993', '-1', '0']) {
    const v = parse(s)!;
    assert.ok(b.add(v.hi, v.lo));
  }
  assert.deepEqual(values(b).map(String), ['-9223372036854775808', '-1', '0', '9007199254740993', '9223372036854775807']);
  const m = parse('9223372036854775807')!;
  assert.ok(isFind(b.bytes, 0, b.length, m.hi, m.lo));
  const n = parse('9223372036854775806')!;
  assert.ok(!isFind(b.bytes, 0, b.length, n.hi, n.lo));
});

test('only canonical int64 text is an integer member (string2ll rules)', () => {
  for (const s of ['01', '+1', ' 1', '1 ', '-0', '', '-', '1.5', '9223372036854775808', '-9223372036854775809', '0x1']) assert.equal(parse(s), null, s);
  for (const s of ['0', '-1', '9223372036854775807', '-9223372036854775808']) assert.notEqual(parse(s), null, s);
});

test('width boundaries: int16, int32 and int64 edges', () => {
  const w = (s: string) => parse(s)!.width();
  assert.equal(w('32767'), 2);
  assert.equal(w('-32768'), 2);
  assert.equal(w('32768'), 4);
  assert.equal(w('-32769'), 4);
  assert.equal(w('2147483647'), 4);
  assert.equal(w('-2147483648'), 4);
  assert.equal(w('2147483648'), 8);
  assert.equal(w('-2147483649'), 8);
});

test('remove keeps the width and the order; a value wider than the set is never found', () => {
  const b = new IntsetBuilder();
  for (const v of [1, 70000, 3]) add(b, v);
  const x = new IntVal().set(70000);
  assert.equal(b.remove(x.hi, x.lo), true);
  assert.equal(b.remove(x.hi, x.lo), false);
  assert.equal(b.bytes[0], 4);
  assert.deepEqual(values(b), [1, 3]);
  const big = new IntVal().set(5000000000);
  assert.equal(b.remove(big.hi, big.lo), false);
  assert.equal(b.has(big.hi, big.lo), false);
});

test('load copies an intset and edits do not touch the source', () => {
  const a = new IntsetBuilder();
  for (const v of [10, 20, 30]) add(a, v);
  const src = Buffer.from(a.bytes.subarray(0, a.length));
  const b = new IntsetBuilder(2).load(src, 0, src.length);
  add(b, 15);
  assert.deepEqual(values(b), [10, 15, 20, 30]);
  assert.equal(isCount(src, 0, src.length), 3);
});

test('a random sequence of adds and removes matches a sorted model', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const b = new IntsetBuilder(2);
  const model = new Set<bigint>();
  const pool = [0n, 1n, -1n, 300n, -300n, 70000n, -70000n, 5000000000n, -5000000000n, 9223372036854775807n, -9223372036854775808n];
  for (let i = 0; i < 3000; i++) {
    const v = pool[Math.floor(rnd() * pool.length)]! + BigInt(Math.floor(rnd() * 5));
    const x = new IntVal().set(v >= -9223372036854775808n && v <= 9223372036854775807n ? v : 0n);
    const val = BigInt(String(x.value()));
    if (rnd() < 0.6) assert.equal(b.add(x.hi, x.lo), !model.has(val)), model.add(val);
    else assert.equal(b.remove(x.hi, x.lo), model.has(val)), model.delete(val);
  }
  assert.deepEqual(values(b).map(String), [...model].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0)).map(String));
});
