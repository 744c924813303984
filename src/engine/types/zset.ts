/**
 * Sorted sets over both encodings (Redis 7.0 t_zset.c): ZView reads a key
 * by rank, score or lex whatever its encoding; the mutations write back and
 * convert listpack -> skiplist as zsetAdd() does (never back, except that a
 * stored result picks its encoding by size, as zsetConvertToListpackIfNeeded).
 * A key left empty is deleted. Members are latin1 strings.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../status.js';
import { LP_HEADER, LP_MAX_COUNT } from './listpack.js';
import { LpIndex, lpFromSorted, lpInsert, lpMove, lpRemoveRange } from './zset-listpack.js';
import { ZSkiplist, type ZNode } from './zset-skiplist.js';
import { gteMin, lexGteMin, lexLteMax, lteMax, type LexRange, type ScoreRange } from './zset-score.js';

export { ZSkiplist } from './zset-skiplist.js';

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
  sl: ZSkiplist | null = null;
  readonly lp = new LpIndex();
  /** Iteration: the current listpack index or skiplist node (see seek/next). */
  i = -1;
  node: ZNode | null = null;
  /** Score of the current element after next(). */
  score = 0;
  private rev = false;
  private started = false;

  open(db: Database, pos: number): this {
    if (db.encoding(pos) === Encoding.SKIPLIST) {
      this.sl = db.value(pos) as ZSkiplist;
    } else {
      this.sl = null;
      const mem = db.stringRef(pos)!;
      this.lp.load(mem, db.refStart, db.refEnd);
    }
    return this;
  }

  get length(): number {
    return this.sl !== null ? this.sl.length : this.lp.count;
  }

  /** A member's score, NaN when absent. */
  scoreOf(member: string): number {
    if (this.sl !== null) return this.sl.score(member);
    const i = this.lp.find(member);
    return i < 0 ? NaN : this.lp.score[i]!;
  }

  /** A member's 0-based ascending rank, or -1. */
  rankOf(member: string): number {
    if (this.sl !== null) return this.sl.rank(member);
    return this.lp.find(member);
  }

  /** Rank of the first element at or above the range's min. */
  firstInScore(r: ScoreRange): number {
    if (this.sl !== null) return this.sl.countWhile((n) => !gteMin(n.score, r));
    let k = 0;
    while (k < this.lp.count && !gteMin(this.lp.score[k]!, r)) k++;
    return k;
  }

  /** Rank of the last element at or below the range's max (-1 when none). */
  lastInScore(r: ScoreRange): number {
    if (this.sl !== null) return this.sl.countWhile((n) => lteMax(n.score, r)) - 1;
    let k = 0;
    while (k < this.lp.count && lteMax(this.lp.score[k]!, r)) k++;
    return k - 1;
  }

  firstInLex(r: LexRange): number {
    if (this.sl !== null) return this.sl.countWhile((n) => !lexGteMin(n.member, r));
    let k = 0;
    while (k < this.lp.count && !lexGteMin(this.lp.member(k), r)) k++;
    return k;
  }

  lastInLex(r: LexRange): number {
    if (this.sl !== null) return this.sl.countWhile((n) => lexLteMax(n.member, r)) - 1;
    let k = 0;
    while (k < this.lp.count && lexLteMax(this.lp.member(k), r)) k++;
    return k - 1;
  }

  /** Positions the iteration before the element of ascending rank `rank`, walking down when rev. */
  seek(rank: number, rev: boolean): void {
    this.rev = rev;
    this.started = false;
    if (this.sl !== null) this.node = rank >= 0 && rank < this.sl.length ? this.sl.byRank(rank) : null;
    else this.i = rank;
  }

  /** Moves to the next element; false past the end. */
  next(): boolean {
    if (this.sl !== null) {
      if (this.started && this.node !== null) this.node = this.rev ? this.node.backward : this.node.next0;
      this.started = true;
      if (this.node === null) return false;
      this.score = this.node.score;
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
    return this.sl !== null ? this.node!.member : this.lp.member(this.i);
  }

  /** Byte length of the current member. */
  memberLength(): number {
    return this.sl !== null ? this.node!.member.length : this.lp.memberLength(this.i);
  }
}

const view = new ZView();

/** Makes a new empty sorted set for ZADD: a skiplist when the first member is too long (zaddGenericCommand). */
export function zsetCreate(db: Database, kbuf: Uint8Array, ks: number, ke: number, firstMemberLength: number): number {
  if (zsetLimits.entries === 0 || zsetLimits.value < firstMemberLength) {
    return db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.SKIPLIST, new ZSkiplist());
  }
  return db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.LISTPACK, new Uint8Array(LP_HEADER));
}

/** Converts a listpack key to a skiplist; returns the new handle. */
export function zsetConvert(db: Database, pos: number): number {
  const ix = view.open(db, pos).lp;
  const sl = new ZSkiplist();
  for (let i = 0; i < ix.count; i++) sl.insert(ix.member(i), ix.score[i]!);
  return db.replaceValue(pos, Encoding.SKIPLIST, sl);
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
  (db.value(pos) as ZSkiplist).insert(member, score);
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
  (db.value(pos) as ZSkiplist).update(member, score);
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
  const sl = db.value(pos) as ZSkiplist;
  if (!sl.delete(member)) return MISSING;
  if (sl.length === 0) {
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
  const sl = db.value(pos) as ZSkiplist;
  sl.deleteRanks(from, to);
  if (sl.length === 0) {
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
    const sl = new ZSkiplist();
    for (let i = 0; i < n; i++) sl.insert(members[i]!, scores[i]!);
    db.putAt(kbuf, ks, ke, KeyType.ZSET, Encoding.SKIPLIST, sl);
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
