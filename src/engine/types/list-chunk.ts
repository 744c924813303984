/**
 * The nodes of a QuickList (./list-quicklist.ts): byte chunks holding runs of
 * elements, the shared spares they are recycled through, and the Packer that
 * builds a run of nodes for every middle edit. A big node (one element over
 * BIG_ELEMENT) owns an exact-size buffer that is never written after it was
 * filled and never recycled, because a reply of >= 64 KiB sends it by reference.
 */
import { copyBytes } from '../copy-bytes.js';

/** Bytes of a standard node's chunk. */
export const CHUNK = 8192;
/** Elements longer than this get a node (and an exact-size buffer) of their own. */
export const BIG_ELEMENT = 4096;
/**
 * Elements a standard node can hold: 16-byte elements (the 1M-element RSS
 * check) fill a chunk's bytes and its boundaries at the same time.
 */
export const NODE_MAX = 512;
/** Estimated bytes of a standard node: chunk, boundaries, node, Buffer and typed-array objects. */
export const STD_NODE_BYTES = CHUNK + (NODE_MAX + 1) * 2 + 240;
/** Estimated bytes of a big node beyond its element (node and Buffer objects). */
export const BIG_NODE_OVERHEAD = 160;
/** Spare standard nodes kept for reuse across all lists (at most ~150 KiB). */
const MAX_SPARES = 16;

/**
 * A run of elements. Standard node: element i is buf[b[first+i], b[first+i+1]);
 * the used bytes sit anywhere in the chunk so both ends can grow:
 *
 *   buf: [ free | e0 | e1 | ... | e(count-1) | free ]   (CHUNK bytes)
 *   b:   [ ...  | first -> start of e0, ..., first+count -> end of last ]
 *
 * Big node: b is null and buf is exactly its one element.
 */
export class Node {
  first = 0;
  count = 0;
  constructor(
    public buf: Buffer,
    public b: Uint16Array | null,
  ) {}
}

const spares: Node[] = [];

/** A standard node, empty, oriented for pushes at its tail (first 0) or head (first NODE_MAX). */
export function takeNode(forHead: boolean): Node {
  const n = spares.pop() ?? new Node(Buffer.allocUnsafeSlow(CHUNK), new Uint16Array(NODE_MAX + 1));
  n.count = 0;
  n.first = forHead ? NODE_MAX : 0;
  n.b![n.first] = forHead ? CHUNK : 0;
  return n;
}

/** Gives a dropped node back: standard chunks are reused, big buffers never (a reply may hold them). */
export function release(n: Node): void {
  if (n.b !== null && spares.length < MAX_SPARES) spares.push(n);
}

/** Estimated bytes the node holds. */
export function nodeBytes(n: Node): number {
  return n.b === null ? n.buf.length + BIG_NODE_OVERHEAD : STD_NODE_BYTES;
}

/** Start of the node's element i. */
export function startOf(n: Node, i: number): number {
  return n.b === null ? 0 : n.b[n.first + i]!;
}

/** End of the node's element i. */
export function endOf(n: Node, i: number): number {
  return n.b === null ? n.buf.length : n.b[n.first + i + 1]!;
}

/** Bytes the node's elements take. */
export function usedBytes(n: Node): number {
  return n.b === null ? n.buf.length : n.b[n.first + n.count]! - n.b[n.first]!;
}


/** Builds a run of nodes from elements appended in order (the output of every middle edit). */
export class Packer {
  out: Node[] = [];

  reset(): void {
    this.out.length = 0;
  }

  append(src: Uint8Array, s: number, e: number): void {
    const len = e - s;
    if (len > BIG_ELEMENT) {
      const buf = Buffer.allocUnsafeSlow(len);
      copyBytes(src, s, e, buf, 0);
      const big = new Node(buf, null);
      big.count = 1;
      this.out.push(big);
      return;
    }
    let n = this.out.length > 0 ? this.out[this.out.length - 1]! : null;
    if (n === null || n.b === null || n.first + n.count >= NODE_MAX || n.b[n.first + n.count]! + len > CHUNK) {
      n = takeNode(false);
      this.out.push(n);
    }
    const at = n.b![n.first + n.count]!;
    copyBytes(src, s, e, n.buf, at);
    n.count++;
    n.b![n.first + n.count] = at + len;
  }

  /** Appends elements [from, to) of node `n`. */
  appendFrom(n: Node, from: number, to: number): void {
    for (let i = from; i < to; i++) this.append(n.buf, startOf(n, i), endOf(n, i));
  }
}

