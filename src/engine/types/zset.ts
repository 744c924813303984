/**
 * Sorted sets over both encodings (Redis 7.0 t_zset.c): ZView reads a key
 * by rank, score or lex whatever its encoding; the mutations write back and
 * convert listpack -> skiplist (a ZTree, zset-tree.ts) as zsetAdd() does (never back, except that a
 * stored result picks its encoding by size, as zsetConvertToListpackIfNeeded).
 * A key left empty is deleted. Members are latin1 strings.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../status.js';
import { LP_HEADER, LP_MAX_COUNT } from './listpack.js';
import { LpIndex, lpFromSorted, lpInsert, lpMove, lpRemoveRange } from './zset-listpack.js';
import { ZTree, type ZLeaf } from './zset-tree.js';
import { gteMin, lexGteMin, lexLteMax, lteMax, type LexRange, type ScoreRange } from './zset-score.js';

export { ZTree } from './zset-tree.js';

/** zset-max-listpack-entries / -value; the command layer copies the config here before each write. */
export const zsetLimits = { entries: 128, value: 64 };

/** Most pairs a listpack can hold (its count is a u16 of entries). */
const MAX_PAIRS = LP_MAX_COUNT >> 1;

/** Whether a result of n members, the longest maxLen bytes, is kept as a listpack. */
export function fitsListpack(n: number, maxLen: number): boolean {
  return n <= zsetLimits.entries && n <= MAX_PAIRS && maxLen <= zsetLimits.value;
}

/** A read view of one sorted-set key, valid until the next write to the database. */
export class ZView {
  /** The tree of a big ("skiplist") key, null for a listpack. */
  tree: ZTree | null = null;
  readonly lp = new LpIndex();
  /** Iteration: the current listpack index, or index in `leaf` (see seek/next). */
  i = -1;
  leaf: ZLeaf | null = null;
  /** Score of the current element after next(). */
  score = 0;
  private rev = false;
  private started = false;

  open(db: Database, pos: number): this {
    if (db.encoding(pos) === Encoding.SKIPLIST) {
      this.tree = db.value(pos) as ZTree;
    } else {
      this.tree = null;
      const mem = db.stringRef(pos)!;
      this.lp.load(mem, db.refStart, db.refEnd);
    }
    return this;
  }

  get length(): number {
    return this.tree !== null ? this.tree.length : this.lp.count;
  }

  /** A member's score, NaN when absent. */
  scoreOf(member: string): number {
    if (this.tree !== null) return this.tree.score(member);
    const i = this.lp.find(member);
    return i < 0 ? NaN : this.lp.score[i]!;
  }

  /** A member's score given as bytes, NaN when absent; a big set makes no string. */
  scoreOfBytes(buf: Buffer, s: number, e: number): number {
    if (this.tree === null) return this.scoreOf(buf.latin1Slice(s, e));
    const slot = this.tree.slotAt(buf, s, e);
    return slot < 0 ? NaN : this.tree.slotScore(slot);
  }

  /** A member's 0-based ascending rank, or -1. */
  rankOf(member: string): number {
    if (this.tree !== null) return this.tree.rank(member);
    return this.lp.find(member);
  }

  /** Rank of the first element at or above the range's min. */
  firstInScore(r: ScoreRange): number {
    if (this.tree !== null) return this.tree.countWhile(belowMin, r);
    let k = 0;
    while (k < this.lp.count && !gteMin(this.lp.score[k]!, r)) k++;
    return k;
  }

  /** Rank of the last element at or below the range's max (-1 when none). */
  lastInScore(r: ScoreRange): number {
    if (this.tree !== null) return this.tree.countWhile(withinMax, r) - 1;
    let k = 0;
    while (k < this.lp.count && lteMax(this.lp.score[k]!, r)) k++;
    return k - 1;
  }

  firstInLex(r: LexRange): number {
    if (this.tree !== null) return this.tree.countWhile(belowLexMin, r);
    let k = 0;
    while (k < this.lp.count && !lexGteMin(this.lp.member(k), r)) k++;
    return k;
  }

  lastInLex(r: LexRange): number {
    if (this.tree !== null) return this.tree.countWhile(withinLexMax, r) - 1;
    let k = 0;
    while (k < this.lp.count && lexLteMax(this.lp.member(k), r)) k++;
    return k - 1;
  }

  /** Positions the iteration before the element of ascending rank `rank`, walking down when rev. */
  seek(rank: number, rev: boolean): void {
    this.rev = rev;
    this.started = false;
    const t = this.tree;
    if (t === null) this.i = rank;
    else if (rank >= 0 && rank < t.length) {
      this.leaf = t.leafAt(rank);
      this.i = t.offset;
    } else this.leaf = null;
  }

  /** Moves to the next element; false past the end. */
  next(): boolean {
    if (this.tree !== null) {
      let leaf = this.leaf;
      if (this.started && leaf !== null) {
        // Leaves other than an empty tree's root are never empty.
        if (this.rev) {
          if (--this.i < 0) {
            leaf = this.leaf = leaf.prev;
            if (leaf !== null) this.i = leaf.n - 1;
          }
        } else if (++this.i >= leaf.n) {
          leaf = this.leaf = leaf.next;
          this.i = 0;
        }
      }
      this.started = true;
      if (leaf === null) return false;
      this.score = leaf.scores[this.i]!;
      return true;
    }
    if (this.started) this.i += this.rev ? -1 : 1;
    this.started = true;
    if (this.i < 0 || this.i >= this.lp.count) return false;
    this.score = this.lp.score[this.i]!;
    return true;
  }

  /** The current member as a string. */
  member(): string {
    return this.tree !== null ? this.leaf!.members[this.i]! : this.lp.member(this.i);
  }

  /** Byte length of the current member. */
  memberLength(): number {
    return this.tree !== null ? this.leaf!.members[this.i]!.length : this.lp.memberLength(this.i);
  }
}

// countWhile() predicates: module functions, so a range query builds no closure.
const belowMin = (score: number, _m: string, r: ScoreRange): boolean => !gteMin(score, r);
const withinMax = (score: number, _m: string, r: ScoreRange): boolean => lteMax(score, r);
const belowLexMin = (_s: number, member: string, r: LexRange): boolean => !lexGteMin(member, r);
const withinLexMax = (_s: number, member: string, r: LexRange): boolean => lexLteMax(member, r);

const view = new ZView();

/** Makes a new empty sorted set for ZADD: a skiplist when the first member is too long (zaddGenericCommand). */
export function zsetCreate(db: Database, kbuf: Uint8Array, ks: number, ke: number, firstMemberLength: number): number {
  if (zsetLimits.entries === 0 || zsetLimits.value < firstMemberLength) {
    return db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.SKIPLIST, new ZTree());
  }
  return db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.LISTPACK, new Uint8Array(LP_HEADER));
}

/** Converts a listpack key to a skiplist; returns the new handle. */
export function zsetConvert(db: Database, pos: number): number {
  const ix = view.open(db, pos).lp;
  const members: string[] = [];
  for (let i = 0; i < ix.count; i++) members.push(ix.member(i));
  return db.replaceValue(pos, Encoding.SKIPLIST, ZTree.from(members, ix.score, ix.count));
}

/** Adds a member known to be absent, converting first when the listpack would grow past its limits. */
export function zsetInsert(db: Database, pos: number, member: string, score: number): number {
  if (db.encoding(pos) === Encoding.LISTPACK) {
    const ix = view.open(db, pos).lp;
    if (ix.count + 1 > zsetLimits.entries || ix.count + 1 > MAX_PAIRS || member.length > zsetLimits.value) {
      pos = zsetConvert(db, pos);
    } else {
      const b = lpInsert(ix, ix.insertionPoint(member, score), member, score);
      return db.replaceBytes(pos, Encoding.LISTPACK, b.bytes, 0, b.length);
    }
  }
  (db.value(pos) as ZTree).insert(member, score);
  db.modified(pos);
  return pos;
}

/** Changes the score of a present member. */
export function zsetSetScore(db: Database, pos: number, member: string, score: number): number {
  if (db.encoding(pos) === Encoding.LISTPACK) {
    const ix = view.open(db, pos).lp;
    const b = lpMove(ix, ix.find(member), score);
    return db.replaceBytes(pos, Encoding.LISTPACK, b.bytes, 0, b.length);
  }
  (db.value(pos) as ZTree).update(member, score);
  db.modified(pos);
  return pos;
}

/** Changes the score of the member in a skiplist slot (ZTree.slotAt). */
export function zsetSetSlotScore(db: Database, pos: number, slot: number, score: number): number {
  (db.value(pos) as ZTree).updateSlot(slot, score);
  db.modified(pos);
  return pos;
}

/** Removes a member; returns the handle, NO_KEY when the key went away, or -3 when the member was absent. */
export function zsetRemove(db: Database, pos: number, member: string): number {
  if (db.encoding(pos) === Encoding.LISTPACK) {
    const ix = view.open(db, pos).lp;
    const i = ix.find(member);
    if (i < 0) return MISSING;
    return zsetRemoveRanks(db, pos, i, i);
  }
  const t = db.value(pos) as ZTree;
  if (!t.delete(member)) return MISSING;
  if (t.length === 0) {
    db.removeAt(pos);
    return NO_KEY;
  }
  db.modified(pos);
  return pos;
}

/** What zsetRemove() returns when the member was not there. */
export const MISSING = -3;

/** Removes the ranks [from, to] (in range); returns the handle or NO_KEY when the key went away. */
export function zsetRemoveRanks(db: Database, pos: number, from: number, to: number): number {
  if (db.encoding(pos) === Encoding.LISTPACK) {
    const ix = view.open(db, pos).lp;
    if (from === 0 && to === ix.count - 1) {
      db.removeAt(pos);
      return NO_KEY;
    }
    const b = lpRemoveRange(ix, from, to);
    return db.replaceBytes(pos, Encoding.LISTPACK, b.bytes, 0, b.length);
  }
  const t = db.value(pos) as ZTree;
  t.deleteRanks(from, to);
  if (t.length === 0) {
    db.removeAt(pos);
    return NO_KEY;
  }
  db.modified(pos);
  return pos;
}

/**
 * Stores a result (ZRANGESTORE, Z*STORE) over the key: members and scores
 * sorted by (score, member), encoded by size. An empty result deletes the key
 * (true when there was one). Returns whether a key was written or deleted.
 */
export function zsetStore(db: Database, kbuf: Uint8Array, ks: number, ke: number, members: readonly string[], scores: ArrayLike<number>, n: number): boolean {
  if (n === 0) return db.deleteKeyAt(kbuf, ks, ke);
  let maxLen = 0;
  for (let i = 0; i < n; i++) if (members[i]!.length > maxLen) maxLen = members[i]!.length;
  if (fitsListpack(n, maxLen)) {
    const b = lpFromSorted(members, scores, n);
    db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.LISTPACK, Buffer.from(b.bytes.subarray(0, b.length)));
  } else {
    db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.SKIPLIST, ZTree.from(members, scores, n));
  }
  return true;
}

/** Sorts parallel arrays of members and scores by (score, member) in place. */
export function sortPairs(members: string[], scores: number[]): void {
  const order = members.map((_, i) => i);
  order.sort((a, b) => scores[a]! - scores[b]! || (members[a]! < members[b]! ? -1 : members[a]! > members[b]! ? 1 : 0));
  const m = order.map((i) => members[i]!);
  const s = order.map((i) => scores[i]!);
  for (let i = 0; i < m.length; i++) {
    members[i] = m[i]!;
    scores[i] = s[i]!;
  }
}
