/**
 * The big list encoding (OBJECT ENCODING "quicklist"): a ring-buffer deque
 * of element Buffers, so pushes and pops at both ends are O(1) and an index
 * is O(1) too. Elements are owned copies and are never written in place (a
 * reply may still reference one after it left the list). Memory is a running
 * estimate kept by every edit, so accounting stays O(1).
 *
 * Non-goals: node compression (list-compress-depth); Redis's quicklist of
 * listpack nodes exists to save pointers in C, while V8 already pays one
 * object per Buffer.
 */
import type { SizedValue } from '../object-table.js';
import { varintSize } from './listpack.js';

/** Estimated bytes a stored element costs beyond its data (Buffer object, slot). */
export const ELEMENT_OVERHEAD = 72;
const BASE_BYTES = 96;

export class QuickList implements SizedValue, Iterable<Buffer> {
  private ring: (Buffer | undefined)[];
  private mask: number;
  private head = 0;
  /** Number of elements. */
  length = 0;
  /** Sum of the elements' byte lengths. */
  dataBytes = 0;
  /** Sum of the elements' listpack length prefixes (varints). */
  private prefixBytes = 0;

  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.ring = new Array<Buffer | undefined>(cap);
    this.mask = cap - 1;
  }

  memoryBytes(): number {
    return BASE_BYTES + this.dataBytes + this.length * ELEMENT_OVERHEAD + this.ring.length * 8;
  }

  /** Bytes the elements would take in a listpack blob (varint length + data each). */
  get blobBytes(): number {
    return this.dataBytes + this.prefixBytes;
  }

  private account(v: Buffer, sign: 1 | -1): void {
    this.dataBytes += sign * v.length;
    this.prefixBytes += sign * (v.length < 0x80 ? 1 : varintSize(v.length));
  }

  /** Element `i` (0 <= i < length). */
  at(i: number): Buffer {
    return this.ring[(this.head + i) & this.mask]!;
  }

  /** Replaces element `i` with an owned Buffer. */
  setAt(i: number, v: Buffer): void {
    const k = (this.head + i) & this.mask;
    this.account(this.ring[k]!, -1);
    this.account(v, 1);
    this.ring[k] = v;
  }

  pushHead(v: Buffer): void {
    if (this.length === this.ring.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.ring[this.head] = v;
    this.length++;
    this.account(v, 1);
  }

  pushTail(v: Buffer): void {
    if (this.length === this.ring.length) this.grow();
    this.ring[(this.head + this.length) & this.mask] = v;
    this.length++;
    this.account(v, 1);
  }

  /** Removes and returns the first element (the list must not be empty). */
  popHead(): Buffer {
    const v = this.ring[this.head]!;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    this.account(v, -1);
    return v;
  }

  /** Removes and returns the last element (the list must not be empty). */
  popTail(): Buffer {
    const k = (this.head + this.length - 1) & this.mask;
    const v = this.ring[k]!;
    this.ring[k] = undefined;
    this.length--;
    this.account(v, -1);
    return v;
  }

  /** Inserts `v` so that it becomes element `i` (0 <= i <= length), shifting the shorter side. */
  insertAt(i: number, v: Buffer): void {
    if (i === 0) return this.pushHead(v);
    if (i === this.length) return this.pushTail(v);
    if (this.length === this.ring.length) this.grow();
    const ring = this.ring;
    const m = this.mask;
    if (i < this.length / 2) {
      this.head = (this.head - 1) & m;
      for (let j = 0; j < i; j++) ring[(this.head + j) & m] = ring[(this.head + j + 1) & m];
    } else {
      for (let j = this.length; j > i; j--) ring[(this.head + j) & m] = ring[(this.head + j - 1) & m];
    }
    ring[(this.head + i) & m] = v;
    this.length++;
    this.account(v, 1);
  }

  /**
   * Removes the elements at the indexes in `drop` (ascending), compacting
   * in one pass: LREM's O(length) instead of one shift per match.
   */
  removeIndexes(drop: readonly number[]): void {
    if (drop.length === 0) return;
    const ring = this.ring;
    const m = this.mask;
    let w = drop[0]!;
    let d = 0;
    for (let r = drop[0]!; r < this.length; r++) {
      if (d < drop.length && drop[d] === r) {
        this.account(ring[(this.head + r) & m]!, -1);
        d++;
        continue;
      }
      ring[(this.head + w) & m] = ring[(this.head + r) & m];
      w++;
    }
    for (let j = w; j < this.length; j++) ring[(this.head + j) & m] = undefined;
    this.length = w;
  }

  /** Drops `n` elements from the head (n <= length). */
  dropHead(n: number): void {
    for (let i = 0; i < n; i++) this.popHead();
  }

  /** Drops `n` elements from the tail (n <= length). */
  dropTail(n: number): void {
    for (let i = 0; i < n; i++) this.popTail();
  }

  /** Shrinks the ring when it is mostly empty, so a drained list gives its memory back. */
  compact(): void {
    if (this.ring.length <= 64 || this.length * 4 > this.ring.length) return;
    this.resize(Math.max(16, this.ring.length >>> 1));
  }

  clone(): QuickList {
    const c = new QuickList(this.length);
    for (let i = 0; i < this.length; i++) c.pushTail(Buffer.from(this.at(i)));
    return c;
  }

  *[Symbol.iterator](): Iterator<Buffer> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  private grow(): void {
    this.resize(this.ring.length * 2);
  }

  private resize(cap: number): void {
    const next = new Array<Buffer | undefined>(cap);
    for (let i = 0; i < this.length; i++) next[i] = this.ring[(this.head + i) & this.mask];
    this.ring = next;
    this.mask = cap - 1;
    this.head = 0;
  }
}
