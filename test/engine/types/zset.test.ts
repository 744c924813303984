import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../../src/engine/engine.js';
import { FakeClock } from '../../../src/engine/clock.js';
import { Encoding, KeyType, NO_KEY } from '../../../src/engine/status.js';
import { decodeScore, encodeScore, parseScore, parseScoreBound, type ScoreRange } from '../../../src/engine/types/zset-score.js';
import {
  MISSING, ZView, fitsListpack, zsetConvert, zsetCreate, zsetInsert, zsetLimits, zsetRemove, zsetRemoveRanks, zsetSetScore, zsetStore,
} from '../../../src/engine/types/zset.js';

const key = Buffer.from('k');

function newDb() {
  return new Engine({ clock: new FakeClock() }).dbs[0]!;
}

function contents(v: ZView): [string, number][] {
  const out: [string, number][] = [];
  v.seek(0, false);
  while (v.next()) out.push([v.member(), v.score]);
  return out;
}

function s(text: string): number {
  const b = Buffer.from(text, 'latin1');
  return parseScore(b, 0, b.length);
}

test('score entries: integers take the fewest bytes, other doubles 8, and all round-trip exactly', () => {
  const out = new Uint8Array(8);
  const cases: [number, number][] = [[0, 0], [-0, 0], [1, 1], [-1, 1], [127, 1], [128, 2], [-128, 1], [-129, 2], [1700000000000, 6], [2 ** 53 - 1, 7], [-(2 ** 53 - 1), 7], [1.5, 8], [2 ** 53, 8], [Infinity, 8], [-Infinity, 8], [1e300, 8], [5e-324, 8]];
  for (const [v, len] of cases) {
    const n = encodeScore(v, out);
    assert.equal(n, len, `length of ${v}`);
    const back = decodeScore(out, 0, n);
    assert.ok(Object.is(back, v === 0 ? 0 : v), `${v} came back as ${back}`);
  }
});

test('scores parse as Redis getDoubleFromObject: inf spellings and hex accepted; spaces, NaN, overflow and underflow refused', () => {
  assert.equal(s('1.5'), 1.5);
  assert.equal(s('-inf'), -Infinity);
  assert.equal(s('+Infinity'), Infinity);
  assert.equal(s('0x10'), 16);
  assert.equal(s('1e-320'), 1e-320);
  for (const bad of ['', ' 1', '1 ', 'nan', 'abc', '1e400', '1e-400', '1\x002', '(1', '12a', '-', '+']) assert.ok(Number.isNaN(s(bad)), JSON.stringify(bad));
});

test('integer scores (the fast path) parse exactly, signs and zeros included, and longer ones as strtod rounds them', () => {
  for (const [t, v] of [['0', 0], ['7', 7], ['+12', 12], ['-12', -12], ['000123', 123], ['999999999999999', 999999999999999], ['-999999999999999', -999999999999999],
    ['9007199254740993', 9007199254740992], ['12345678901234567890', 12345678901234567890], ['1.', 1], ['12e1', 120], ['12E-1', 1.2]] as const) {
    assert.equal(s(t), v, t);
  }
  assert.ok(Object.is(s('-0'), -0));
  assert.ok(Object.is(s('-000'), -0));
});

test('range bounds parse as zslParseRange: "(" is exclusive, "" is 0, NaN refused', () => {
  const r: ScoreRange = { min: 0, max: 0, minex: false, maxex: false };
  const b = (t: string, isMax = false) => parseScoreBound(Buffer.from(t, 'latin1'), 0, t.length, r, isMax);
  assert.ok(b('(1.5'));
  assert.deepEqual([r.min, r.minex], [1.5, true]);
  assert.ok(b('', true));
  assert.deepEqual([r.max, r.maxex], [0, false]);
  assert.ok(b(' 2'));
  assert.ok(b('1e400'));
  assert.equal(r.min, Infinity);
  assert.ok(!b('nan'));
  assert.ok(!b('x'));
  assert.ok(!b('2 '));
});

test('a listpack sorted set inserts in order, updates, removes, and deletes the key when emptied', () => {
  const db = newDb();
  zsetLimits.entries = 128;
  zsetLimits.value = 64;
  let pos = zsetCreate(db, key, 0, 1, 1);
  assert.equal(db.encoding(pos), Encoding.LISTPACK);
  pos = zsetInsert(db, pos, 'b', 2);
  pos = zsetInsert(db, pos, 'a', 2);
  pos = zsetInsert(db, pos, '', -1);
  pos = zsetInsert(db, pos, '\x00\xff', 1.5);
  const v = new ZView();
  assert.deepEqual(contents(v.open(db, pos)), [['', -1], ['\x00\xff', 1.5], ['a', 2], ['b', 2]]);
  pos = zsetSetScore(db, pos, '', 3);
  assert.deepEqual(contents(v.open(db, pos)), [['\x00\xff', 1.5], ['a', 2], ['b', 2], ['', 3]]);
  assert.equal(v.rankOf('b'), 2);
  assert.equal(zsetRemove(db, pos, 'nope'), MISSING);
  pos = zsetRemove(db, pos, 'a');
  assert.deepEqual(contents(v.open(db, pos)), [['\x00\xff', 1.5], ['b', 2], ['', 3]]);
  assert.equal(zsetRemoveRanks(db, pos, 0, 2), NO_KEY);
  assert.equal(db.lookupRead('k'), NO_KEY);
});

test('a listpack converts to a skiplist past zset-max-listpack-entries or -value, with the same contents', () => {
  const db = newDb();
  zsetLimits.entries = 3;
  zsetLimits.value = 4;
  let pos = zsetCreate(db, key, 0, 1, 1);
  for (const [m, sc] of [['a', 1], ['b', 2], ['c', 3]] as const) pos = zsetInsert(db, pos, m, sc);
  assert.equal(db.encoding(pos), Encoding.LISTPACK);
  pos = zsetInsert(db, pos, 'd', 0);
  assert.equal(db.encoding(pos), Encoding.SKIPLIST);
  const v = new ZView();
  assert.deepEqual(contents(v.open(db, pos)), [['d', 0], ['a', 1], ['b', 2], ['c', 3]]);
  // A long member converts too, and an explicit conversion keeps contents.
  const db2 = newDb();
  let p2 = zsetCreate(db2, key, 0, 1, 1);
  p2 = zsetInsert(db2, p2, 'longer', 1);
  assert.equal(db2.encoding(p2), Encoding.SKIPLIST);
  const db3 = newDb();
  let p3 = zsetCreate(db3, key, 0, 1, 1);
  p3 = zsetInsert(db3, p3, 'x', 1);
  p3 = zsetConvert(db3, p3);
  assert.equal(db3.type(p3), KeyType.ZSET);
  assert.deepEqual(contents(v.open(db3, p3)), [['x', 1]]);
  zsetLimits.entries = 128;
  zsetLimits.value = 64;
});

test('a stored result picks its encoding by size and longest member', () => {
  zsetLimits.entries = 2;
  zsetLimits.value = 4;
  assert.ok(fitsListpack(2, 4));
  assert.ok(!fitsListpack(3, 1));
  assert.ok(!fitsListpack(1, 5));
  const db = newDb();
  assert.ok(zsetStore(db, key, 0, 1, ['a', 'b'], [1, 2], 2));
  assert.equal(db.encoding(db.lookupRead('k')), Encoding.LISTPACK);
  assert.ok(zsetStore(db, key, 0, 1, ['a', 'b', 'c'], [1, 2, 3], 3));
  assert.equal(db.encoding(db.lookupRead('k')), Encoding.SKIPLIST);
  assert.ok(zsetStore(db, key, 0, 1, [], [], 0));
  assert.equal(db.lookupRead('k'), NO_KEY);
  zsetLimits.entries = 128;
  zsetLimits.value = 64;
});
