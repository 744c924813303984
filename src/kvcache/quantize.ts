/**
 * Lossy int8 compression of fp16/bf16 KV tensors: symmetric, one float32
 * scale per block of BLOCK consecutive elements (int8-block) or per channel,
 * a channel being every position off the token axis (int8-channel, KIVI's
 * per-channel keys). q = round(x / s), s = max|x| / 127, so |x − q·s| ≤ s/2
 * before the final rounding back to the half type. Non-finite inputs cannot
 * be quantized: quantize() then returns false and the caller stores raw.
 */
import { DType, bf16ToFloat, floatToBf16, floatToHalf, halfToFloatTable } from './dtype.js';

/** Quantization scheme codes as stored in a chunk record (never renumber). */
export const enum Quant {
  NONE = 0,
  INT8_BLOCK = 1,
  INT8_CHANNEL = 2,
}

export const QUANT_NAMES: readonly string[] = ['none', 'int8-block', 'int8-channel'];

/** Elements per int8-block scale: 64 int8 bytes + one 4-byte scale replace 128 half bytes (53 % of the original size). */
export const BLOCK = 64;

/** A scheme name → its code, or -1 when unknown. */
export function parseQuant(name: string): Quant | -1 {
  const i = QUANT_NAMES.indexOf(name.toLowerCase());
  return i < 0 ? -1 : (i as Quant);
}

/** The tensor viewed as [outer, tokens, inner] (the token axis in the middle); without a token axis, tokens = 1. */
export interface TensorView {
  outer: number;
  tokens: number;
  inner: number;
}

/** Scales a scheme needs for `n` elements of this view. */
export function scaleCount(q: Quant, n: number, v: TensorView): number {
  if (q === Quant.INT8_BLOCK) return Math.ceil(n / BLOCK);
  if (q === Quant.INT8_CHANNEL) return v.outer * v.inner;
  return 0;
}

/** Reads element i of a half tensor at src[off..] as a number. */
function reader(dtype: DType): (src: Uint8Array, at: number) => number {
  if (dtype === DType.FLOAT16) {
    const t = halfToFloatTable();
    return (src, at) => t[src[at]! | (src[at + 1]! << 8)]!;
  }
  return (src, at) => bf16ToFloat(src[at]! | (src[at + 1]! << 8));
}

/**
 * Quantizes n half-float elements from src[so..] into int8 at dst[qo..] and
 * float32 scales into `scales`; false (nothing meaningful written) when an
 * element is NaN or infinite.
 */
export function quantize(
  q: Quant, dtype: DType, src: Uint8Array, so: number, n: number, v: TensorView,
  scales: Float32Array, dst: Uint8Array, qo: number,
): boolean {
  const read = reader(dtype);
  if (q === Quant.INT8_BLOCK) {
    for (let b = 0, s = 0; b < n; b += BLOCK, s++) {
      const e = Math.min(n, b + BLOCK);
      let max = 0;
      for (let i = b; i < e; i++) {
        const a = Math.abs(read(src, so + 2 * i));
        if (!(a <= 3.4e38)) return false;
        if (a > max) max = a;
      }
      scales[s] = max / 127;
      const inv = max === 0 ? 0 : 127 / max;
      for (let i = b; i < e; i++) dst[qo + i] = Math.round(read(src, so + 2 * i) * inv) & 0xff;
    }
    return true;
  }
  // int8-channel: element (o, t, c) is at (o·T + t)·C + c; its scale at o·C + c.
  const { outer, tokens, inner } = v;
  scales.fill(0, 0, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < tokens; t++) {
      const row = (o * tokens + t) * inner;
      for (let c = 0; c < inner; c++) {
        const a = Math.abs(read(src, so + 2 * (row + c)));
        if (!(a <= 3.4e38)) return false;
        if (a > scales[o * inner + c]!) scales[o * inner + c] = a;
      }
    }
  }
  const inv = new Float32Array(outer * inner);
  for (let i = 0; i < inv.length; i++) {
    const m = scales[i]!;
    inv[i] = m === 0 ? 0 : 127 / m;
    scales[i] = m / 127;
  }
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < tokens; t++) {
      const row = (o * tokens + t) * inner;
      for (let c = 0; c < inner; c++) dst[qo + row + c] = Math.round(read(src, so + 2 * (row + c)) * inv[o * inner + c]!) & 0xff;
    }
  }
  return true;
}

/**
 * Reconstructs n half-float elements (little-endian, 2 bytes each) into
 * dst[do..] from int8 at src[qo..] and the scales.
 */
export function dequantize(
  q: Quant, dtype: DType, src: Uint8Array, qo: number, n: number, v: TensorView,
  scales: Float32Array, dst: Uint8Array, dOff: number,
): void {
  const encode = dtype === DType.FLOAT16 ? floatToHalf : floatToBf16;
  const write = (i: number, x: number): void => {
    const h = encode(x);
    dst[dOff + 2 * i] = h & 0xff;
    dst[dOff + 2 * i + 1] = h >>> 8;
  };
  if (q === Quant.INT8_BLOCK) {
    for (let i = 0; i < n; i++) write(i, ((src[qo + i]! << 24) >> 24) * scales[(i / BLOCK) | 0]!);
    return;
  }
  const { outer, tokens, inner } = v;
  for (let o = 0; o < outer; o++) {
    for (let t = 0; t < tokens; t++) {
      const row = (o * tokens + t) * inner;
      for (let c = 0; c < inner; c++) write(row + c, ((src[qo + row + c]! << 24) >> 24) * scales[o * inner + c]!);
    }
  }
}
