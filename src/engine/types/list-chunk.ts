/**
 * The nodes of a QuickList (./list-quicklist.ts): byte chunks holding runs of
 * elements, the slabs they are carved from and recycled through, and the
 * Packer that builds a run of nodes for every middle edit. A big node (one
 * element over BIG_ELEMENT) owns an exact-size buffer that is never written
 * after it was filled and never recycled, because a reply of >= 64 KiB sends
 * it by reference.
 *
 * Standard nodes live in slabs: one ArrayBuffer holds SLAB_SLOTS nodes'
 * chunks and boundaries, and each slot's Node and views are made once. An
 * ArrayBuffer per node made V8's full collections long: 3M LPUSHes of 128
 * bytes (47k nodes) cost 22 mark-compacts and 230 ms of pauses, up to 19 ms
 * each; views into shared buffers cost next to nothing to mark. A slot goes
 * back to its slab when a list drops the node or, for a list dropped whole,
 * when the list is collected (FinalizationRegistry in list-quicklist.ts); a
 * slab whose slots are all free is let go unless it is the only one open.
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
/** Bytes of one slab slot: the chunk, then the boundaries (an even offset, as a Uint16Array needs). */
const SLOT_BYTES = CHUNK + (NODE_MAX + 1) * 2;
/** Slots of a slab (about 1 MiB). */
export const SLAB_SLOTS = 112;

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
    /** The slab a standard node's slot belongs to; null for a big node. */
    readonly slab: Slab | null = null,
  ) {}
}

/** SLAB_SLOTS standard nodes over one ArrayBuffer; `free` holds the slots no list holds. */
export class Slab {
  readonly free: Node[] = [];
  constructor() {
    const ab = new ArrayBuffer(SLAB_SLOTS * SLOT_BYTES);
    for (let i = SLAB_SLOTS - 1; i >= 0; i--) {
      const at = i * SLOT_BYTES;
      this.free.push(new Node(Buffer.from(ab, at, CHUNK), new Uint16Array(ab, at + CHUNK, NODE_MAX + 1), this));
    }
  }
}

/** Slabs with a free slot; slots are taken from the last (the one most recently given a slot back). */
const open: Slab[] = [];

/** A standard node, empty, oriented for pushes at its tail (first 0) or head (first NODE_MAX). */
export function takeNode(forHead: boolean): Node {
  let slab = open[open.length - 1];
  if (slab === undefined) {
    slab = new Slab();
    open.push(slab);
  }
  const n = slab.free.pop()!;
  if (slab.free.length === 0) open.pop();
  n.count = 0;
  n.first = forHead ? NODE_MAX : 0;
  n.b![n.first] = forHead ? CHUNK : 0;
  return n;
}

/** Gives a dropped node back: standard slots are reused, big buffers never (a reply may hold them). */
export function release(n: Node): void {
  const slab = n.slab;
  if (slab === null) return;
  slab.free.push(n);
  if (slab.free.length === 1) open.push(slab);
  else if (slab.free.length === SLAB_SLOTS && open.length > 1) {
    // All free and another slab is open: let the memory go.
    open.splice(open.lastIndexOf(slab), 1);
  }
}

/** Slabs open for slots and their free slots (tests, INFO-style figures). */
export function slabFigures(): { open: number; freeSlots: number } {
  let freeSlots = 0;
  for (const s of open) freeSlots += s.free.length;
  return { open: open.length, freeSlots };
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

