/**
 * The big list encoding (OBJECT ENCODING "quicklist"): a ring of nodes, each
 * an 8 KiB byte chunk holding a run of elements back to back (as Redis's
 * quicklist holds listpack nodes), or one node per element longer than 4 KiB.
 * Pushes and pops at both ends copy bytes into or out of the end nodes and
 * allocate nothing per element; emptied chunks go to a small shared spare
 * list. Invariants: no node is ever empty; a big node's buffer is never
 * written after it was filled and never recycled (replies of >= 64 KiB send
 * it by reference); memory is a running estimate of the chunks really held.
 *
 * Non-goals: node compression (list-compress-depth).
 */
import type { SizedValue } from '../object-table.js';
import { varintSize } from './listpack.js';
import { copyBytes } from '../copy-bytes.js';
import {
  BIG_ELEMENT, CHUNK, NODE_MAX, Node, Packer, endOf, nodeBytes, release, startOf, takeNode, usedBytes,
} from './list-chunk.js';

export { BIG_ELEMENT, CHUNK, NODE_MAX, STD_NODE_BYTES } from './list-chunk.js';

const BASE_BYTES = 128;

const packer = new Packer();

/** A list dropped whole (DEL, overwrite, conversion) gives its nodes' slots back once it is collected. */
const dropped = new FinalizationRegistry<{ nodes: (Node | undefined)[] }>((hold) => {
  for (const n of hold.nodes) if (n !== undefined) release(n);
});

function prefixOf(len: number): number {
  return len < 0x80 ? 1 : varintSize(len);
}

export class QuickList implements SizedValue {
  private nodes: (Node | undefined)[];
  /** What the finalizer sees of this list: the ring, kept current by setRing(). */
  private readonly hold: { nodes: (Node | undefined)[] };
  private mask: number;
  private head = 0;
  /** Number of nodes. */
  private nn = 0;
  /** Estimated bytes of the nodes held. */
  private held = 0;
  /** Number of elements. */
  length = 0;
  /** Sum of the elements' byte lengths. */
  dataBytes = 0;
  /** Sum of the elements' listpack length prefixes (varints). */
  private prefixBytes = 0;
  /** The element last read by at(), next(), prev() or popped: valid until the next write. */
  vbuf: Buffer = Buffer.alloc(0);
  vs = 0;
  ve = 0;
  /** The cursor behind vbuf: node offset from the head and index in it. */
  private ck = 0;
  private cj = 0;

  constructor() {
    this.nodes = new Array<Node | undefined>(4);
    this.hold = { nodes: this.nodes };
    dropped.register(this, this.hold);
    this.mask = 3;
  }

  memoryBytes(): number {
    return BASE_BYTES + this.held + this.nodes.length * 8;
  }

  /** Bytes the elements would take in a listpack blob (varint length + data each). */
  get blobBytes(): number {
    return this.dataBytes + this.prefixBytes;
  }

  /** Number of nodes (DEBUG OBJECT's ql_nodes, tests). */
  get nodeCount(): number {
    return this.nn;
  }

  private node(k: number): Node {
    return this.nodes[(this.head + k) & this.mask]!;
  }

  private account(len: number, sign: 1 | -1): void {
    this.length += sign;
    this.dataBytes += sign * len;
    this.prefixBytes += sign * prefixOf(len);
  }

  private addHead(n: Node): void {
    if (this.nn === this.nodes.length) this.resize(this.nodes.length * 2);
    this.head = (this.head - 1) & this.mask;
    this.nodes[this.head] = n;
    this.nn++;
    this.held += nodeBytes(n);
  }

  private addTail(n: Node): void {
    if (this.nn === this.nodes.length) this.resize(this.nodes.length * 2);
    this.nodes[(this.head + this.nn) & this.mask] = n;
    this.nn++;
    this.held += nodeBytes(n);
  }

  private dropHeadNode(): void {
    const n = this.nodes[this.head]!;
    this.nodes[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.nn--;
    this.held -= nodeBytes(n);
    release(n);
  }

  private dropTailNode(): void {
    const k = (this.head + this.nn - 1) & this.mask;
    const n = this.nodes[k]!;
    this.nodes[k] = undefined;
    this.nn--;
    this.held -= nodeBytes(n);
    release(n);
  }

  /** Replaces nodes [k, k + count) with `with` (released nodes go back to the spares). */
  private splice(k: number, count: number, withNodes: readonly Node[]): void {
    const next: Node[] = [];
    for (let i = 0; i < k; i++) next.push(this.node(i));
    for (const n of withNodes) next.push(n);
    for (let i = k + count; i < this.nn; i++) next.push(this.node(i));
    for (let i = k; i < k + count; i++) {
      const n = this.node(i);
      this.held -= nodeBytes(n);
      release(n);
    }
    for (const n of withNodes) this.held += nodeBytes(n);
    this.setNodes(next);
  }

  private setNodes(list: readonly Node[]): void {
    let cap = 4;
    while (cap < list.length) cap *= 2;
    this.setRing(new Array<Node | undefined>(cap));
    for (let i = 0; i < list.length; i++) this.nodes[i] = list[i];
    this.mask = cap - 1;
    this.head = 0;
    this.nn = list.length;
  }

  pushHead(src: Uint8Array, s: number, e: number): void {
    const len = e - s;
    this.account(len, 1);
    if (len > BIG_ELEMENT) return this.pushBig(src, s, e, true);
    let n = this.nn > 0 ? this.nodes[this.head]! : null;
    if (n === null || n.b === null || n.first === 0 || n.b[n.first]! < len) {
      n = takeNode(true);
      this.addHead(n);
    }
    const at = n.b![n.first]! - len;
    copyBytes(src, s, e, n.buf, at);
    n.first--;
    n.count++;
    n.b![n.first] = at;
  }

  pushTail(src: Uint8Array, s: number, e: number): void {
    const len = e - s;
    this.account(len, 1);
    if (len > BIG_ELEMENT) return this.pushBig(src, s, e, false);
    let n = this.nn > 0 ? this.nodes[(this.head + this.nn - 1) & this.mask]! : null;
    if (n === null || n.b === null || n.first + n.count >= NODE_MAX || n.b[n.first + n.count]! + len > CHUNK) {
      n = takeNode(false);
      this.addTail(n);
    }
    const at = n.b![n.first + n.count]!;
    copyBytes(src, s, e, n.buf, at);
    n.count++;
    n.b![n.first + n.count] = at + len;
  }

  private pushBig(src: Uint8Array, s: number, e: number, atHead: boolean): void {
    packer.reset();
    packer.append(src, s, e);
    const n = packer.out[0]!;
    if (atHead) this.addHead(n);
    else this.addTail(n);
  }

  /** Removes the first element (the list must not be empty); vbuf/vs/ve show it until the next write. */
  popHead(): void {
    const n = this.nodes[this.head]!;
    this.vbuf = n.buf;
    this.vs = startOf(n, 0);
    this.ve = endOf(n, 0);
    this.account(this.ve - this.vs, -1);
    if (n.count === 1) this.dropHeadNode();
    else {
      n.first++;
      n.count--;
    }
  }

  /** Removes the last element (the list must not be empty); vbuf/vs/ve show it until the next write. */
  popTail(): void {
    const n = this.nodes[(this.head + this.nn - 1) & this.mask]!;
    this.vbuf = n.buf;
    this.vs = startOf(n, n.count - 1);
    this.ve = endOf(n, n.count - 1);
    this.account(this.ve - this.vs, -1);
    if (n.count === 1) this.dropTailNode();
    else n.count--;
  }

  /** Points the cursor at element `i` (0 <= i < length), walking node counts from the nearer end. */
  private locate(i: number): void {
    let k: number;
    if (i < this.length >>> 1) {
      k = 0;
      for (let c = this.node(0).count; i >= c; c = this.node(k).count) {
        i -= c;
        k++;
      }
    } else {
      let r = this.length - i;
      k = this.nn - 1;
      for (let c = this.node(k).count; r > c; c = this.node(k).count) {
        r -= c;
        k--;
      }
      i = this.node(k).count - r;
    }
    this.ck = k;
    this.cj = i;
  }

  private load(): void {
    const n = this.node(this.ck);
    this.vbuf = n.buf;
    this.vs = startOf(n, this.cj);
    this.ve = endOf(n, this.cj);
  }

  /** Element `i` (0 <= i < length) into vbuf/vs/ve, and the cursor for next() / prev(). */
  at(i: number): void {
    this.locate(i);
    this.load();
  }

  /** Moves the cursor one element towards the tail; false past the end. */
  next(): boolean {
    if (++this.cj >= this.node(this.ck).count) {
      if (++this.ck >= this.nn) return false;
      this.cj = 0;
    }
    this.load();
    return true;
  }

  /** Moves the cursor one element towards the head; false past the start. */
  prev(): boolean {
    if (--this.cj < 0) {
      if (--this.ck < 0) return false;
      this.cj = this.node(this.ck).count - 1;
    }
    this.load();
    return true;
  }

  /** Replaces element `i` with src[s, e) (src must not be this list's memory). */
  setAt(i: number, src: Uint8Array, s: number, e: number): void {
    this.locate(i);
    const k = this.ck;
    const j = this.cj;
    const n = this.node(k);
    this.account(endOf(n, j) - startOf(n, j), -1);
    this.account(e - s, 1);
    packer.reset();
    packer.appendFrom(n, 0, j);
    packer.append(src, s, e);
    packer.appendFrom(n, j + 1, n.count);
    this.splice(k, 1, packer.out);
    this.mergeRange(k - 1, k + packer.out.length);
  }

  /** Inserts src[s, e) so that it becomes element `i` (0 <= i <= length; src must not be this list's memory). */
  insertAt(i: number, src: Uint8Array, s: number, e: number): void {
    if (i === 0) return this.pushHead(src, s, e);
    if (i === this.length) return this.pushTail(src, s, e);
    // Insert after element i - 1: at the end of a node when i falls on a node boundary.
    this.locate(i - 1);
    const k = this.ck;
    const j = this.cj + 1;
    const n = this.node(k);
    this.account(e - s, 1);
    packer.reset();
    packer.appendFrom(n, 0, j);
    packer.append(src, s, e);
    packer.appendFrom(n, j, n.count);
    this.splice(k, 1, packer.out);
    this.mergeRange(k - 1, k + packer.out.length);
  }

  /** Removes the elements at the `k` ascending indexes in `drop`, repacking only the nodes they were in. */
  removeIndexes(drop: Int32Array, k: number): void {
    if (k === 0) return;
    const next: Node[] = [];
    let d = 0;
    let base = 0;
    for (let ni = 0; ni < this.nn; ni++) {
      const n = this.node(ni);
      const end = base + n.count;
      if (d >= k || drop[d]! >= end) {
        next.push(n);
        base = end;
        continue;
      }
      packer.reset();
      for (let j = 0; j < n.count; j++) {
        if (d < k && drop[d] === base + j) {
          this.account(endOf(n, j) - startOf(n, j), -1);
          d++;
        } else packer.append(n.buf, startOf(n, j), endOf(n, j));
      }
      this.held -= nodeBytes(n);
      for (const p of packer.out) {
        this.held += nodeBytes(p);
        next.push(p);
      }
      release(n);
      base = end;
    }
    this.setNodes(next);
    this.mergeRange(0, this.nn - 1);
  }

  /**
   * Merges neighbours in nodes [from, to] (clamped) whose elements fit in one
   * chunk, so middle edits never leave a trail of small nodes.
   */
  private mergeRange(from: number, to: number): void {
    let k = Math.max(0, from);
    while (k < Math.min(to, this.nn - 1)) {
      const a = this.node(k);
      const b = this.node(k + 1);
      if (a.b === null || b.b === null || a.count + b.count > NODE_MAX || usedBytes(a) + usedBytes(b) > CHUNK) {
        k++;
        continue;
      }
      packer.reset();
      packer.appendFrom(a, 0, a.count);
      packer.appendFrom(b, 0, b.count);
      this.splice(k, 2, packer.out);
      to--;
    }
  }

  /** Drops `n` elements from the head (n <= length). */
  dropHead(n: number): void {
    while (n > 0) {
      const node = this.nodes[this.head]!;
      const m = Math.min(n, node.count);
      for (let j = 0; j < m; j++) this.account(endOf(node, j) - startOf(node, j), -1);
      n -= m;
      if (m === node.count) this.dropHeadNode();
      else {
        node.first += m;
        node.count -= m;
      }
    }
  }

  /** Drops `n` elements from the tail (n <= length). */
  dropTail(n: number): void {
    while (n > 0) {
      const node = this.nodes[(this.head + this.nn - 1) & this.mask]!;
      const m = Math.min(n, node.count);
      for (let j = node.count - m; j < node.count; j++) this.account(endOf(node, j) - startOf(node, j), -1);
      n -= m;
      if (m === node.count) this.dropTailNode();
      else node.count -= m;
    }
  }

  /** Shrinks the node ring when it is mostly empty, so a drained list gives its memory back. */
  compact(): void {
    if (this.nodes.length <= 16 || this.nn * 4 > this.nodes.length) return;
    this.resize(Math.max(4, this.nodes.length >>> 1));
  }

  clone(): QuickList {
    const c = new QuickList();
    for (let k = 0; k < this.nn; k++) {
      const n = this.node(k);
      let m: Node;
      if (n.b === null) m = new Node(Buffer.from(n.buf), null);
      else {
        m = takeNode(false);
        m.buf.set(n.buf);
        m.b!.set(n.b);
      }
      m.first = n.first;
      m.count = n.count;
      c.addTail(m);
    }
    c.length = this.length;
    c.dataBytes = this.dataBytes;
    c.prefixBytes = this.prefixBytes;
    return c;
  }

  /** The elements as owned copies (tests, debugging). */
  toArray(): Buffer[] {
    const out: Buffer[] = [];
    if (this.length === 0) return out;
    this.at(0);
    do out.push(Buffer.from(this.vbuf.subarray(this.vs, this.ve)));
    while (this.next());
    return out;
  }

  private setRing(ring: (Node | undefined)[]): void {
    this.nodes = ring;
    this.hold.nodes = ring;
  }

  private resize(cap: number): void {
    const next = new Array<Node | undefined>(cap);
    for (let i = 0; i < this.nn; i++) next[i] = this.nodes[(this.head + i) & this.mask];
    this.setRing(next);
    this.mask = cap - 1;
    this.head = 0;
  }
}
