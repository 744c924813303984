/**
 * Growable string values for APPEND and SETRANGE without quadratic copying,
 * like sds's free space: a grown value is a view over a larger backing
 * buffer, and the next growth writes past its end in place.
 *
 * Bytes a value already has are never changed: a reply may still hold them
 * (values of 64 KiB or more are queued on the socket without a copy) and
 * another key may share the same Buffer. Each backing buffer records its
 * high-water mark (how far any value built on it reaches); only a value that
 * ends exactly at the mark may grow in place, so two values sharing a
 * backing buffer can never write over each other's bytes.
 */
import { constants } from 'node:buffer';

/** Backing buffers made here, with the end of the bytes in use. */
const highWater = new WeakMap<ArrayBufferLike, number>();

/** The largest Buffer Node can allocate. */
export const MAX_BUFFER = constants.MAX_LENGTH;

const MIN_CAPACITY = 32;
const DOUBLING_LIMIT = 1024 * 1024;

function capacityFor(len: number): number {
  const cap = len < DOUBLING_LIMIT ? Math.max(MIN_CAPACITY, len * 2) : len + (len >>> 1);
  return Math.min(cap, MAX_BUFFER);
}

/**
 * A buffer of `newLen` bytes (newLen >= old.length) whose first old.length
 * bytes are `old`'s; the bytes after them are the caller's to fill (they are
 * not zeroed) and nobody else sees them. Grows in place when it can, else
 * copies into a new backing buffer with room to spare.
 */
export function extendTo(old: Buffer, newLen: number): Buffer {
  const ab = old.buffer;
  const start = old.byteOffset;
  if (highWater.get(ab) === start + old.length && start + newLen <= ab.byteLength) {
    highWater.set(ab, start + newLen);
    return Buffer.from(ab as ArrayBuffer, start, newLen);
  }
  const fresh = Buffer.allocUnsafeSlow(capacityFor(newLen));
  old.copy(fresh, 0, 0, old.length);
  highWater.set(fresh.buffer, newLen);
  return fresh.subarray(0, newLen);
}

/** A new buffer of exactly `len` bytes (not zeroed) that may later grow in place by extendTo. */
export function allocGrowable(len: number): Buffer {
  const fresh = Buffer.allocUnsafeSlow(len);
  highWater.set(fresh.buffer, len);
  return fresh;
}
