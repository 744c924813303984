/**
 * The nodes of the sorted-set B+tree (zset-tree.ts) and their in-node edits.
 * A leaf's elements [0, n) are sorted by (score, member); slots past n hold
 * '' so a removed member is not kept alive. An inner node's child i holds
 * counts[i] elements, all >= (sepS[i], sepM[i]) and all greater than every
 * element of child i - 1 (sepS[0] is meaningful only once the node has a left
 * neighbour; routing never reads it).
 */

/**
 * Elements per leaf. 64 scores are 8 cache lines, searched by bisection; an
 * insert shifts 32 on average. 100k members rescored at random (in-process,
 * quiet machine): leaves of 32 / 64 / 128 / 256 did 1.25 / 1.27 / 1.21 /
 * 1.08 M rescores/s (the skiplist this replaced: 0.46 M); rank() gains a
 * little with bigger leaves (2.5 / 2.7 / 2.8 / 2.9 M/s).
 */
export const LEAF_CAP = 64;
/** A leaf below this merges with or borrows from a neighbour. */
export const LEAF_MIN = LEAF_CAP >> 2;
/** Children per inner node: 100k elements need two inner levels. */
export const INNER_CAP = 32;
export const INNER_MIN = INNER_CAP >> 2;

function strings(n: number): string[] {
  return new Array<string>(n).fill('');
}

/** A leaf: up to LEAF_CAP elements, linked to its neighbours in order. */
export class ZLeaf {
  n = 0;
  readonly scores = new Float64Array(LEAF_CAP);
  readonly members: string[] = strings(LEAF_CAP);
  prev: ZLeaf | null = null;
  next: ZLeaf | null = null;
}

/** An inner node: up to INNER_CAP children with their element counts and lower bounds. */
export class ZInner {
  n = 0;
  readonly kids: (ZLeaf | ZInner)[] = new Array<ZLeaf | ZInner>(INNER_CAP).fill(null as unknown as ZLeaf);
  readonly counts = new Int32Array(INNER_CAP);
  readonly sepS = new Float64Array(INNER_CAP);
  readonly sepM: string[] = strings(INNER_CAP);
}

/** Deeper than any tree can get: 16 levels of 8 (the least a non-root inner node holds) are 2^48 elements. */
const MAX_DEPTH = 16;

/**
 * The search path of the last descent: pathNode[d] is the inner node at depth
 * d and pathIdx[d] the child taken. Shared by every tree: commands run one at
 * a time and no descent nests in another.
 */
export const pathNode: ZInner[] = [];
export const pathIdx = new Int32Array(MAX_DEPTH);

/** First index in [0, n) whose key is >= (s, m), or n. */
export function lowerBound(scores: Float64Array, members: string[], n: number, s: number, m: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = scores[mid]!;
    if (x < s || (x === s && members[mid]! < m)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The child whose range holds (s, m): the last i that is 0 or whose lower bound is <= (s, m). */
export function route(p: ZInner, s: number, m: string): number {
  const sepS = p.sepS;
  let lo = 1;
  let hi = p.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sepS[mid]!;
    if (x < s || (x === s && p.sepM[mid]! <= m)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function leafInsert(leaf: ZLeaf, i: number, s: number, m: string): void {
  const n = leaf.n;
  const members = leaf.members;
  if (i < n) {
    leaf.scores.copyWithin(i + 1, i, n);
    for (let j = n; j > i; j--) members[j] = members[j - 1]!;
  }
  leaf.scores[i] = s;
  members[i] = m;
  leaf.n = n + 1;
}

/** Removes k elements from index i. */
export function leafRemove(leaf: ZLeaf, i: number, k: number): void {
  const n = leaf.n;
  const members = leaf.members;
  if (i + k < n) leaf.scores.copyWithin(i, i + k, n);
  for (let j = i; j < n - k; j++) members[j] = members[j + k]!;
  for (let j = n - k; j < n; j++) members[j] = '';
  leaf.n = n - k;
}

/** Appends src's elements [from, from + k) to dst. */
export function leafAppend(dst: ZLeaf, src: ZLeaf, from: number, k: number): void {
  dst.scores.set(src.scores.subarray(from, from + k), dst.n);
  for (let j = 0; j < k; j++) dst.members[dst.n + j] = src.members[from + j]!;
  dst.n += k;
}

/** Moves the last k elements of `left` to the front of `right`. */
export function leafShiftRight(left: ZLeaf, right: ZLeaf, k: number): void {
  right.scores.copyWithin(k, 0, right.n);
  for (let j = right.n - 1; j >= 0; j--) right.members[j + k] = right.members[j]!;
  const from = left.n - k;
  right.scores.set(left.scores.subarray(from, left.n), 0);
  for (let j = 0; j < k; j++) right.members[j] = left.members[from + j]!;
  right.n += k;
  leafRemove(left, from, k);
}

export function innerInsert(p: ZInner, i: number, kid: ZLeaf | ZInner, count: number, s: number, m: string): void {
  const n = p.n;
  if (i < n) {
    p.counts.copyWithin(i + 1, i, n);
    p.sepS.copyWithin(i + 1, i, n);
    for (let j = n; j > i; j--) {
      p.kids[j] = p.kids[j - 1]!;
      p.sepM[j] = p.sepM[j - 1]!;
    }
  }
  p.kids[i] = kid;
  p.counts[i] = count;
  p.sepS[i] = s;
  p.sepM[i] = m;
  p.n = n + 1;
}

/** Removes k children from index i. */
export function innerRemove(p: ZInner, i: number, k: number): void {
  const n = p.n;
  if (i + k < n) {
    p.counts.copyWithin(i, i + k, n);
    p.sepS.copyWithin(i, i + k, n);
  }
  for (let j = i; j < n - k; j++) {
    p.kids[j] = p.kids[j + k]!;
    p.sepM[j] = p.sepM[j + k]!;
  }
  for (let j = n - k; j < n; j++) {
    p.kids[j] = null as unknown as ZLeaf;
    p.sepM[j] = '';
  }
  p.n = n - k;
}

/** Appends src's children [from, from + k) to dst. */
export function innerAppend(dst: ZInner, src: ZInner, from: number, k: number): void {
  dst.counts.set(src.counts.subarray(from, from + k), dst.n);
  dst.sepS.set(src.sepS.subarray(from, from + k), dst.n);
  for (let j = 0; j < k; j++) {
    dst.kids[dst.n + j] = src.kids[from + j]!;
    dst.sepM[dst.n + j] = src.sepM[from + j]!;
  }
  dst.n += k;
}

/** Elements under children [from, to). */
export function innerSum(p: ZInner, from = 0, to = p.n): number {
  let s = 0;
  for (let j = from; j < to; j++) s += p.counts[j]!;
  return s;
}

/** Moves the last k children of `left` to the front of `right`. */
export function innerShiftRight(left: ZInner, right: ZInner, k: number): void {
  right.counts.copyWithin(k, 0, right.n);
  right.sepS.copyWithin(k, 0, right.n);
  for (let j = right.n - 1; j >= 0; j--) {
    right.kids[j + k] = right.kids[j]!;
    right.sepM[j + k] = right.sepM[j]!;
  }
  const from = left.n - k;
  right.counts.set(left.counts.subarray(from, left.n), 0);
  right.sepS.set(left.sepS.subarray(from, left.n), 0);
  for (let j = 0; j < k; j++) {
    right.kids[j] = left.kids[from + j]!;
    right.sepM[j] = left.sepM[from + j]!;
  }
  right.n += k;
  innerRemove(left, from, k);
}

const placeholder = new ZInner();
for (let i = 0; i < MAX_DEPTH; i++) pathNode.push(placeholder);
