// The chunk record codec and its byte layout (src/kvcache/record.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DType } from '../../src/kvcache/dtype.js';
import { Quant } from '../../src/kvcache/quantize.js';
import {
  FIXED_HEADER, MAGIC, NO_AXIS, RecordHeader, decodeHeader, encodeRecord, formatShape, hashMatches, headerBytes, metaMatches, parseShape,
} from '../../src/kvcache/record.js';

const hash = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const meta = { dtype: DType.FLOAT16, shape: { dims: [2, 3, 0, 4], tokenAxis: 2 } };

describe('chunk record', () => {
  test('sizes: a 40-byte fixed header, 4 bytes per dim, the model, padding to 4, then the tensor', () => {
    assert.equal(FIXED_HEADER, 40);
    assert.equal(headerBytes(4, 1), 60);
    assert.equal(headerBytes(4, 4), 60);
    assert.equal(headerBytes(4, 5), 64);
    assert.equal(headerBytes(1, 0), 44);
    const payload = Buffer.alloc(2 * 3 * 5 * 4 * 2, 7);
    const rec = encodeRecord(meta, Quant.NONE, 5, Buffer.from('llama'), hash, payload, 0);
    assert.equal(rec.length, 64 + payload.length);
  });

  test('the header fields sit where the diagram says', () => {
    const payload = Buffer.alloc(2 * 3 * 5 * 4 * 2, 7);
    const rec = encodeRecord(meta, Quant.NONE, 5, Buffer.from('llama'), hash, payload, 0);
    assert.equal(rec.toString('latin1', 0, 4), 'NKVC');
    assert.equal(rec.readUInt32LE(0), MAGIC);
    assert.deepEqual([rec[4], rec[5], rec[6], rec[7]], [1, DType.FLOAT16, Quant.NONE, 4]);
    assert.equal(rec.readUInt32LE(8), 5);
    assert.equal(rec.readUInt16LE(12), 5);
    assert.equal(rec[14], 2);
    assert.deepEqual(rec.subarray(16, 32), hash);
    assert.deepEqual([rec.readUInt32LE(32), rec.readUInt32LE(36)], [0, 0]);
    assert.deepEqual([0, 1, 2, 3].map((i) => rec.readUInt32LE(40 + 4 * i)), [2, 3, 5, 4]);
    assert.equal(rec.toString('latin1', 56, 61), 'llama');
    assert.deepEqual(rec.subarray(64), payload);
  });

  test('decoding gives back the metadata, and checks it against what a reader asks', () => {
    const payload = Buffer.alloc(2 * 3 * 5 * 4 * 2);
    const rec = encodeRecord(meta, Quant.NONE, 5, Buffer.from('m'), hash, payload, 0);
    const h = new RecordHeader();
    assert.ok(decodeHeader(rec, 0, rec.length, h));
    assert.deepEqual([h.dtype, h.ndim, h.tokens, h.tokenAxis, h.elements], [DType.FLOAT16, 4, 5, 2, 120]);
    assert.ok(hashMatches(rec, h, hash));
    assert.ok(!hashMatches(rec, h, Buffer.alloc(16)));
    assert.ok(metaMatches(h, meta));
    assert.ok(!metaMatches(h, { ...meta, dtype: DType.BFLOAT16 }));
    assert.ok(!metaMatches(h, { dtype: DType.FLOAT16, shape: { dims: [2, 3, 0, 8], tokenAxis: 2 } }));
    assert.ok(!metaMatches(h, { dtype: DType.FLOAT16, shape: { dims: [2, 3, 5, 4], tokenAxis: -1 } }));
    assert.ok(!metaMatches(h, { dtype: DType.FLOAT16, shape: { dims: [6, 0, 4], tokenAxis: 1 } }));
  });

  test('a shape without a token axis is stored as given', () => {
    const m = { dtype: DType.UINT8, shape: { dims: [16], tokenAxis: -1 } };
    const rec = encodeRecord(m, Quant.NONE, 3, Buffer.from('m'), hash, Buffer.alloc(16), 0);
    const h = new RecordHeader();
    assert.ok(decodeHeader(rec, 0, rec.length, h));
    assert.equal(h.tokenAxis, NO_AXIS);
    assert.ok(metaMatches(h, m));
  });

  test('truncated, extended, foreign or future-version bytes are not a record', () => {
    const payload = Buffer.alloc(2 * 3 * 5 * 4 * 2);
    const rec = encodeRecord(meta, Quant.NONE, 5, Buffer.from('m'), hash, payload, 0);
    const h = new RecordHeader();
    for (let cut = 0; cut < rec.length; cut += 7) assert.ok(!decodeHeader(rec, 0, cut, h), `cut at ${cut}`);
    assert.ok(!decodeHeader(Buffer.concat([rec, Buffer.alloc(1)]), 0, rec.length + 1, h));
    assert.ok(!decodeHeader(Buffer.from('hello world, this is not a chunk record at all'), 0, 46, h));
    for (const [at, v] of [[4, 2], [5, 0], [5, 99], [6, 3], [7, 0], [7, 9], [14, 4]] as const) {
      const bad = Buffer.from(rec);
      bad[at] = v;
      assert.ok(!decodeHeader(bad, 0, bad.length, h), `byte ${at} = ${v}`);
    }
  });

  test('shapes parse with one optional token axis and print back the same', () => {
    assert.deepEqual(parseShape('2,32,*,1024'), { dims: [2, 32, 0, 1024], tokenAxis: 2 });
    assert.equal(formatShape(parseShape('2,32,*,1024')!), '2,32,*,1024');
    assert.deepEqual(parseShape('7'), { dims: [7], tokenAxis: -1 });
    for (const bad of ['', '0', '-1', '*,*', '1,2,3,4,5,6,7,8,9', '2,x', '2.5', '4294967296', '1,,2']) assert.equal(parseShape(bad), null, bad);
  });
});
