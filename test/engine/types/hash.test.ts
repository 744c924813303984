// The hash encodings on their own: the listpack blob edited by HashWriter
// and the one-way conversion to a hashtable (the table itself is tested in
// byte-table.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Database } from '../../../src/engine/keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../../../src/engine/status.js';
import { lookupWriteOf } from '../../../src/engine/types/lookup.js';
import { LpCursor } from '../../../src/engine/types/listpack.js';
import {
  HashRef, LP_MAX_FIELDS, hashDelete, hashGet, hashLength, hashWriter, type HashLimits,
} from '../../../src/engine/types/hash.js';
import { ByteTable } from '../../../src/engine/types/byte-table.js';

const DEFAULTS: HashLimits = { maxEntries: 512, maxValue: 64 };

function setup(): Database {
  return new Engine({ databases: 1, clock: new FakeClock(1_700_000_000_000) }).dbs[0]!;
}
function b(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}
function find(db: Database, key: string): number {
  const k = b(key);
  return lookupWriteOf(db, KeyType.HASH, k, 0, k.length);
}
/** HSET key f v [f v ...] through the writer; returns the number of new fields. */
function hset(db: Database, key: string, pairs: string[], limits = DEFAULTS): number {
  const k = b(key);
  const w = hashWriter.begin(db, find(db, key), k, 0, k.length, limits);
  let created = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const f = b(pairs[i]!);
    const v = b(pairs[i + 1]!);
    if (w.set(f, 0, f.length, v, 0, v.length)) created++;
  }
  w.commit();
  return created;
}
function get(db: Database, key: string, field: string): string | null {
  const ref = new HashRef();
  const f = b(field);
  if (!hashGet(db, find(db, key), f, 0, f.length, ref)) return null;
  return Buffer.from(ref.mem.subarray(ref.start, ref.end)).toString('latin1');
}
function hdel(db: Database, key: string, fields: string[]): number {
  const buf = b(fields.join(''));
  const starts = new Int32Array(fields.length);
  const lens = new Int32Array(fields.length);
  let o = 0;
  fields.forEach((f, i) => {
    starts[i] = o;
    lens[i] = f.length;
    o += f.length;
  });
  return hashDelete(db, find(db, key), buf, starts, lens, 0, fields.length);
}
/** The pairs of a listpack hash as stored, in order. */
function blob(db: Database, key: string): string[] {
  const pos = find(db, key);
  const mem = db.stringRef(pos)!;
  const c = new LpCursor();
  c.reset(mem, db.refStart);
  const out: string[] = [];
  while (c.next()) out.push(Buffer.from(mem.subarray(c.start, c.end)).toString('latin1'));
  return out;
}

describe('listpack hashes', () => {
  test('pairs are stored in insertion order in the key item, with no value object', () => {
    const db = setup();
    assert.equal(hset(db, 'h', ['b', '1', 'a', '2']), 2);
    const pos = find(db, 'h');
    assert.equal(db.encoding(pos), Encoding.LISTPACK);
    assert.equal(db.type(pos), KeyType.HASH);
    assert.deepEqual(blob(db, 'h'), ['b', '1', 'a', '2']);
    assert.equal(hashLength(db, pos), 2);
  });

  test('a replaced value keeps its place, whatever its new length', () => {
    const db = setup();
    hset(db, 'h', ['a', '1', 'b', '2', 'c', '3']);
    assert.equal(hset(db, 'h', ['b', '9']), 0);
    assert.deepEqual(blob(db, 'h'), ['a', '1', 'b', '9', 'c', '3']);
    hset(db, 'h', ['b', 'longer value', 'a', '']);
    assert.deepEqual(blob(db, 'h'), ['a', '', 'b', 'longer value', 'c', '3']);
    assert.equal(get(db, 'h', 'b'), 'longer value');
  });

  test('deleting fields rebuilds the blob and the last one deletes the key', () => {
    const db = setup();
    hset(db, 'h', ['a', '1', 'b', '2', 'c', '3']);
    assert.equal(hdel(db, 'h', ['b', 'b', 'zz']), 1);
    assert.deepEqual(blob(db, 'h'), ['a', '1', 'c', '3']);
    assert.equal(hdel(db, 'h', ['a', 'c']), 2);
    assert.equal(find(db, 'h'), NO_KEY);
  });

  test('a TTL survives edits', () => {
    const db = setup();
    hset(db, 'h', ['a', '1']);
    db.setExpire(find(db, 'h'), 1_700_000_100_000);
    hset(db, 'h', ['b', '2']);
    hdel(db, 'h', ['a']);
    assert.equal(db.expireAt(find(db, 'h')), 1_700_000_100_000);
  });

  test('a blob too big for an arena chunk still works', () => {
    const db = setup();
    const pairs: string[] = [];
    for (let i = 0; i < 400; i++) pairs.push(`field-${i}`, 'v'.repeat(60));
    hset(db, 'h', pairs);
    assert.equal(db.encoding(find(db, 'h')), Encoding.LISTPACK);
    assert.equal(hashLength(db, find(db, 'h')), 400);
    assert.equal(get(db, 'h', 'field-399'), 'v'.repeat(60));
    hdel(db, 'h', ['field-0']);
    assert.equal(blob(db, 'h')[0], 'field-1');
  });
});

describe('conversion to a hashtable', () => {
  test('past maxEntries fields, with every pair kept', () => {
    const db = setup();
    const limits = { maxEntries: 3, maxValue: 64 };
    hset(db, 'h', ['a', '1', 'b', '2', 'c', '3'], limits);
    assert.equal(db.encoding(find(db, 'h')), Encoding.LISTPACK);
    hset(db, 'h', ['d', '4'], limits);
    const pos = find(db, 'h');
    assert.equal(db.encoding(pos), Encoding.HASHTABLE);
    assert.ok(db.value(pos) instanceof ByteTable);
    for (const [f, v] of [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]) assert.equal(get(db, 'h', f!), v);
  });

  test('a field or value longer than maxValue converts before it is stored', () => {
    const db = setup();
    hset(db, 'v', ['a', 'x'.repeat(64)]);
    assert.equal(db.encoding(find(db, 'v')), Encoding.LISTPACK);
    hset(db, 'v', ['b', 'x'.repeat(65)]);
    assert.equal(db.encoding(find(db, 'v')), Encoding.HASHTABLE);
    hset(db, 'f', ['f'.repeat(65), '1']);
    assert.equal(db.encoding(find(db, 'f')), Encoding.HASHTABLE);
  });

  test('never converts back when fields are deleted', () => {
    const db = setup();
    hset(db, 'h', ['a', '1', 'b', 'x'.repeat(100)]);
    hdel(db, 'h', ['b']);
    assert.equal(db.encoding(find(db, 'h')), Encoding.HASHTABLE);
    hset(db, 'h', ['c', '3']);
    assert.equal(db.encoding(find(db, 'h')), Encoding.HASHTABLE);
    assert.equal(hdel(db, 'h', ['a', 'c']), 2);
    assert.equal(find(db, 'h'), NO_KEY);
  });

  test('the listpack count bounds a hash whatever maxEntries says', () => {
    const db = setup();
    const pairs: string[] = [];
    for (let i = 0; i <= LP_MAX_FIELDS; i++) pairs.push(String(i), '');
    hset(db, 'h', pairs, { maxEntries: 1e9, maxValue: 64 });
    const pos = find(db, 'h');
    assert.equal(db.encoding(pos), Encoding.HASHTABLE);
    assert.equal(hashLength(db, pos), LP_MAX_FIELDS + 1);
  });

  test('the hashtable is accounted in used memory and again after changes', () => {
    const db = setup();
    const before = db.usedMemory;
    hset(db, 'h', ['a', 'x'.repeat(100)]);
    const one = db.usedMemory;
    assert.ok(one > before);
    const pairs: string[] = [];
    for (let i = 0; i < 100; i++) pairs.push(`f${i}`, 'y'.repeat(50));
    hset(db, 'h', pairs);
    assert.ok(db.usedMemory > one + 100 * 50);
  });
});
