// Half-float codecs (src/kvcache/dtype.ts) and int8 quantization (src/kvcache/quantize.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DType, bf16ToFloat, floatToBf16, floatToHalf, halfToFloat } from '../../src/kvcache/dtype.js';
import { BLOCK, Quant } from '../../src/kvcache/quantize.js';
import { RecordHeader, decodeHeader, encodeRecord, reconstruct } from '../../src/kvcache/record.js';
import { decodeHalves, errorStats, kvTensor } from '../../bench/kvcache/kv-data.js';

describe('half floats', () => {
  test('every fp16 bit pattern survives decode then encode (NaNs stay NaN)', () => {
    for (let h = 0; h < 65536; h++) {
      const x = halfToFloat(h);
      if (Number.isNaN(x)) assert.ok(Number.isNaN(halfToFloat(floatToHalf(x))));
      else assert.equal(floatToHalf(x), h, `0x${h.toString(16)}`);
    }
  });

  test('every bf16 bit pattern survives decode then encode', () => {
    for (let h = 0; h < 65536; h++) {
      const x = bf16ToFloat(h);
      if (Number.isNaN(x)) assert.ok(Number.isNaN(bf16ToFloat(floatToBf16(x))));
      else assert.equal(floatToBf16(x), h);
    }
  });

  test('fp16 encoding rounds to nearest even, overflows to infinity and flushes tiny values to zero', () => {
    assert.equal(floatToHalf(1 + 2 ** -11), 0x3c00); // halfway: even mantissa kept
    assert.equal(floatToHalf(1 + 3 * 2 ** -11), 0x3c02);
    assert.equal(floatToHalf(65520), 0x7c00);
    assert.equal(floatToHalf(-1e9), 0xfc00);
    assert.equal(floatToHalf(2 ** -26), 0);
    assert.equal(floatToHalf(2 ** -24), 1);
    assert.equal(floatToHalf(65504), 0x7bff);
  });

  test('bf16 encoding rounds to nearest even', () => {
    assert.equal(floatToBf16(1 + 2 ** -8), 0x3f80);
    assert.equal(floatToBf16(1 + 3 * 2 ** -8), 0x3f82);
  });
});

function roundTrip(dtype: DType, quant: Quant, bytes: Buffer, tokens: number, channels: number): Float64Array {
  const meta = { dtype, shape: { dims: [2, 2, 0, channels], tokenAxis: 2 } };
  const rec = encodeRecord(meta, quant, tokens, Buffer.from('m'), Buffer.alloc(16), bytes, 0);
  const h = new RecordHeader();
  assert.ok(decodeHeader(rec, 0, rec.length, h));
  assert.equal(h.quant, quant);
  return decodeHalves(dtype, reconstruct(rec, h));
}

describe('int8 quantization', () => {
  const tokens = 64;
  const channels = 128;
  for (const dtype of [DType.FLOAT16, DType.BFLOAT16]) {
    const name = dtype === DType.FLOAT16 ? 'float16' : 'bfloat16';
    const { bytes, values } = kvTensor(dtype, { layers: 2, tokens, channels, seed: 7 });
    // Half of a final rounding step to the half type, relative.
    const ulp = dtype === DType.FLOAT16 ? 2 ** -11 : 2 ** -8;

    test(`int8-block on ${name}: every element within half a step of its block's scale`, () => {
      const got = roundTrip(dtype, Quant.INT8_BLOCK, bytes, tokens, channels);
      for (let b = 0; b < values.length; b += BLOCK) {
        let max = 0;
        for (let i = b; i < b + BLOCK; i++) max = Math.max(max, Math.abs(values[i]!));
        const bound = (max / 127) * 0.5 * (1 + 1e-6) + 1e-7;
        for (let i = b; i < b + BLOCK; i++) {
          assert.ok(Math.abs(values[i]! - got[i]!) <= bound + Math.abs(got[i]!) * ulp, `element ${i}: ${values[i]} → ${got[i]}`);
        }
      }
    });

    test(`int8-channel on ${name}: every element within half a step of its channel's scale`, () => {
      const got = roundTrip(dtype, Quant.INT8_CHANNEL, bytes, tokens, channels);
      const outer = 4;
      for (let o = 0; o < outer; o++) {
        for (let c = 0; c < channels; c++) {
          let max = 0;
          for (let t = 0; t < tokens; t++) max = Math.max(max, Math.abs(values[(o * tokens + t) * channels + c]!));
          const bound = (max / 127) * 0.5 * (1 + 1e-6) + 1e-7;
          for (let t = 0; t < tokens; t++) {
            const i = (o * tokens + t) * channels + c;
            assert.ok(Math.abs(values[i]! - got[i]!) <= bound + Math.abs(got[i]!) * ulp, `element ${i}`);
          }
        }
      }
    });

    test(`int8 on ${name} with outlier channels: RMS error under 2 % of the data's RMS per block, under 1 % per channel`, () => {
      for (const [q, limit] of [[Quant.INT8_BLOCK, 0.02], [Quant.INT8_CHANNEL, 0.01]] as const) {
        const e = errorStats(values, roundTrip(dtype, q, bytes, tokens, channels));
        assert.ok(e.rms / e.dataRms < limit, `scheme ${q}: rms ${e.rms} of ${e.dataRms}`);
        assert.ok(e.rms > 0, 'int8 is lossy on this data');
      }
    });
  }

  test('an all-zero tensor reconstructs to zeros', () => {
    const got = roundTrip(DType.FLOAT16, Quant.INT8_BLOCK, Buffer.alloc(2 * 4 * 3 * 8), 3, 8);
    assert.ok(got.every((x) => x === 0));
  });

  test('a tensor holding NaN or infinity is stored raw instead of quantized', () => {
    const bytes = Buffer.alloc(2 * 4 * 2 * 8);
    bytes.writeUInt16LE(0x7c00, 10); // +Inf
    const meta = { dtype: DType.FLOAT16, shape: { dims: [2, 2, 0, 8], tokenAxis: 2 } };
    const rec = encodeRecord(meta, Quant.INT8_BLOCK, 2, Buffer.from('m'), Buffer.alloc(16), bytes, 0);
    const h = new RecordHeader();
    assert.ok(decodeHeader(rec, 0, rec.length, h));
    assert.equal(h.quant, Quant.NONE);
    assert.deepEqual(rec.subarray(h.dataAt), bytes);
  });

  test('quantized records are about 53 % of the raw tensor', () => {
    const { bytes } = kvTensor(DType.BFLOAT16, { layers: 2, tokens: 256, channels: 256 });
    const meta = { dtype: DType.BFLOAT16, shape: { dims: [2, 2, 0, 256], tokenAxis: 2 } };
    const rec = encodeRecord(meta, Quant.INT8_BLOCK, 256, Buffer.from('m'), Buffer.alloc(16), bytes, 0);
    assert.ok(rec.length / bytes.length < 0.54 && rec.length / bytes.length > 0.53, String(rec.length / bytes.length));
  });
});
