/**
 * The big sorted-set encoding ("skiplist" to OBJECT ENCODING, Redis's name):
 * an order-statistic B+tree ordered by (score, member), whose leaves hold
 * their scores in one Float64Array and their members (latin1 strings, so JS
 * string order is Redis's memcmp order) in one array, linked both ways for
 * iteration; inner nodes hold per-child element counts (rank and byRank in
 * O(log n)) and separator keys. A search step reads contiguous arrays instead
 * of chasing a node, its level array and a boxed score per skiplist step.
 *
 * Beside the tree, every member sits in a dense unordered slot array (its
 * score too), and a byte-keyed table (ByteTable: entry i is slot i) finds a
 * member's slot from the request's bytes, so ZADD on a present member makes
 * no string. A removal moves the last slot into the hole (as the table moves
 * its last entry) and a rescore keeps the slot: ZSCAN walks the slots from
 * the top down and so returns every member present for the whole scan at
 * least once.
 * Scores are never NaN; -0 and 0 compare equal, as Redis's `<` does.
 */
import type { SizedValue } from '../object-table.js';
import {
  INNER_CAP, LEAF_CAP, ZInner, ZLeaf, innerInsert, innerRemove, innerSum, leafInsert, leafRemove, lowerBound, pathIdx, pathNode, route,
} from './zset-tree-node.js';
import { rebalanceInner, rebalanceLeaf } from './zset-tree-balance.js';
import { ByteTable } from './byte-table.js';

export { ZInner, ZLeaf } from './zset-tree-node.js';

/**
 * Estimated bytes (V8, 64-bit, no pointer compression): a leaf is its object,
 * a Float64Array of LEAF_CAP (wrapper, ArrayBuffer, off-heap store) and a
 * members array of LEAF_CAP; an inner node three typed arrays and two arrays
 * of INNER_CAP. An element: two dense slots and its string's header (the
 * member's bytes are added apiece); the member table counts itself.
 */
const LEAF_BYTES = 1350;
const INNER_BYTES = 1300;
const ELEM_BYTES = 40;
const BASE_BYTES = 400;

/** Whether the (score, member) pairs are strictly increasing. */
function strictlySorted(members: readonly string[], scores: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) {
    const a = scores[i - 1]!;
    const b = scores[i]!;
    if (!(a < b || (a === b && members[i - 1]! < members[i]!))) return false;
  }
  return true;
}

/** Member text encoded for a table lookup (latin1: one byte a char). */
let scratch = Buffer.allocUnsafe(256);

/** Writes a member's text into `scratch` (which it may replace: read `scratch` after the call); returns its length. */
function encodeMember(member: string): number {
  const n = member.length;
  if (scratch.length < n) scratch = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
  scratch.latin1Write(member, 0);
  return n;
}

export class ZTree implements SizedValue {
  root: ZLeaf | ZInner = new ZLeaf();
  /** Inner levels above the leaves (0: the root is a leaf). */
  height = 0;
  /** Index within the leaf returned by the last leafAt(). */
  offset = 0;
  /** Member bytes -> its slot in `slotMembers` / `slotScores` (entry i is slot i). */
  private table = new ByteTable(false);
  /** Every member, unordered (see the header). */
  private readonly slotMembers: string[] = [];
  private slotScores = new Float64Array(16);
  private bytes = BASE_BYTES + LEAF_BYTES;
  /**
   * The member score() last found and its slot (-1: none): ZADD reads a
   * score and then rescores the same member, and the second lookup was
   * 5 % of a ZADD profile. Any removal clears it (slots move).
   */
  private hintMember = '';
  private hintSlot = -1;

  /** The slot of a member given as text, or -1. */
  private slotOf(member: string): number {
    const n = encodeMember(member);
    return this.table.find(scratch, 0, n);
  }

  /** The slot of the member buf[s, e), or -1; no string is made. */
  slotAt(buf: Uint8Array, s: number, e: number): number {
    return this.table.find(buf, s, e);
  }

  /** Builds a tree from pairs sorted by (score, member); unsorted input is inserted one by one. */
  static from(members: readonly string[], scores: ArrayLike<number>, n: number): ZTree {
    const t = new ZTree();
    if (!strictlySorted(members, scores, n)) {
      for (let i = 0; i < n; i++) {
        if (t.slotOf(members[i]!) >= 0) t.update(members[i]!, scores[i]!);
        else t.insert(members[i]!, scores[i]!);
      }
      return t;
    }
    for (let i = 0; i < n; i++) t.addSlot(members[i]!, scores[i]!);
    t.bulkLoad(members, scores, n);
    return t;
  }

  get length(): number {
    return this.slotMembers.length;
  }

  memoryBytes(): number {
    return this.bytes + this.table.memoryBytes();
  }

  /** A copy: the same shape, slots in the same order (a ZSCAN cursor means the same in both). */
  clone(): ZTree {
    const t = new ZTree();
    t.height = this.height;
    t.bytes = this.bytes;
    const last: { leaf: ZLeaf | null } = { leaf: null };
    t.root = copyNode(this.root, this.height, last);
    t.table = this.table.clone();
    for (const m of this.slotMembers) t.slotMembers.push(m);
    t.slotScores = this.slotScores.slice();
    return t;
  }

  /** Score of a member, or NaN when absent. */
  score(member: string): number {
    const slot = this.slotOf(member);
    if (slot < 0) return NaN;
    this.hintMember = member;
    this.hintSlot = slot;
    return this.slotScores[slot]!;
  }

  /** Score of a member, or undefined when absent (a Map-like lookup). */
  get(member: string): number | undefined {
    const slot = this.slotOf(member);
    return slot < 0 ? undefined : this.slotScores[slot]!;
  }

  /** The member in a slot (0 <= slot < length), for ZSCAN. */
  slotMember(slot: number): string {
    return this.slotMembers[slot]!;
  }

  /** The score in a slot. */
  slotScore(slot: number): number {
    return this.slotScores[slot]!;
  }

  /** Inserts a member that is not present. */
  insert(member: string, score: number): void {
    this.addSlot(member, score);
    this.insertKey(score, member);
  }

  /** Removes a member; false when absent. */
  delete(member: string): boolean {
    const slot = this.slotOf(member);
    if (slot < 0) return false;
    const leaf = this.descendKey(this.slotScores[slot]!, member);
    this.removeRun(leaf, lowerBound(leaf.scores, leaf.members, leaf.n, this.slotScores[slot]!, member), 1);
    this.dropSlot(member, slot);
    return true;
  }

  /** Changes the score of a present member; its slot stays. */
  update(member: string, score: number): void {
    this.updateSlot(this.hintSlot >= 0 && member === this.hintMember ? this.hintSlot : this.slotOf(member), score);
  }

  /** Changes the score of the member in a slot; the slot stays. */
  updateSlot(slot: number, score: number): void {
    const member = this.slotMembers[slot]!;
    const old = this.slotScores[slot]!;
    if (old === score) return;
    this.slotScores[slot] = score;
    const leaf = this.descendKey(old, member);
    const i = lowerBound(leaf.scores, leaf.members, leaf.n, old, member);
    // zslUpdateScore(): an element whose neighbours still bracket the new score
    // stays where it is. At a leaf's edge that holds only moving inward, where
    // the separators above cannot be crossed.
    const prevOk = i > 0 ? leaf.scores[i - 1]! < score : leaf.prev === null || leaf.prev.scores[leaf.prev.n - 1]! < score;
    const nextOk = i < leaf.n - 1 ? leaf.scores[i + 1]! > score : leaf.next === null || leaf.next.scores[0]! > score;
    if (prevOk && nextOk && (i > 0 || score > old) && (i < leaf.n - 1 || score < old)) {
      leaf.scores[i] = score;
      return;
    }
    this.removeRun(leaf, i, 1);
    this.insertKey(score, member);
  }

  /** 0-based rank of a member, or -1. */
  rank(member: string): number {
    const slot = this.slotOf(member);
    if (slot < 0) return -1;
    const score = this.slotScores[slot]!;
    let node = this.root;
    let rank = 0;
    for (let d = 0; d < this.height; d++) {
      const inner = node as ZInner;
      const c = route(inner, score, member);
      for (let j = 0; j < c; j++) rank += inner.counts[j]!;
      node = inner.kids[c]!;
    }
    const leaf = node as ZLeaf;
    return rank + lowerBound(leaf.scores, leaf.members, leaf.n, score, member);
  }

  /** The leaf holding the element of a 0-based rank (in range); its index there is `offset`. Fills the path. */
  leafAt(rank: number): ZLeaf {
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const inner = node as ZInner;
      const counts = inner.counts;
      let c = 0;
      while (rank >= counts[c]!) rank -= counts[c++]!;
      pathNode[d] = inner;
      pathIdx[d] = c;
      node = inner.kids[c]!;
    }
    this.offset = rank;
    return node as ZLeaf;
  }

  /**
   * Number of leading elements for which `before(score, member, arg)` holds.
   * It must hold for a prefix of all (score, member) keys, not only the
   * present ones: a separator may be the key of a removed element.
   */
  countWhile<T>(before: (score: number, member: string, arg: T) => boolean, arg: T): number {
    let node = this.root;
    let rank = 0;
    for (let d = 0; d < this.height; d++) {
      const inner = node as ZInner;
      let lo = 1;
      let hi = inner.n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(inner.sepS[mid]!, inner.sepM[mid]!, arg)) lo = mid + 1;
        else hi = mid;
      }
      const c = lo - 1;
      for (let j = 0; j < c; j++) rank += inner.counts[j]!;
      node = inner.kids[c]!;
    }
    const leaf = node as ZLeaf;
    let lo = 0;
    let hi = leaf.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(leaf.scores[mid]!, leaf.members[mid]!, arg)) lo = mid + 1;
      else hi = mid;
    }
    return rank + lo;
  }

  /** Removes the elements of ranks [from, to] (0-based, inclusive, in range), a leaf's run at a time. */
  deleteRanks(from: number, to: number): void {
    let left = to - from + 1;
    while (left > 0) {
      const leaf = this.leafAt(from);
      const i = this.offset;
      const k = Math.min(left, leaf.n - i);
      for (let j = i; j < i + k; j++) this.dropSlot(leaf.members[j]!, this.slotOf(leaf.members[j]!));
      this.removeRun(leaf, i, k);
      left -= k;
    }
  }

  private addSlot(member: string, score: number): void {
    const slot = this.slotMembers.length;
    if (slot === this.slotScores.length) {
      const grown = new Float64Array(slot * 2);
      grown.set(this.slotScores);
      this.slotScores = grown;
    }
    this.slotMembers.push(member);
    this.slotScores[slot] = score;
    const n = encodeMember(member);
    this.table.add(scratch, 0, n);
    this.bytes += ELEM_BYTES + member.length;
  }

  private dropSlot(member: string, slot: number): void {
    const last = this.slotMembers.length - 1;
    if (slot !== last) {
      const moved = this.slotMembers[last]!;
      this.slotMembers[slot] = moved;
      this.slotScores[slot] = this.slotScores[last]!;
    }
    // The table moves its last entry into the hole too, so entry i stays slot i.
    this.table.removeAt(slot);
    this.slotMembers.pop();
    this.hintSlot = -1;
    this.hintMember = '';
    this.bytes -= ELEM_BYTES + member.length;
    if (last > 64 && last * 4 < this.slotScores.length) this.slotScores = this.slotScores.slice(0, last * 2);
  }

  /** The leaf where a key belongs; fills the path. */
  private descendKey(score: number, member: string): ZLeaf {
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const inner = node as ZInner;
      const c = route(inner, score, member);
      pathNode[d] = inner;
      pathIdx[d] = c;
      node = inner.kids[c]!;
    }
    return node as ZLeaf;
  }

  /** Puts a key into the tree, splitting full nodes on the way back up. */
  private insertKey(score: number, member: string): void {
    const leaf = this.descendKey(score, member);
    const h = this.height;
    for (let d = 0; d < h; d++) pathNode[d]!.counts[pathIdx[d]!]!++;
    const i = lowerBound(leaf.scores, leaf.members, leaf.n, score, member);
    if (leaf.n < LEAF_CAP) {
      leafInsert(leaf, i, score, member);
      return;
    }
    const right = new ZLeaf();
    const half = LEAF_CAP >> 1;
    right.scores.set(leaf.scores.subarray(half, LEAF_CAP));
    for (let j = half; j < LEAF_CAP; j++) {
      right.members[j - half] = leaf.members[j]!;
      leaf.members[j] = '';
    }
    right.n = LEAF_CAP - half;
    leaf.n = half;
    right.next = leaf.next;
    if (leaf.next !== null) leaf.next.prev = right;
    leaf.next = right;
    right.prev = leaf;
    if (i <= half) leafInsert(leaf, i, score, member);
    else leafInsert(right, i - half, score, member);
    this.bytes += LEAF_BYTES;
    this.addChild(h - 1, leaf.n, right, right.scores[0]!, right.members[0]!, right.n);
  }

  /** Adds `node` (count elements, lower bound (ss, sm)) after the path's child at depth d, whose count becomes leftCount. */
  private addChild(d: number, leftCount: number, node: ZLeaf | ZInner, ss: number, sm: string, count: number): void {
    if (d < 0) {
      const root = new ZInner();
      root.kids[0] = this.root;
      root.counts[0] = leftCount;
      root.kids[1] = node;
      root.counts[1] = count;
      root.sepS[1] = ss;
      root.sepM[1] = sm;
      root.n = 2;
      this.root = root;
      this.height++;
      this.bytes += INNER_BYTES;
      return;
    }
    const p = pathNode[d]!;
    const at = pathIdx[d]! + 1;
    p.counts[at - 1] = leftCount;
    if (p.n < INNER_CAP) {
      innerInsert(p, at, node, count, ss, sm);
      return;
    }
    const right = new ZInner();
    const half = INNER_CAP >> 1;
    for (let j = half; j < INNER_CAP; j++) {
      right.kids[j - half] = p.kids[j]!;
      right.sepM[j - half] = p.sepM[j]!;
    }
    right.counts.set(p.counts.subarray(half, INNER_CAP));
    right.sepS.set(p.sepS.subarray(half, INNER_CAP));
    right.n = INNER_CAP - half;
    innerRemove(p, half, INNER_CAP - half);
    if (at <= half) innerInsert(p, at, node, count, ss, sm);
    else innerInsert(right, at - half, node, count, ss, sm);
    this.bytes += INNER_BYTES;
    // right's first separator bounds it from below: it moves up to the parent.
    this.addChild(d - 1, innerSum(p), right, right.sepS[0]!, right.sepM[0]!, innerSum(right));
  }

  /** Removes k elements from index i of a leaf reached by the path, then rebalances. */
  private removeRun(leaf: ZLeaf, i: number, k: number): void {
    for (let d = 0; d < this.height; d++) pathNode[d]!.counts[pathIdx[d]!] -= k;
    leafRemove(leaf, i, k);
    if (this.height === 0) return;
    const d = rebalanceLeaf(leaf, this.height - 1);
    if (d < 0) return;
    this.bytes -= LEAF_BYTES;
    let n = this.height - 1;
    for (;;) {
      const r = rebalanceInner(n);
      if (r === 0) return;
      this.bytes -= INNER_BYTES;
      if (r === 2) {
        // The root was left with one child: it becomes the root.
        this.root = (pathNode[0]!).kids[0]!;
        this.height--;
        return;
      }
      n--;
    }
  }

  /** Fills leaves 3/4 full, then each inner level, from sorted pairs into an empty tree. */
  private bulkLoad(members: readonly string[], scores: ArrayLike<number>, n: number): void {
    const fillLeaf = (LEAF_CAP * 3) >> 2;
    const leaves = Math.max(1, Math.ceil(n / fillLeaf));
    let level: (ZLeaf | ZInner)[] = [];
    let counts: number[] = [];
    let prev: ZLeaf | null = null;
    for (let l = 0, i = 0; l < leaves; l++) {
      const leaf = l === 0 ? (this.root as ZLeaf) : new ZLeaf();
      const end = Math.round(((l + 1) * n) / leaves);
      for (; i < end; i++) {
        leaf.scores[leaf.n] = scores[i]!;
        leaf.members[leaf.n++] = members[i]!;
      }
      leaf.prev = prev;
      if (prev !== null) prev.next = leaf;
      prev = leaf;
      level.push(leaf);
      counts.push(leaf.n);
    }
    this.bytes += (leaves - 1) * LEAF_BYTES;
    const fillInner = (INNER_CAP * 3) >> 2;
    while (level.length > 1) {
      const groups = Math.ceil(level.length / fillInner);
      const up: ZInner[] = [];
      const upCounts: number[] = [];
      for (let g = 0, i = 0; g < groups; g++) {
        const inner = new ZInner();
        const end = Math.round(((g + 1) * level.length) / groups);
        for (; i < end; i++) {
          const kid = level[i]!;
          inner.kids[inner.n] = kid;
          inner.counts[inner.n] = counts[i]!;
          inner.sepS[inner.n] = firstScore(kid);
          inner.sepM[inner.n++] = firstMember(kid);
        }
        up.push(inner);
        upCounts.push(innerSum(inner));
      }
      this.bytes += groups * INNER_BYTES;
      this.height++;
      level = up;
      counts = upCounts;
    }
    this.root = level[0]!;
  }
}

function firstScore(node: ZLeaf | ZInner): number {
  return node instanceof ZLeaf ? node.scores[0]! : firstScore(node.kids[0]!);
}

function firstMember(node: ZLeaf | ZInner): string {
  return node instanceof ZLeaf ? node.members[0]! : firstMember(node.kids[0]!);
}

/** Copies a subtree of the given height, linking its leaves after `last.leaf`. */
function copyNode(node: ZLeaf | ZInner, height: number, last: { leaf: ZLeaf | null }): ZLeaf | ZInner {
  if (height === 0) {
    const src = node as ZLeaf;
    const leaf = new ZLeaf();
    leaf.n = src.n;
    leaf.scores.set(src.scores);
    for (let i = 0; i < src.n; i++) leaf.members[i] = src.members[i]!;
    leaf.prev = last.leaf;
    if (last.leaf !== null) last.leaf.next = leaf;
    last.leaf = leaf;
    return leaf;
  }
  const src = node as ZInner;
  const inner = new ZInner();
  inner.n = src.n;
  inner.counts.set(src.counts);
  inner.sepS.set(src.sepS);
  for (let i = 0; i < src.n; i++) {
    inner.sepM[i] = src.sepM[i]!;
    inner.kids[i] = copyNode(src.kids[i]!, height - 1, last);
  }
  return inner;
}
