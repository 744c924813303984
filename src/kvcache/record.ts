/**
 * The chunk record: the string value stored under a chunk key, a versioned
 * header followed by the tensor bytes. Integers are little-endian. Readers
 * check every field against the value's length before trusting it, so a key
 * overwritten by a plain SET reads as "not a chunk record", never as garbage.
 *
 *  offset size
 *   0      4   magic "NKVC"
 *   4      1   version (1)
 *   5      1   dtype (DType: the tensor's type as PUT gave it)
 *   6      1   quantization (Quant: 0 none, 1 int8-block, 2 int8-channel)
 *   7      1   ndim (1..8)
 *   8      4   tokens in this chunk (u32)
 *  12      2   model length in bytes (u16)
 *  14      1   token axis (0..ndim-1), 255 = none
 *  15      1   reserved, 0
 *  16     16   chunk hash (binds the record to its key: a RENAME is detected)
 *  32      4   quantization parameter (int8-block: elements per scale; else 0)
 *  36      4   number of scales (u32)
 *  40  4·ndim  dims (u32 each): this chunk's shape, token axis filled in
 *   …    mlen  model name (bytes)
 *   …    0..3  zero padding to a multiple of 4
 *   … 4·scales scales (float32)
 *   …          payload: elements × dtype bytes (raw) or elements × 1 (int8)
 */
import { DTYPE_BYTES, DTYPE_NAMES, type DType } from './dtype.js';
import { BLOCK, Quant, dequantize, quantize, scaleCount, type TensorView } from './quantize.js';
import { HASH_BYTES } from './prefix-hash.js';

export const MAGIC = 0x43564b4e; // "NKVC" read as a little-endian u32
export const VERSION = 1;
/** Bytes before the dims. */
export const FIXED_HEADER = 40;
export const MAX_DIMS = 8;
export const NO_AXIS = 255;

/** A tensor shape as PUT and GET give it: dims, with the token axis (if any) left for each chunk to fill. */
export interface Shape {
  /** Dims; the entry at tokenAxis is ignored (each chunk has its own token count). */
  dims: readonly number[];
  /** Index of the token dimension, or -1 when every chunk has exactly `dims`. */
  tokenAxis: number;
}

/** What a chunk is: its element type and shape (the metadata GET checks). */
export interface TensorMeta {
  dtype: DType;
  shape: Shape;
}

/** A decoded header (reused: one per store). Offsets are absolute in the memory given to decode(). */
export class RecordHeader {
  dtype: DType = 1 as DType;
  quant: Quant = Quant.NONE;
  ndim = 0;
  tokens = 0;
  tokenAxis = NO_AXIS;
  readonly dims = new Uint32Array(MAX_DIMS);
  hashAt = 0;
  modelAt = 0;
  modelLen = 0;
  scaleParam = 0;
  scales = 0;
  scalesAt = 0;
  dataAt = 0;
  dataEnd = 0;
  /** Elements in the tensor. */
  elements = 0;
}

/** Parses a "2,32,*,1024" shape; null when malformed (1..8 dims, positive integers, at most one '*'). */
export function parseShape(text: string): Shape | null {
  const parts = text.split(',');
  if (parts.length < 1 || parts.length > MAX_DIMS) return null;
  const dims: number[] = [];
  let tokenAxis = -1;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!.trim();
    if (p === '*') {
      if (tokenAxis >= 0) return null;
      tokenAxis = i;
      dims.push(0);
      continue;
    }
    if (!/^[1-9][0-9]{0,9}$/.test(p) || Number(p) > 0x7fffffff) return null;
    dims.push(Number(p));
  }
  return { dims, tokenAxis };
}

/** A template shape as text: "2,32,*,1024". */
export function formatShape(s: Shape): string {
  return s.dims.map((d, i) => (i === s.tokenAxis ? '*' : String(d))).join(',');
}

function viewOf(dims: ArrayLike<number>, ndim: number, axis: number, tokens: number): TensorView {
  if (axis < 0 || axis === NO_AXIS) {
    let n = 1;
    for (let i = 0; i < ndim; i++) n *= dims[i]!;
    return { outer: 1, tokens: 1, inner: n };
  }
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= dims[i]!;
  for (let i = axis + 1; i < ndim; i++) inner *= dims[i]!;
  return { outer, tokens, inner };
}

/** Elements of one chunk of `tokens` tokens with this shape. */
export function elementsOf(s: Shape, tokens: number): number {
  let n = 1;
  for (let i = 0; i < s.dims.length; i++) n *= i === s.tokenAxis ? tokens : s.dims[i]!;
  return n;
}

/** Header bytes of a record (everything before the scales). */
export function headerBytes(ndim: number, modelLen: number): number {
  return (FIXED_HEADER + 4 * ndim + modelLen + 3) & ~3;
}

/**
 * Builds a chunk record from the payload src[so, so + elements × dtype bytes).
 * With a quantization scheme the payload is stored as int8 + scales; a payload
 * holding NaN or infinities is stored raw instead (the record says so).
 */
export function encodeRecord(
  meta: TensorMeta, quant: Quant, tokens: number, model: Uint8Array, hash: Uint8Array,
  src: Uint8Array, so: number,
): Buffer {
  const { dtype, shape } = meta;
  const ndim = shape.dims.length;
  const n = elementsOf(shape, tokens);
  const head = headerBytes(ndim, model.length);
  const write = (q: Quant, scales: number): Buffer => {
    const rec = Buffer.allocUnsafeSlow(head + 4 * scales + (q === Quant.NONE ? n * DTYPE_BYTES[dtype]! : n));
    rec.fill(0, 0, head);
    rec.writeUInt32LE(MAGIC, 0);
    rec[4] = VERSION;
    rec[5] = dtype;
    rec[6] = q;
    rec[7] = ndim;
    rec.writeUInt32LE(tokens, 8);
    rec.writeUInt16LE(model.length, 12);
    rec[14] = shape.tokenAxis < 0 ? NO_AXIS : shape.tokenAxis;
    rec.set(hash.subarray(0, HASH_BYTES), 16);
    rec.writeUInt32LE(q === Quant.INT8_BLOCK ? BLOCK : 0, 32);
    rec.writeUInt32LE(scales, 36);
    for (let i = 0; i < ndim; i++) rec.writeUInt32LE(i === shape.tokenAxis ? tokens : shape.dims[i]!, FIXED_HEADER + 4 * i);
    rec.set(model, FIXED_HEADER + 4 * ndim);
    return rec;
  };
  if (quant !== Quant.NONE) {
    const view = viewOf(shape.dims, ndim, shape.tokenAxis, tokens);
    const count = scaleCount(quant, n, view);
    const scales = new Float32Array(count);
    const rec = write(quant, count);
    if (quantize(quant, dtype, src, so, n, view, scales, rec, head + 4 * count)) {
      for (let i = 0; i < count; i++) rec.writeFloatLE(scales[i]!, head + 4 * i);
      return rec;
    }
  }
  const rec = write(Quant.NONE, 0);
  rec.set(src.subarray(so, so + n * DTYPE_BYTES[dtype]!), head);
  return rec;
}

function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/**
 * Reads the header of the record in mem[start, end) into `h`; false when the
 * bytes are not a well-formed version-1 chunk record.
 */
export function decodeHeader(mem: Uint8Array, start: number, end: number, h: RecordHeader): boolean {
  const len = end - start;
  if (len < FIXED_HEADER) return false;
  const b = mem;
  if (u32(b, start) !== MAGIC || b[start + 4] !== VERSION) return false;
  const dtype = b[start + 5]!;
  const quant = b[start + 6]!;
  const ndim = b[start + 7]!;
  if (dtype < 1 || dtype >= DTYPE_NAMES.length || quant > Quant.INT8_CHANNEL || ndim < 1 || ndim > MAX_DIMS) return false;
  const axis = b[start + 14]!;
  if (axis !== NO_AXIS && axis >= ndim) return false;
  const modelLen = (b[start + 12]! | (b[start + 13]! << 8));
  const head = headerBytes(ndim, modelLen);
  const scales = u32(b, start + 36);
  if (head + 4 * scales > len) return false;
  h.dtype = dtype as DType;
  h.quant = quant as Quant;
  h.ndim = ndim;
  h.tokens = u32(b, start + 8);
  h.tokenAxis = axis;
  let n = 1;
  for (let i = 0; i < ndim; i++) {
    const d = u32(b, start + FIXED_HEADER + 4 * i);
    h.dims[i] = d;
    n *= d;
  }
  h.elements = n;
  h.hashAt = start + 16;
  h.modelAt = start + FIXED_HEADER + 4 * ndim;
  h.modelLen = modelLen;
  h.scaleParam = u32(b, start + 32);
  h.scales = scales;
  h.scalesAt = start + head;
  h.dataAt = start + head + 4 * scales;
  h.dataEnd = end;
  const view = viewOf(h.dims, ndim, axis, h.tokens);
  const want = quant === Quant.NONE ? n * DTYPE_BYTES[dtype]! : n;
  if (h.dataEnd - h.dataAt !== want) return false;
  if (quant !== Quant.NONE) {
    if (dtype !== 1 && dtype !== 2) return false;
    if (quant === Quant.INT8_BLOCK && h.scaleParam !== BLOCK) return false;
    if (quant === Quant.INT8_CHANNEL && axis === NO_AXIS) return false;
    if (scales !== scaleCount(quant, n, view)) return false;
  }
  return true;
}

/** Whether the record's hash is `hash`. */
export function hashMatches(mem: Uint8Array, h: RecordHeader, hash: Uint8Array): boolean {
  for (let i = 0; i < HASH_BYTES; i++) if (mem[h.hashAt + i] !== hash[i]) return false;
  return true;
}

/** Whether the record holds `meta` (dtype, then every dim, the token axis standing for the chunk's tokens). */
export function metaMatches(h: RecordHeader, meta: TensorMeta): boolean {
  const s = meta.shape;
  if (h.dtype !== meta.dtype || h.ndim !== s.dims.length) return false;
  if ((s.tokenAxis < 0 ? NO_AXIS : s.tokenAxis) !== h.tokenAxis) return false;
  for (let i = 0; i < h.ndim; i++) if (i !== s.tokenAxis && h.dims[i] !== s.dims[i]) return false;
  return true;
}

/** "bfloat16 [2,4,256,64]": what a record holds, for mismatch errors. */
export function describeRecord(h: RecordHeader): string {
  return `${DTYPE_NAMES[h.dtype]} [${Array.from(h.dims.subarray(0, h.ndim)).join(',')}]`;
}

/** Payload bytes GET returns for this record (the tensor in its own dtype). */
export function tensorBytes(h: RecordHeader): number {
  return h.elements * DTYPE_BYTES[h.dtype]!;
}

/** The tensor of a quantized record, reconstructed in its dtype (allocates the result). */
export function reconstruct(mem: Uint8Array, h: RecordHeader): Buffer {
  const b = mem as Buffer;
  const scales = new Float32Array(h.scales);
  for (let i = 0; i < h.scales; i++) scales[i] = b.readFloatLE(h.scalesAt + 4 * i);
  const out = Buffer.allocUnsafe(tensorBytes(h));
  const view = viewOf(h.dims, h.ndim, h.tokenAxis, h.tokens);
  dequantize(h.quant, h.dtype, mem, h.dataAt, h.elements, view, scales, out, 0);
  return out;
}
