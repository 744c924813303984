/**
 * Random access into a list blob (a listpack): blobEntries() records where
 * each entry of one blob lies in three reused arrays, so list operations
 * address entries by index (pop from the tail, LINDEX, LPOS from the end)
 * after one O(n) walk. The index is valid for that blob until the next call.
 */
import { LpCursor, lpCount } from './listpack.js';

/** A blob's bytes: mem[at, end). */
export interface BlobView {
  mem: Uint8Array;
  at: number;
  end: number;
}

let heads = new Int32Array(1024);
let starts = new Int32Array(1024);
let ends = new Int32Array(1024);
const cursor = new LpCursor();

/** Number of elements of the blob at mem[at]. */
export function blobCount(mem: Uint8Array, at: number): number {
  return lpCount(mem, at);
}

/** Indexes every entry of the blob; returns the count. */
export function blobEntries(v: BlobView): number {
  const n = cursor.reset(v.mem, v.at);
  if (n > heads.length) {
    let cap = heads.length;
    while (cap < n) cap *= 2;
    heads = new Int32Array(cap);
    starts = new Int32Array(cap);
    ends = new Int32Array(cap);
  }
  for (let i = 0; cursor.next(); i++) {
    heads[i] = cursor.entry;
    starts[i] = cursor.start;
    ends[i] = cursor.end;
  }
  return n;
}

/** Offset of entry i's length varint (where its raw bytes begin). */
export function entryHead(i: number): number {
  return heads[i]!;
}
/** Offset of entry i's data. */
export function entryStart(i: number): number {
  return starts[i]!;
}
/** Offset just after entry i. */
export function entryEnd(i: number): number {
  return ends[i]!;
}
