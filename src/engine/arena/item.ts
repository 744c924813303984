/**
 * The item layout inside an arena chunk, and the byte helpers that read and
 * write it without making view objects:
 *
 *   +------------+------------+-----------+-------------+
 *   | keyLen u32 | valLen u32 | key bytes | value bytes |   (little-endian)
 *   +------------+------------+-----------+-------------+
 *
 * valLen is 0 when the value is not inline (ints, big strings, other types).
 */

/** Bytes before the key: key length and value length. */
export const HEADER = 8;

export function readU32(b: Uint8Array, off: number): number {
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
}

export function writeU32(b: Uint8Array, off: number, v: number): void {
  b[off] = v & 255;
  b[off + 1] = (v >>> 8) & 255;
  b[off + 2] = (v >>> 16) & 255;
  b[off + 3] = v >>> 24;
}

/** Copies small ranges with a loop (no view objects), larger ones natively. */
export function copyBytes(src: Uint8Array, from: number, len: number, dst: Uint8Array, to: number): void {
  if (len <= 16) {
    for (let i = 0; i < len; i++) dst[to + i] = src[from + i]!;
  } else if (Buffer.isBuffer(src)) {
    src.copy(dst, to, from, from + len);
  } else {
    dst.set(src.subarray(from, from + len), to);
  }
}
