// Bitmap arithmetic and the HyperLogLog layout, checked against naive versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countBits, findBit, getUnsigned, setBits } from '../../../src/engine/types/bitmap.js';
import { HLL_DENSE_SIZE, HLL_REGISTERS, HllWork, denseGet, denseSetReg } from '../../../src/engine/types/hyperloglog.js';

function bitAt(b: Uint8Array, i: number): number {
  return (b[i >> 3]! >> (7 - (i & 7))) & 1;
}

test('countBits and findBit agree with a bit-by-bit scan over every range of a small bitmap', () => {
  const b = Uint8Array.from([0x00, 0xff, 0x5a, 0x80, 0x01, 0xfe]);
  const n = b.length * 8;
  for (let first = 0; first < n; first++) {
    for (let last = first; last < n; last++) {
      let count = 0;
      let one = -1;
      let zero = -1;
      for (let i = first; i <= last; i++) {
        count += bitAt(b, i);
        if (one < 0 && bitAt(b, i) === 1) one = i;
        if (zero < 0 && bitAt(b, i) === 0) zero = i;
      }
      assert.equal(countBits(b, 0, first, last), count);
      assert.equal(findBit(b, 0, first, last, 1), one);
      assert.equal(findBit(b, 0, first, last, 0), zero);
    }
  }
});

test('setBits then getUnsigned round-trips fields of every width at unaligned offsets', () => {
  const b = new Uint8Array(16);
  for (let bits = 1; bits <= 64; bits++) {
    const v = BigInt.asUintN(bits, 0x9e3779b97f4a7c15n);
    setBits(b, 0, 3, bits, v);
    assert.equal(getUnsigned(b, 0, b.length, 3, bits), v);
  }
});

test('a dense HLL is 12304 bytes and its 6-bit registers do not overlap', () => {
  assert.equal(HLL_DENSE_SIZE, 16 + 12288);
  const regs = new Uint8Array(HLL_DENSE_SIZE - 16);
  for (let i = 0; i < HLL_REGISTERS; i++) denseSetReg(regs, 0, i, (i * 7) % 64);
  for (let i = 0; i < HLL_REGISTERS; i++) assert.equal(denseGet(regs, 0, i), (i * 7) % 64);
});

test('an empty HLL is 18 bytes: the header and one XZERO opcode covering all 16384 registers', () => {
  const w = new HllWork().initEmpty();
  assert.equal(w.buf.subarray(0, w.len).toString('latin1'), 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x7f\xff');
  assert.ok(w.toDense());
  assert.equal(w.len, HLL_DENSE_SIZE);
});
