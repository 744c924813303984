/**
 * Tensor element types of KV chunks (the names LMCache and PyTorch use) and
 * hand-written half-float codecs: fp16 and bf16 to and from float32, with
 * IEEE round-to-nearest-even on encode. No dependency; tables are built once.
 */

/** Element type codes as stored in a chunk record (one byte; never renumber). */
export const enum DType {
  FLOAT16 = 1,
  BFLOAT16 = 2,
  FLOAT32 = 3,
  UINT8 = 4,
  FLOAT8_E4M3FN = 5,
  FLOAT8_E5M2 = 6,
}

/** Canonical names, indexed by DType (what KV.INFO and errors print). */
export const DTYPE_NAMES: readonly string[] = ['', 'float16', 'bfloat16', 'float32', 'uint8', 'float8_e4m3fn', 'float8_e5m2'];

/** Bytes per element, indexed by DType. */
export const DTYPE_BYTES: readonly number[] = [0, 2, 2, 4, 1, 1, 1];

const ALIASES = new Map<string, DType>([
  ['float16', DType.FLOAT16], ['fp16', DType.FLOAT16], ['half', DType.FLOAT16],
  ['bfloat16', DType.BFLOAT16], ['bf16', DType.BFLOAT16],
  ['float32', DType.FLOAT32], ['fp32', DType.FLOAT32], ['float', DType.FLOAT32],
  ['uint8', DType.UINT8],
  ['float8_e4m3fn', DType.FLOAT8_E4M3FN], ['fp8_e4m3fn', DType.FLOAT8_E4M3FN],
  ['float8_e5m2', DType.FLOAT8_E5M2], ['fp8_e5m2', DType.FLOAT8_E5M2],
]);

/** A dtype name (case-insensitive; PyTorch and LMCache spellings) → its code, or 0 when unknown. */
export function parseDType(name: string): DType | 0 {
  return ALIASES.get(name.toLowerCase()) ?? 0;
}

/** Whether int8 quantization applies to this dtype (the half-float KV tensors). */
export function isHalf(d: DType): boolean {
  return d === DType.FLOAT16 || d === DType.BFLOAT16;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** fp16 bits → value, for all 65536 patterns (256 KiB, built on first use). */
let halfTable: Float32Array | null = null;

function buildHalfTable(): Float32Array {
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    if (exp === 0) t[h] = sign * mant * 2 ** -24;
    else if (exp === 31) t[h] = mant === 0 ? sign * Infinity : NaN;
    else t[h] = sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  return t;
}

/** The fp16 decode table (index: the 16 bits). */
export function halfToFloatTable(): Float32Array {
  return (halfTable ??= buildHalfTable());
}

/** fp16 bits → number. */
export function halfToFloat(h: number): number {
  return halfToFloatTable()[h & 0xffff]!;
}

/** number → fp16 bits, rounding to nearest even; overflow gives ±Inf, NaN stays NaN. */
export function floatToHalf(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    // Subnormal half (or zero): shift the implicit-1 mantissa right, rounding to nearest even.
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let m = mant >>> shift;
    if (rest > half || (rest === half && (m & 1) !== 0)) m++;
    return sign | m;
  }
  const rest = mant & 0x1fff;
  let m = mant >>> 13;
  if (rest > 0x1000 || (rest === 0x1000 && (m & 1) !== 0)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 31) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

/** bf16 bits → number (the upper half of a float32). */
export function bf16ToFloat(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

/** number → bf16 bits, rounding to nearest even; NaN stays NaN. */
export function floatToBf16(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  if ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0) return ((b >>> 16) | 0x40) & 0xffff;
  return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff;
}
