// Unit tests of the RDB value codec: CRC64, LZF, Redis's listpack and intset
// byte formats, RDB lengths and strings, and a round trip of every value type.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { crc64, crc64BigInt, crc64Update } from '../../../src/persistence/rdb/crc64.js';
import { lzfCompress, lzfDecompress, lzfReset } from '../../../src/persistence/rdb/lzf.js';
import { ListpackWriter, decodeIntset, decodeListpack, encodeIntset } from '../../../src/persistence/rdb/listpack-rdb.js';
import { RdbReader, RdbWriter, d2string, readValue, writeValue, type RdbValue } from '../../../src/persistence/rdb/rdb-object.js';
import { createDumpPayload, parseDumpPayload, verifyDumpPayload } from '../../../src/persistence/rdb/dump-payload.js';

function compress(input: Buffer): Buffer | null {
  const out = Buffer.alloc(input.length + 16);
  lzfReset();
  const n = lzfCompress(input, out, input.length - 1);
  return n === 0 ? null : out.subarray(0, n);
}

describe('CRC64 (Jones, reflected)', () => {
  test('the check value of "123456789" is 0xe9c6d914c4b8d9ca', () => {
    assert.equal(crc64BigInt(crc64(Buffer.from('123456789'))), 0xe9c6d914c4b8d9can);
  });
  test('the CRC of nothing is 0, and updating in pieces equals one pass', () => {
    assert.equal(crc64BigInt(crc64(Buffer.alloc(0))), 0n);
    const data = Buffer.from('The quick brown fox jumps over the lazy dog');
    const whole = crc64BigInt(crc64(data));
    assert.equal(crc64BigInt(crc64Update(crc64(data, 0, 10), data, 10)), whole);
  });
});

describe('LZF', () => {
  test('repetitive data compresses and decompresses to the same bytes', () => {
    const input = Buffer.from('abcabcabcabcabcabcabcabc'.repeat(50) + 'tail');
    const c = compress(input)!;
    assert.ok(c.length < input.length / 4);
    assert.deepEqual(lzfDecompress(c, 0, c.length, input.length), input);
  });
  test('random data does not fit in fewer bytes and is refused', () => {
    const input = Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 2654435761) >>> 24));
    assert.equal(compress(input), null);
  });
  test('round trips of many shapes, with matches overlapping their output', () => {
    for (let len = 3; len < 2000; len += 37) {
      const input = Buffer.from(Array.from({ length: len }, (_, i) => (i % 7 === 0 ? 65 : 97 + ((i * 7) % 3))));
      const c = compress(input);
      if (c !== null) assert.deepEqual(lzfDecompress(c, 0, c.length, len), input, `len ${len}`);
    }
    const run = Buffer.alloc(1000, 120);
    const c = compress(run)!;
    assert.deepEqual(lzfDecompress(c, 0, c.length, 1000), run);
  });
  test('corrupt input or a wrong length decompresses to null', () => {
    const input = Buffer.from('hello hello hello hello hello');
    const c = compress(input)!;
    assert.equal(lzfDecompress(c, 0, c.length, input.length + 1), null);
    assert.equal(lzfDecompress(Buffer.from([0xe0, 0xff]), 0, 2, 10), null);
  });
});

describe("Redis's listpack and intset formats", () => {
  test('each integer encoding and string length class is chosen as lpEncodeGetType does', () => {
    const lp = new ListpackWriter();
    const cases: [string, string][] = [
      ['5', '0501'], ['127', '7f01'], ['128', 'c08002'], ['-1', 'dfff02'], ['4095', 'cfff02'], ['-4096', 'd00002'],
      ['4096', 'f100100' + '3'], ['-32768', 'f1008003'], ['32768', 'f200800004'], ['8388608', 'f30000800005'],
      ['2147483648', 'f4000000800000000009'], ['01', '82303103'], ['', '8001'], ['-0', '822d3003'],
    ];
    for (const [el, hex] of cases) {
      const b = lp.reset();
      b.append(Buffer.from(el));
      const bytes = b.finish();
      assert.equal(bytes.subarray(6, bytes.length - 1).toString('hex'), hex, el);
      assert.deepEqual(decodeListpack(bytes)!.map(String), [el === '-0' || el === '01' || el === '' ? el : String(BigInt(el))]);
    }
  });
  test('long strings use the 12-bit and 32-bit length forms with multi-byte backlens', () => {
    const lp = new ListpackWriter().reset();
    const els = ['a'.repeat(64), 'b'.repeat(4095), 'c'.repeat(4096), 'd'.repeat(20000)];
    for (const e of els) lp.append(Buffer.from(e));
    const bytes = lp.finish();
    assert.equal(bytes.readUInt32LE(0), bytes.length);
    assert.equal(bytes.readUInt16LE(4), 4);
    assert.deepEqual(decodeListpack(bytes)!.map(String), els);
  });
  test('a listpack with a wrong size, count, backlen or terminator is refused', () => {
    const lp = new ListpackWriter().reset();
    lp.append(Buffer.from('abc'));
    const good = Buffer.from(lp.finish());
    for (const [at, v] of [[0, 99], [4, 2], [10, 9], [good.length - 1, 0]] as const) {
      const bad = Buffer.from(good);
      bad[at] = v;
      assert.equal(decodeListpack(bad), null, `byte ${at}`);
    }
  });
  test('intsets keep their width and refuse bad lengths and order', () => {
    const b = encodeIntset(8, [-1, 2, 3]);
    assert.equal(b.toString('hex'), '0800000003000000' + 'ffffffffffffffff' + '0200000000000000' + '0300000000000000');
    assert.deepEqual(decodeIntset(b), { width: 8, values: [-1n, 2n, 3n] });
    assert.equal(decodeIntset(encodeIntset(2, [3, 2])), null);
    assert.equal(decodeIntset(b.subarray(0, b.length - 1)), null);
  });
});

describe('RDB primitives', () => {
  test('lengths use the 6, 14, 32 and 64-bit forms', () => {
    const w = new RdbWriter();
    for (const n of [0, 63, 64, 16383, 16384, 2 ** 32 - 1, 2 ** 32]) w.length(n);
    const r = new RdbReader(w.bytes());
    for (const n of [0, 63, 64, 16383, 16384, 2 ** 32 - 1, 2 ** 32]) assert.equal(r.length(), n);
    assert.equal(w.bytes().subarray(0, 5).toString('hex'), '003f4040' + '7f');
  });
  test('strings use the int8/16/32 encodings up to 11 bytes, LZF past 20 bytes when it saves space, else raw', () => {
    const hexOf = (s: string): string => {
      const w = new RdbWriter();
      lzfReset();
      w.string(Buffer.from(s));
      return w.bytes().toString('hex');
    };
    assert.equal(hexOf('-128'), 'c080');
    assert.equal(hexOf('32767'), 'c1ff7f');
    assert.equal(hexOf('2147483647'), 'c2ffffff7f');
    assert.equal(hexOf('2147483648'), '0a32313437343833363438');
    assert.equal(hexOf('007'), '03303037');
    assert.equal(hexOf('a'.repeat(20)), '14' + '61'.repeat(20));
    assert.ok(hexOf('a'.repeat(21)).startsWith('c3'));
  });
  test('d2string prints scores as Redis 7.0 does', () => {
    assert.deepEqual([1, -0, 0, 2.5, 0.1, 1e300, Infinity, -Infinity, 3.14, 1e-5, 123456789012, 2 ** 53].map(d2string),
      ['1', '-0', '0', '2.5', '0.10000000000000001', '1.0000000000000001e+300', 'inf', '-inf', '3.1400000000000001', '1.0000000000000001e-05', '123456789012', '9007199254740992']);
  });
});

describe('values round trip through DUMP payloads', () => {
  const values: RdbValue[] = [
    { kind: 'string', value: Buffer.from('hello') },
    { kind: 'string', value: Buffer.from('x'.repeat(100)) },
    { kind: 'string', value: 123456789012345n },
    { kind: 'list', items: Array.from({ length: 2000 }, (_, i) => Buffer.from(`v${i}`)), fill: -2 },
    { kind: 'set', members: [], intset: { width: 4, values: [1n, 70000n] } },
    { kind: 'set', members: [Buffer.from('a'), Buffer.from('b')], intset: null },
    { kind: 'zset', members: [Buffer.from('a'), Buffer.from('b')], scores: [1.5, 2], compact: true },
    { kind: 'zset', members: [Buffer.from('a'), Buffer.from('b')], scores: [-Infinity, 0.1], compact: false },
    { kind: 'hash', fields: [Buffer.from('f'), Buffer.from('n')], values: [Buffer.from('v'), Buffer.from('12')], compact: true },
    { kind: 'hash', fields: [Buffer.from('f')], values: [Buffer.from('')], compact: false },
  ];
  for (const v of values) {
    test(`a ${v.kind}${'compact' in v && v.compact ? ' (listpack)' : ''} comes back the same`, () => {
      const p = createDumpPayload(v, true);
      assert.ok(verifyDumpPayload(p));
      const back = parseDumpPayload(p)!;
      const norm = (x: RdbValue) => JSON.stringify(x, (_k, y: unknown) => (typeof y === 'bigint' ? y.toString() : y));
      const want = v.kind === 'string' && typeof v.value === 'bigint' ? { kind: 'string', value: Buffer.from(v.value.toString()) } : v;
      const got = back.kind === 'list' ? { ...back, fill: (v as { fill: number }).fill } : back;
      assert.equal(norm(got), norm(want as RdbValue));
    });
  }
  test('a flipped bit, a newer version or a short payload fails verification', () => {
    const p = createDumpPayload({ kind: 'string', value: Buffer.from('bar') }, true);
    for (let i = 0; i < p.length; i++) {
      const bad = Buffer.from(p);
      bad[i] ^= 0x10;
      assert.equal(verifyDumpPayload(bad), false, `byte ${i}`);
    }
    assert.equal(verifyDumpPayload(p.subarray(0, 9)), false);
  });
  test('an unknown type reads as bad data', () => {
    assert.equal(readValue(99, new RdbReader(Buffer.from([0]))), null);
    const w = new RdbWriter();
    writeValue(w, { kind: 'set', members: [Buffer.from('a'), Buffer.from('a')], intset: null });
    const b = w.bytes();
    assert.equal(readValue(b[0]!, new RdbReader(b, 1)), null);
  });
});
