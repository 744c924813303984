/**
 * Synthetic KV tensors shaped like real ones, for the quantization error
 * figures and tests: layout [2 (K,V), layers, tokens, channels], values
 * N(0, 1) from a seeded generator, and in K a few outlier channels (the same
 * channels in every token, as real keys have) scaled by 10–30×.
 */
import { DType, floatToBf16, floatToHalf } from '../../src/kvcache/dtype.js';
import { mulberry32 } from '../hitratio/traces.js';

/** A seeded uniform generator in [0, 1) (mulberry32). */
export const rng = mulberry32;

/** Standard normal samples (Box–Muller). */
export function normal(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface KvTensorSpec {
  layers: number;
  tokens: number;
  channels: number;
  /** Fraction of K channels that are outliers (default 0.02). */
  outlierFraction?: number;
  seed?: number;
}

/** The tensor as half-float bytes (little-endian) in `dtype`, and the exact values those bytes hold. */
export function kvTensor(dtype: DType, spec: KvTensorSpec): { bytes: Buffer; values: Float64Array } {
  const { layers, tokens, channels } = spec;
  const rand = rng(spec.seed ?? 1);
  const gauss = normal(rand);
  const outlier = new Float64Array(channels).fill(1);
  const nOut = Math.max(1, Math.round(channels * (spec.outlierFraction ?? 0.02)));
  for (let k = 0; k < nOut; k++) outlier[Math.floor(rand() * channels)] = 10 + 20 * rand();
  const n = 2 * layers * tokens * channels;
  const bytes = Buffer.allocUnsafe(2 * n);
  const encode = dtype === DType.FLOAT16 ? floatToHalf : floatToBf16;
  for (let i = 0; i < n; i++) {
    const c = i % channels;
    const isKey = i < n / 2;
    const h = encode(gauss() * (isKey ? outlier[c]! : 1));
    bytes[2 * i] = h & 0xff;
    bytes[2 * i + 1] = h >>> 8;
  }
  return { bytes, values: decodeHalves(dtype, bytes) };
}

/** The values of little-endian half-float bytes. */
export function decodeHalves(dtype: DType, bytes: Uint8Array): Float64Array {
  const out = new Float64Array(bytes.length / 2);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < out.length; i++) {
    const h = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    if (dtype === DType.BFLOAT16) {
      u[0] = h << 16;
      out[i] = f[0]!;
    } else {
      const e = (h >>> 10) & 31;
      const m = h & 1023;
      const s = h & 0x8000 ? -1 : 1;
      out[i] = e === 0 ? s * m * 2 ** -24 : e === 31 ? (m ? NaN : s * Infinity) : s * (1 + m / 1024) * 2 ** (e - 15);
    }
  }
  return out;
}

/** Reconstruction error of `got` against `want`: max abs, RMS, and both relative to the data's RMS. */
export function errorStats(want: Float64Array, got: Float64Array): { maxAbs: number; rms: number; dataRms: number } {
  let max = 0;
  let sq = 0;
  let dsq = 0;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(want[i]! - got[i]!);
    if (d > max) max = d;
    sq += d * d;
    dsq += want[i]! * want[i]!;
  }
  return { maxAbs: max, rms: Math.sqrt(sq / want.length), dataRms: Math.sqrt(dsq / want.length) };
}
