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

/** Bytes per node beyond its member: node object, two level arrays, Map entry, nodes slot (measured order of magnitude in V8). */
const NODE_BYTES = 128;
const LEVEL_BYTES = 16;

export class ZNode {
  backward: ZNode | null = null;
  /** Index in ZSkiplist.nodes. */
  slot = -1;
  readonly next: (ZNode | null)[];
  readonly span: number[];
  constructor(
    public member: string,
    public score: number,
    level: number,
  ) {
    this.next = new Array<ZNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

function randomLevel(): number {
  let level = 1;
  while (level < MAX_LEVEL && Math.random() < 0.25) level++;
  return level;
}

function less(score: number, member: string, node: ZNode): boolean {
  return node.score < score || (node.score === score && node.member < member);
}

export class ZSkiplist implements SizedValue {
  readonly head = new ZNode('', 0, MAX_LEVEL);
  tail: ZNode | null = null;
  length = 0;
  level = 1;
  readonly dict = new Map<string, number>();
  /** Every node, unordered (see the header). */
  readonly nodes: ZNode[] = [];
  private bytes = 200;

  memoryBytes(): number {
    return this.bytes;
  }

  clone(): ZSkiplist {
    const z = new ZSkiplist();
    for (let x = this.head.next[0]!; x !== null; x = x.next[0]!) z.insert(x.member, x.score);
    return z;
  }

  /** Score of a member, or NaN when absent. */
  score(member: string): number {
    const s = this.dict.get(member);
    return s === undefined ? NaN : s;
  }

  /** Inserts a member that is not present (zslInsert). */
  insert(member: string, score: number): void {
    const node = new ZNode(member, score, randomLevel());
    node.slot = this.nodes.length;
    this.nodes.push(node);
    this.link(node);
    this.dict.set(member, score);
    this.bytes += NODE_BYTES + member.length + LEVEL_BYTES * node.next.length;
  }

  /** Links a node in at its (score, member) place. */
  private link(node: ZNode): void {
    const { score, member } = node;
    const update: ZNode[] = new Array<ZNode>(MAX_LEVEL);
    const rank: number[] = new Array<number>(MAX_LEVEL);
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (let n = x.next[i]!; n !== null && less(score, member, n); n = x.next[i]!) {
        rank[i]! += x.span[i]!;
        x = n;
      }
      update[i] = x;
    }
    const level = node.next.length;
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.head;
        this.head.span[i] = this.length;
      }
      this.level = level;
    }
    for (let i = 0; i < level; i++) {
      const u = update[i]!;
      node.next[i] = u.next[i]!;
      u.next[i] = node;
      node.span[i] = u.span[i]! - (rank[0]! - rank[i]!);
      u.span[i] = rank[0]! - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) update[i]!.span[i]!++;
    node.backward = update[0] === this.head ? null : update[0]!;
    if (node.next[0] !== null) node.next[0]!.backward = node;
    else this.tail = node;
    this.length++;
  }

  private unlink(x: ZNode, update: ZNode[]): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!;
      if (u.next[i] === x) {
        u.span[i]! += x.span[i]! - 1;
        u.next[i] = x.next[i]!;
      } else {
        u.span[i]!--;
      }
    }
    if (x.next[0] !== null) x.next[0]!.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.head.next[this.level - 1] === null) this.level--;
    this.length--;
  }

  /** The update path of a present member: the last node before it on each level. */
  private pathTo(member: string, score: number): ZNode[] {
    const update: ZNode[] = new Array<ZNode>(MAX_LEVEL);
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = x.next[i]!; n !== null && less(score, member, n); n = x.next[i]!) x = n;
      update[i] = x;
    }
    return update;
  }

  /** Removes a member; false when absent. */
  delete(member: string): boolean {
    const score = this.dict.get(member);
    if (score === undefined) return false;
    const update = this.pathTo(member, score);
    const x = update[0]!.next[0]!;
    this.unlink(x, update);
    const last = this.nodes.pop()!;
    if (last !== x) {
      last.slot = x.slot;
      this.nodes[x.slot] = last;
    }
    this.dict.delete(member);
    this.bytes -= NODE_BYTES + member.length + LEVEL_BYTES * x.next.length;
    return true;
  }

  /** Changes the score of a present member; the node keeps its place in `nodes`. */
  update(member: string, score: number): void {
    const old = this.dict.get(member)!;
    if (old === score) return;
    const update = this.pathTo(member, old);
    const x = update[0]!.next[0]!;
    this.unlink(x, update);
    x.score = score;
    x.next.fill(null);
    x.span.fill(0);
    this.link(x);
    this.dict.set(member, score);
  }

  /** 0-based rank of a member, or -1. */
  rank(member: string): number {
    const score = this.dict.get(member);
    if (score === undefined) return -1;
    let rank = 0;
    let x = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let n = x.next[i]!; n !== null && (less(score, member, n) || n.member === member); n = x.next[i]!) {
        rank += x.span[i]!;
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
      for (let n = x.next[i]!; n !== null && traversed + x.span[i]! <= want; n = x.next[i]!) {
        traversed += x.span[i]!;
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
      for (let n = x.next[i]!; n !== null && before(n); n = x.next[i]!) {
        rank += x.span[i]!;
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
      const next: ZNode | null = x.next[0]!;
      this.delete(x.member);
      x = next;
    }
  }
}
