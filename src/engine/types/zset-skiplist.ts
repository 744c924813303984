/**
 * The big sorted-set encoding: Redis's skiplist with spans (O(log n) rank
 * and range) plus a member -> score Map. Members are latin1 strings (one
 * char per byte), so JS string order is Redis's memcmp order. Ordered by
 * (score, member); scores are never NaN.
 *
 * Every node also sits in `nodes`, an array with no order: a removal moves
 * the last node into the hole and a score change keeps the node's place.
 * That is what lets ZSCAN walk the array from the top down without missing
 * a member that stays in the set, whatever is added, removed or rescored.
 */
import type { SizedValue } from '../object-table.js';

const MAX_LEVEL = 32;

/** Bytes per node beyond its member: node object, its level array, Map entry, nodes slot (measured order of magnitude in V8). */
const NODE_BYTES = 112;
const LEVEL_BYTES = 16;

/**
 * One element. Level i's forward pointer is lv[2i] and its span lv[2i+1]:
 * one array instead of two, so a step of a search reads the pointer and the
 * span from the same cache line, and a node costs one array, not two.
 */
export class ZNode {
  backward: ZNode | null = null;
  /** Index in ZSkiplist.nodes. */
  slot = -1;
  readonly lv: (ZNode | null | number)[];
  constructor(
    public member: string,
    public score: number,
    level: number,
  ) {
    this.lv = levelArray(level);
  }

  /** The next node on level 0 (the ascending order). */
  get next0(): ZNode | null {
    return this.lv[0] as ZNode | null;
  }

  get level(): number {
    return this.lv.length >> 1;
  }
}

/**
 * A packed array of exactly 2 * level slots: literals, because growing an
 * empty array by push() reserves 16 spare slots per node.
 */
function levelArray(level: number): (ZNode | null | number)[] {
  switch (level) {
    case 1: return [null, 0];
    case 2: return [null, 0, null, 0];
    case 3: return [null, 0, null, 0, null, 0];
    default: {
      const lv: (ZNode | null | number)[] = [null, 0, null, 0, null, 0, null, 0];
      for (let i = 4; i < level; i++) lv.push(null, 0);
      return lv;
    }
  }
}

function fwd(x: ZNode, i: number): ZNode | null {
  return x.lv[i << 1] as ZNode | null;
}
function span(x: ZNode, i: number): number {
  return x.lv[(i << 1) + 1] as number;
}

function randomLevel(): number {
  let level = 1;
  while (level < MAX_LEVEL && Math.random() < 0.25) level++;
  return level;
}

function less(score: number, member: string, node: ZNode): boolean {
  return node.score < score || (node.score === score && node.member < member);
}

// Search paths, reused: commands run one at a time and no search nests in another.
const updateScratch: ZNode[] = [];
const rankScratch: number[] = [];
const placeholder = new ZNode('', 0, 0);
for (let i = 0; i < MAX_LEVEL; i++) {
  updateScratch.push(placeholder);
  rankScratch.push(0);
}

export class ZSkiplist implements SizedValue {
  readonly head = new ZNode('', 0, MAX_LEVEL);
  tail: ZNode | null = null;
  length = 0;
  level = 1;
  /** Member -> its node: an update finds the node without a search. */
  private readonly dict = new Map<string, ZNode>();
  /** Every node, unordered (see the header). */
  readonly nodes: ZNode[] = [];
  private bytes = 200;

  memoryBytes(): number {
    return this.bytes;
  }

  clone(): ZSkiplist {
    const z = new ZSkiplist();
    for (let x = this.head.next0; x !== null; x = x.next0) z.insert(x.member, x.score);
    return z;
  }

  /** Score of a member, or NaN when absent. */
  score(member: string): number {
    const n = this.dict.get(member);
    return n === undefined ? NaN : n.score;
  }

  /** Score of a member, or undefined when absent (a Map-like lookup). */
  get(member: string): number | undefined {
    return this.dict.get(member)?.score;
  }

  /** Inserts a member that is not present (zslInsert). */
  insert(member: string, score: number): void {
    const node = new ZNode(member, score, randomLevel());
    node.slot = this.nodes.length;
    this.nodes.push(node);
    this.link(node);
    this.dict.set(member, node);
    this.bytes += NODE_BYTES + member.length + LEVEL_BYTES * node.level;
  }

  /** Links a node in at its (score, member) place. */
  private link(node: ZNode): void {
    const { score, member } = node;
    const update = updateScratch;
    const rank = rankScratch;
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      let r = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (let n = fwd(x, i); n !== null && less(score, member, n); n = fwd(x, i)) {
        r += span(x, i);
        x = n;
      }
      rank[i] = r;
      update[i] = x;
    }
    const level = node.level;
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.head;
        this.head.lv[(i << 1) + 1] = this.length;
      }
      this.level = level;
    }
    const r0 = rank[0]!;
    const lv = node.lv;
    for (let i = 0; i < level; i++) {
      const u = update[i]!.lv;
      const k = i << 1;
      lv[k] = u[k]!;
      u[k] = node;
      lv[k + 1] = (u[k + 1] as number) - (r0 - rank[i]!);
      u[k + 1] = r0 - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) {
      const u = update[i]!.lv;
      u[(i << 1) + 1] = (u[(i << 1) + 1] as number) + 1;
    }
    node.backward = update[0] === this.head ? null : update[0]!;
    const next = lv[0] as ZNode | null;
    if (next !== null) next.backward = node;
    else this.tail = node;
    this.length++;
  }

  /** Unlinks x, whose search path is in updateScratch (from pathTo). */
  private unlink(x: ZNode): void {
    const update = updateScratch;
    const xl = x.lv;
    const xlevel = xl.length >> 1;
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!.lv;
      const k = i << 1;
      if (i < xlevel && u[k] === x) {
        u[k + 1] = (u[k + 1] as number) + (xl[k + 1] as number) - 1;
        u[k] = xl[k]!;
      } else {
        u[k + 1] = (u[k + 1] as number) - 1;
      }
    }
    const next = xl[0] as ZNode | null;
    if (next !== null) next.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && fwd(this.head, this.level - 1) === null) this.level--;
    this.length--;
  }

  /** Fills updateScratch with the search path of a present member: the last node before it on each level. */
  private pathTo(member: string, score: number): void {
    const update = updateScratch;
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = fwd(x, i); n !== null && less(score, member, n); n = fwd(x, i)) x = n;
      update[i] = x;
    }
  }

  /** Removes a member; false when absent. */
  delete(member: string): boolean {
    const x = this.dict.get(member);
    if (x === undefined) return false;
    this.pathTo(member, x.score);
    this.unlink(x);
    const last = this.nodes.pop()!;
    if (last !== x) {
      last.slot = x.slot;
      this.nodes[x.slot] = last;
    }
    this.dict.delete(member);
    this.bytes -= NODE_BYTES + member.length + LEVEL_BYTES * x.level;
    return true;
  }

  /** Changes the score of a present member; the node keeps its place in `nodes`. */
  update(member: string, score: number): void {
    const x = this.dict.get(member)!;
    if (x.score === score) return;
    // zslUpdateScore(): a node whose neighbours still bracket the new score stays where it is.
    const prev = x.backward;
    const next = x.next0;
    if ((prev === null || prev.score < score) && (next === null || next.score > score)) {
      x.score = score;
      return;
    }
    this.pathTo(member, x.score);
    this.unlink(x);
    x.score = score;
    this.link(x);
  }

  /** 0-based rank of a member, or -1. */
  rank(member: string): number {
    const node = this.dict.get(member);
    if (node === undefined) return -1;
    const score = node.score;
    let rank = 0;
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = fwd(x, i); n !== null && (less(score, member, n) || n.member === member); n = fwd(x, i)) {
        rank += span(x, i);
        x = n;
      }
      if (x !== this.head && x.member === member) return rank - 1;
    }
    return -1;
  }

  /** The node at a 0-based rank (in range). */
  byRank(rank: number): ZNode {
    let traversed = 0;
    let x = this.head;
    const want = rank + 1;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = fwd(x, i); n !== null && traversed + span(x, i) <= want; n = fwd(x, i)) {
        traversed += span(x, i);
        x = n;
      }
      if (traversed === want) return x;
    }
    throw new RangeError(`rank ${rank} of ${this.length}`);
  }

  /** Number of leading elements for which `before` holds (it must hold for a prefix only). */
  countWhile(before: (n: ZNode) => boolean): number {
    let rank = 0;
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = fwd(x, i); n !== null && before(n); n = fwd(x, i)) {
        rank += span(x, i);
        x = n;
      }
    }
    return rank;
  }

  /** Removes the elements of ranks [from, to] (0-based, inclusive, in range). */
  deleteRanks(from: number, to: number): void {
    let n = to - from + 1;
    let x: ZNode | null = this.byRank(from);
    while (n-- > 0 && x !== null) {
      const next: ZNode | null = x.next0;
      this.delete(x.member);
      x = next;
    }
  }
}
