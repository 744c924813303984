/**
 * The small sorted-set encoding: one listpack blob (./listpack.ts) of
 * member, score, member, score... ordered by (score, member bytes), stored
 * in the key's arena item. The score entry is ./zset-score.ts encodeScore().
 * LpIndex decodes a blob's offsets and scores once into reused typed arrays
 * so ranks, binary searches and reverse walks are O(1) per step; edits
 * rebuild the blob into a reused LpBuilder (O(n), like Redis's memmove).
 */
import { LP_HEADER, LpBuilder, LpCursor } from './listpack.js';
import { decodeScore, encodeScore } from './zset-score.js';

const cursor = new LpCursor();
const builder = new LpBuilder(4096);
const scoreBytes = new Uint8Array(8);

/** Offsets and scores of one listpack zset; valid until the blob is written. */
export class LpIndex {
  buf: Uint8Array = new Uint8Array(0);
  count = 0;
  /** Offset just past the last entry. */
  end = 0;
  /** Start of the first entry. */
  first = 0;
  /** Offset of pair i's member entry (its length varint). */
  entry = new Int32Array(64);
  mStart = new Int32Array(64);
  mEnd = new Int32Array(64);
  score = new Float64Array(64);
  private view: Buffer = Buffer.alloc(0);

  load(buf: Uint8Array, at: number, end: number): this {
    this.buf = buf;
    this.view = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const pairs = cursor.reset(buf, at) >> 1;
    if (pairs > this.entry.length) this.grow(pairs);
    this.first = at + LP_HEADER;
    this.end = end;
    for (let i = 0; i < pairs; i++) {
      cursor.next();
      this.entry[i] = cursor.entry;
      this.mStart[i] = cursor.start;
      this.mEnd[i] = cursor.end;
      cursor.next();
      this.score[i] = decodeScore(buf, cursor.start, cursor.end);
    }
    this.count = pairs;
    return this;
  }

  private grow(n: number): void {
    let size = this.entry.length;
    while (size < n) size *= 2;
    this.entry = new Int32Array(size);
    this.mStart = new Int32Array(size);
    this.mEnd = new Int32Array(size);
    this.score = new Float64Array(size);
  }

  /** Member i as a latin1 string. */
  member(i: number): string {
    return this.view.latin1Slice(this.mStart[i]!, this.mEnd[i]!);
  }

  /** Length in bytes of member i. */
  memberLength(i: number): number {
    return this.mEnd[i]! - this.mStart[i]!;
  }

  /** Index of a member, or -1. */
  find(member: string): number {
    const len = member.length;
    const b = this.buf;
    outer: for (let i = 0; i < this.count; i++) {
      const s = this.mStart[i]!;
      if (this.mEnd[i]! - s !== len) continue;
      for (let k = 0; k < len; k++) if (b[s + k] !== member.charCodeAt(k)) continue outer;
      return i;
    }
    return -1;
  }

  /** Compares member i with a string (memcmp order). */
  compare(i: number, other: string): number {
    const b = this.buf;
    const s = this.mStart[i]!;
    const len = this.mEnd[i]! - s;
    const n = Math.min(len, other.length);
    for (let k = 0; k < n; k++) {
      const d = b[s + k]! - other.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - other.length;
  }

  /** Index where (score, member) belongs: the first pair ordered after it. */
  insertionPoint(member: string, score: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.score[mid]!;
      if (s < score || (s === score && this.compare(mid, member) < 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Offset where pair i begins (the end for i = count). */
  offset(i: number): number {
    return i < this.count ? this.entry[i]! : this.end;
  }
}

function pushScore(b: LpBuilder, score: number): void {
  const n = encodeScore(score, scoreBytes);
  b.push(scoreBytes, 0, n);
}

function pushMember(b: LpBuilder, member: string): void {
  b.pushString(member);
}

/** The blob after inserting (member, score) at pair index i; bytes in the returned builder. */
export function lpInsert(ix: LpIndex, i: number, member: string, score: number): LpBuilder {
  const b = builder.reset();
  const mid = ix.offset(i);
  b.pushRaw(ix.buf, ix.first, mid, 2 * i);
  pushMember(b, member);
  pushScore(b, score);
  b.pushRaw(ix.buf, mid, ix.end, 2 * (ix.count - i));
  b.finish();
  return b;
}

/** The blob without the pairs [from, to] (inclusive). */
export function lpRemoveRange(ix: LpIndex, from: number, to: number): LpBuilder {
  const b = builder.reset();
  b.pushRaw(ix.buf, ix.first, ix.offset(from), 2 * from);
  b.pushRaw(ix.buf, ix.offset(to + 1), ix.end, 2 * (ix.count - to - 1));
  b.finish();
  return b;
}

/** The blob with pair i removed and (member, score) inserted where it belongs (a score update). */
export function lpMove(ix: LpIndex, i: number, score: number): LpBuilder {
  const member = ix.member(i);
  let j = ix.insertionPoint(member, score);
  const b = builder.reset();
  // j counts pair i itself when it sorts before the new place.
  if (j > i) j--;
  let written = 0;
  for (let k = 0; k <= ix.count; k++) {
    if (written === j) {
      pushMember(b, member);
      pushScore(b, score);
      written = -1;
    }
    if (k === ix.count) break;
    if (k === i) continue;
    b.pushRaw(ix.buf, ix.offset(k), ix.offset(k + 1), 2);
    if (written >= 0) written++;
  }
  b.finish();
  return b;
}

/** A blob from pairs already sorted by (score, member). */
export function lpFromSorted(members: readonly string[], scores: ArrayLike<number>, n: number): LpBuilder {
  const b = builder.reset();
  for (let i = 0; i < n; i++) {
    pushMember(b, members[i]!);
    pushScore(b, scores[i]!);
  }
  b.finish();
  return b;
}
