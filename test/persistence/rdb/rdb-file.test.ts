// The RDB file writer and loader in-process: chunked output, interleaved
// databases, small read windows, the legacy encodings Redis 7.0 still
// loads, and corrupt files reported with the offset of the problem.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../../../src/engine/engine.js';
import { KeyType, Encoding } from '../../../src/engine/status.js';
import { crc64, writeCrc64LE } from '../../../src/persistence/rdb/crc64.js';
import { AccessField, RdbFileWriter, accessFieldFor, writeAllKeys, type RdbFileOptions } from '../../../src/persistence/rdb/rdb-file.js';
import { RdbFormatError, parseRdbFile, type RdbEntry } from '../../../src/persistence/rdb/rdb-load.js';
import { loadRdbIntoDatabases, type EngineLoadOptions } from '../../../src/persistence/rdb/rdb-engine-load.js';
import { readKey } from '../../../src/persistence/rdb/rdb-engine.js';
import { saveDatabasesSync } from '../../../src/persistence/rdb/rdb-save.js';
import { parseSaveRules, saveDue } from '../../../src/persistence/save-rules.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-rdb-file-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer): string => {
  const p = path.join(dir, `f${n++}.rdb`);
  fs.writeFileSync(p, bytes);
  return p;
};

function options(over: Partial<RdbFileOptions> = {}): RdbFileOptions {
  const e = new Engine();
  return { compress: true, checksum: true, access: AccessField.NONE, accessState: e.stats, listFill: -2, usedMem: 1000, ctime: 1700000000, ...over };
}

const loadOpts = (e: Engine, nowMs = Date.now()): EngineLoadOptions => ({
  limits: { listFill: -2, setMaxIntset: 512, hash: { maxEntries: 128, maxValue: 64 }, zsetEntries: 128, zsetValue: 64 },
  access: e.stats,
  nowMs,
  checksum: true,
});

/** An engine with a few keys of each kind in databases 0, 3 and 9. */
function filled(): Engine {
  const e = new Engine();
  const d0 = e.dbs[0]!;
  d0.put('str', KeyType.STRING, Encoding.RAW, Buffer.from('hello'));
  d0.put('int', KeyType.STRING, Encoding.INT, 12345);
  d0.put('', KeyType.STRING, Encoding.RAW, Buffer.alloc(0));
  d0.put('long', KeyType.STRING, Encoding.RAW, Buffer.from('abc'.repeat(5000)));
  const pos = d0.put('ttl', KeyType.STRING, Encoding.RAW, Buffer.from('v'));
  d0.setExpire(pos, Date.now() + 100000);
  e.dbs[3]!.put('x\u0000\u00ff', KeyType.STRING, Encoding.RAW, Buffer.from([0, 1, 2, 255]));
  for (let i = 0; i < 50; i++) e.dbs[9]!.put(`k${i}`, KeyType.STRING, Encoding.RAW, Buffer.from(`v${i}`));
  return e;
}

/** Every key's db, name, value model and expiry, from a file. */
function entries(p: string): RdbEntry[] {
  const out: RdbEntry[] = [];
  // Keys and plain string values are views valid during the call: keep copies.
  parseRdbFile(p, { entry: (e) => out.push({ ...e, key: Buffer.from(e.key), value: e.value.kind === 'string' && Buffer.isBuffer(e.value.value) ? { kind: 'string', value: Buffer.from(e.value.value) } : e.value }) }, { chunkSize: 7 });
  return out.map((e) => ({ ...e, offset: 0 }));
}

/** A file of raw records: header, `body`, EOF, checksum. */
function rdb(...body: (number | Buffer | string)[]): Buffer {
  const parts = body.map((b) => (typeof b === 'number' ? Buffer.from([b]) : typeof b === 'string' ? Buffer.from(b, 'latin1') : b));
  const data = Buffer.concat([Buffer.from('REDIS0010'), ...parts, Buffer.from([0xff])]);
  const crc = Buffer.alloc(8);
  writeCrc64LE(crc64(data), crc, 0);
  return Buffer.concat([data, crc]);
}
/** An RDB string of at most 63 bytes. */
const s = (text: string | Buffer): Buffer => {
  const b = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return Buffer.concat([Buffer.from([b.length]), b]);
};

describe('RDB file writer', () => {
  test('the file starts with REDIS0010 and the AUX fields Redis 7.0 writes, in its order', () => {
    const chunks: Buffer[] = [];
    const w = new RdbFileWriter({ write: (c) => chunks.push(c) }, options());
    w.begin();
    w.end();
    const out = Buffer.concat(chunks).toString('latin1');
    assert.ok(out.startsWith('REDIS0010\xfa\x09redis-ver\x067.0.15\xfa\x0aredis-bits\xc0\x40\xfa\x05ctime'));
    assert.ok(out.includes('\xfa\x08used-mem\xc1\xe8\x03\xfa\x08aof-base\xc0\x00\xff'));
  });

  test('the output is the same whatever the chunk size, and no chunk is the whole file', () => {
    const e = filled();
    const big: Buffer[] = [];
    const small: Buffer[] = [];
    const write = (sink: Buffer[], chunkSize: number): void => {
      const w = new RdbFileWriter({ write: (c) => sink.push(Buffer.from(c)) }, options({ chunkSize }));
      w.begin();
      writeAllKeys(w, e.dbs, Date.now());
      w.end();
    };
    write(big, 1 << 20);
    write(small, 64);
    assert.deepEqual(Buffer.concat(small).toString('hex'), Buffer.concat(big).toString('hex'));
    assert.ok(small.length >= 10, `${small.length} chunks`);
  });

  test('keys given one at a time across databases in any order load back into their databases', () => {
    const e = filled();
    const chunks: Buffer[] = [];
    const w = new RdbFileWriter({ write: (c) => chunks.push(c) }, options());
    w.begin();
    // Interleave databases 9, 0, 9, 3, 0 as a snapshot's pre-images would come.
    const order: [number, string][] = [[9, 'k1'], [0, 'str'], [9, 'k2'], [3, 'x\u0000\u00ff'], [0, 'ttl']];
    for (const [db, k] of order) {
      const d = e.dbs[db]!;
      w.key(db, d, d.peek(k), Date.now());
    }
    w.end();
    const got = entries(file(Buffer.concat(chunks)));
    assert.deepEqual(got.map((x) => [x.db, x.key.toString('latin1')]), order);
    assert.ok(got[4]!.expireMs > Date.now());
  });

  test('SAVE writes a file that loads back with the same keys, values and expiries', () => {
    const e = filled();
    const target = path.join(dir, 'dump.rdb');
    assert.equal(saveDatabasesSync(target, e.dbs, options(), Date.now()), 56);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('temp-')), []);
    const e2 = new Engine();
    const res = loadRdbIntoDatabases(target, e2.dbs, loadOpts(e2));
    assert.equal(res.keysLoaded, 56);
    assert.equal(res.checksum, 'ok');
    for (const [i, db] of e.dbs.entries()) {
      assert.equal(e2.dbs[i]!.size, db.size);
      for (let pos = 0; pos < db.slotLimit; pos++) {
        if (!db.occupied(pos)) continue;
        const k = db.keyBytes(pos);
        const p2 = e2.dbs[i]!.findAt(k, 0, k.length);
        assert.deepEqual(readKey(e2.dbs[i]!, p2, -2), readKey(db, pos, -2));
        assert.equal(e2.dbs[i]!.expireAt(p2), db.expireAt(pos));
      }
    }
  });

  test('a failed save leaves the old file untouched and no temp file behind', () => {
    const target = path.join(dir, 'kept.rdb');
    fs.writeFileSync(target, 'old');
    const e = new Engine();
    e.dbs[0]!.put('s', KeyType.STREAM, Encoding.RAW, {});
    assert.throws(() => saveDatabasesSync(target, e.dbs, options(), Date.now()), /its type has no RDB encoding/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.startsWith('temp-')), []);
  });

  test('keys already expired at save time are written and skipped on load, and counted', () => {
    const e = new Engine();
    const pos = e.dbs[0]!.put('old', KeyType.STRING, Encoding.RAW, Buffer.from('v'));
    e.dbs[0]!.setExpire(pos, Date.now() - 1000);
    e.dbs[0]!.put('new', KeyType.STRING, Encoding.RAW, Buffer.from('v'));
    const target = path.join(dir, 'expired.rdb');
    saveDatabasesSync(target, e.dbs, options(), Date.now());
    assert.equal(entries(target).length, 2);
    const e2 = new Engine();
    const res = loadRdbIntoDatabases(target, e2.dbs, loadOpts(e2));
    assert.deepEqual([res.keysLoaded, res.keysExpired, e2.dbs[0]!.size], [1, 1, 1]);
  });

  test('IDLE is written under an LRU policy and FREQ under an LFU one, nothing otherwise', () => {
    assert.equal(accessFieldFor('allkeys-lru'), AccessField.IDLE);
    assert.equal(accessFieldFor('volatile-lfu'), AccessField.FREQ);
    assert.equal(accessFieldFor('noeviction'), AccessField.NONE);
    const e = new Engine();
    e.dbs[0]!.put('a', KeyType.STRING, Encoding.RAW, Buffer.from('v'));
    const now = Date.now() + 50_000;
    const p = path.join(dir, 'idle.rdb');
    saveDatabasesSync(p, e.dbs, options({ access: AccessField.IDLE, accessState: e.stats }), now);
    const [x] = entries(p);
    assert.ok(x!.idle >= 49 && x!.idle <= 51, `idle ${x!.idle}`);
    assert.equal(x!.freq, -1);
  });
});

describe('RDB file loader', () => {
  test('reads the older encodings Redis 7.0 still loads: linked list, zset v1, zipmap, ziplists, ziplist quicklist', () => {
    // ziplist of "a", 12 (4-bit immediate), 300 (int16), "hello"
    const zl = (...entriesBytes: Buffer[]): Buffer => {
      const body = Buffer.concat(entriesBytes.map((en) => Buffer.concat([Buffer.from([0]), en])));
      const head = Buffer.alloc(10);
      head.writeUInt32LE(10 + body.length + 1, 0);
      head.writeUInt16LE(entriesBytes.length, 8);
      return Buffer.concat([head, body, Buffer.from([0xff])]);
    };
    const zstr = (t: string): Buffer => Buffer.concat([Buffer.from([t.length]), Buffer.from(t)]);
    const zi16 = (v: number): Buffer => {
      const b = Buffer.from([0xc0, 0, 0]);
      b.writeInt16LE(v, 1);
      return b;
    };
    const listZl = zl(zstr('a'), Buffer.from([0xf1 + 12]), zi16(300), zstr('hello'));
    const zsetZl = zl(zstr('m1'), zstr('1.5'), zstr('m2'), zi16(-2));
    const hashZl = zl(zstr('f'), zstr('v'), zstr('n'), Buffer.from([0xf1 + 3]));
    const zipmap = Buffer.concat([Buffer.from([2]), Buffer.from([1]), Buffer.from('f'), Buffer.from([2, 3]), Buffer.from('vvxyz'), Buffer.from([1]), Buffer.from('g'), Buffer.from([0, 0]), Buffer.from([0xff])]);
    const bytes = rdb(
      0xfe, 0,
      1, s('ll'), 2, s('x'), s('y'),
      3, s('z1'), 2, s('a'), Buffer.from([3]), '2.5', s('b'), Buffer.from([255]),
      9, s('zm'), s(zipmap),
      10, s('lz'), s(listZl),
      12, s('zz'), s(zsetZl),
      13, s('hz'), s(hashZl),
      14, s('ql'), 2, s(listZl), s(zl(zstr('tail'))),
    );
    const e = new Engine();
    const res = loadRdbIntoDatabases(file(bytes), e.dbs, loadOpts(e));
    assert.equal(res.keysLoaded, 7);
    const get = (k: string) => readKey(e.dbs[0]!, e.dbs[0]!.peek(k), -2);
    const strs = (b: Buffer[]) => b.map((x) => x.toString());
    assert.deepEqual(strs((get('ll') as { items: Buffer[] }).items), ['x', 'y']);
    assert.deepEqual((get('z1') as { scores: number[] }).scores, [-Infinity, 2.5]);
    assert.deepEqual(strs((get('zm') as { fields: Buffer[] }).fields).sort(), ['f', 'g']);
    assert.deepEqual(strs((get('zm') as { values: Buffer[] }).values).sort(), ['', 'vv']);
    assert.deepEqual(strs((get('lz') as { items: Buffer[] }).items), ['a', '12', '300', 'hello']);
    assert.deepEqual((get('zz') as { scores: number[] }).scores, [-2, 1.5]);
    assert.deepEqual(strs((get('hz') as { values: Buffer[] }).values).sort(), ['3', 'v']);
    assert.deepEqual(strs((get('ql') as { items: Buffer[] }).items), ['a', '12', '300', 'hello', 'tail']);
  });

  test('string keys read by the copy-free path equal the general path at every window size', () => {
    const e = filled();
    const d = e.dbs[5]!;
    // LZF-compressed keys and values, int-encoded keys and values, long keys, values bigger than the window.
    d.put('z'.repeat(300), KeyType.STRING, Encoding.RAW, Buffer.from('q'.repeat(200)));
    d.put('12345', KeyType.STRING, Encoding.INT, -7);
    d.put('k'.repeat(70000), KeyType.STRING, Encoding.RAW, Buffer.from('x'));
    for (let i = 0; i < 200; i++) d.put(`key:${'0'.repeat(i % 40)}${i}`, KeyType.STRING, Encoding.RAW, Buffer.alloc(i * 37, i));
    const chunks: Buffer[] = [];
    const w = new RdbFileWriter({ write: (c) => chunks.push(Buffer.from(c)) }, options());
    w.begin();
    writeAllKeys(w, e.dbs, Date.now());
    w.end();
    const p = file(Buffer.concat(chunks));
    const general = entries(p).filter((x) => x.type === 0).map((x) => [x.db, x.key.toString('hex'), Buffer.from(x.value.kind === 'string' ? (x.value.value as Buffer) : []).toString('hex'), x.expireMs]);
    assert.ok(general.length > 250);
    for (const chunkSize of [7, 13, 64, 1000, 1 << 20]) {
      const fast: unknown[] = [];
      const res = parseRdbFile(p, {
        entry: (x) => assert.notEqual(x.type, 0),
        stringEntry: (db, k, ks, ke, v, vs, ve, expireMs) => fast.push([db, k.toString('hex', ks, ke), v.toString('hex', vs, ve), expireMs]),
      }, { chunkSize });
      assert.equal(res.checksum, 'ok');
      assert.deepEqual(fast, general, `window ${chunkSize}`);
    }
  });

  test('EXPIRETIME in seconds, IDLE and FREQ are read', () => {
    const secs = Buffer.alloc(4);
    secs.writeInt32LE(Math.floor(Date.now() / 1000) + 1000);
    const got = entries(file(rdb(0xfd, secs, 0, s('a'), s('1'), 0xf8, 0x40, 100, 0, s('b'), s('2'), 0xf9, 7, 0, s('c'), s('3'))));
    assert.equal(got[0]!.expireMs, secs.readInt32LE(0) * 1000);
    assert.deepEqual([got[1]!.idle, got[1]!.freq, got[2]!.freq, got[2]!.expireMs], [100, -1, 7, -1]);
  });

  const failsAt = (bytes: Buffer, offset: number, reason: RegExp): void => {
    assert.throws(
      () => parseRdbFile(file(bytes), { entry: () => {} }),
      (e: unknown) => e instanceof RdbFormatError && e.offset === offset && reason.test(e.reason),
    );
  };

  test('a truncated file fails at its end, wherever it is cut', () => {
    const whole = rdb(0xfe, 0, 0, s('key'), s('value'), 0, s('k2'), s('x'.repeat(40)));
    for (let cut = 1; cut < whole.length; cut++) failsAt(whole.subarray(0, cut), cut, /Short read|signature/);
  });

  test('a wrong checksum fails at the trailer, naming both checksums', () => {
    const bytes = rdb(0xfe, 0, 0, s('key'), s('value'));
    bytes[bytes.length - 10] = 'w'.charCodeAt(0);
    failsAt(bytes, bytes.length - 8, /^Wrong RDB checksum expected: \([0-9a-f]+\) got \([0-9a-f]+\)$/);
  });

  test('a zero checksum is not checked, as files saved with rdbchecksum no', () => {
    const bytes = rdb(0xfe, 0, 0, s('key'), s('value'));
    bytes.fill(0, bytes.length - 8);
    assert.equal(parseRdbFile(file(bytes), { entry: () => {} }).checksum, 'zero');
  });

  test('a bad type byte, a bad signature or version, functions, modules and streams fail with the offset', () => {
    failsAt(rdb(0xfe, 0, 0, s('k'), s('v'), 99, s('k'), s('v')), 16, /^Unknown RDB encoding type 99$/);
    failsAt(Buffer.from('RODIS0010\xff', 'latin1'), 0, /Wrong signature/);
    failsAt(rdb().fill('1', 5, 9), 5, /Can't handle RDB format version 1111/);
    failsAt(rdb(0xf5, s('code')), 9, /functions are not supported/);
    failsAt(rdb(0xf7, 1), 9, /modules are not supported/);
    failsAt(rdb(0xfe, 0, 15, s('st')), 11, /streams are not supported/);
  });

  test('a value that does not decode fails at its record', () => {
    // A listpack hash whose payload is not a listpack.
    failsAt(rdb(0xfe, 0, 0, s('ok'), s('v'), 16, s('h'), s('garbage')), 17, /Bad data format/);
  });

  test('a duplicate key or a database past the configured count is refused', () => {
    const e = new Engine({ databases: 4 });
    assert.throws(() => loadRdbIntoDatabases(file(rdb(0, s('a'), s('1'), 0, s('a'), s('2'))), e.dbs, loadOpts(e)), /Duplicated key 'a'/);
    const e2 = new Engine({ databases: 4 });
    assert.throws(() => loadRdbIntoDatabases(file(rdb(0xfe, 4)), e2.dbs, loadOpts(e2)), /more than 4 databases/);
  });

  test('the save config parses into rules the scheduler can check', () => {
    assert.deepEqual(parseSaveRules('3600 1 300 100'), [{ seconds: 3600, changes: 1 }, { seconds: 300, changes: 100 }]);
    assert.deepEqual(parseSaveRules(''), []);
    assert.throws(() => parseSaveRules('3600'), /Invalid save parameters/);
    assert.equal(saveDue(parseSaveRules('60 10'), 10, 61), true);
    assert.equal(saveDue(parseSaveRules('60 10'), 9, 1000), false);
  });
});
