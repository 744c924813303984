/**
 * Lists: the operations every list command is made of, over the key's two
 * representations. A small list is a listpack blob in the key's item
 * (Encoding.LISTPACK internally; OBJECT ENCODING says "quicklist" as Redis
 * 7.0 does); past list-max-listpack-size it becomes a QuickList object
 * (elements as bytes in 8 KiB chunks; O(1) push and pop at both ends), and
 * shrinks back to a blob once it is under half the limit, so a list near the
 * limit does not convert on every push and pop.
 *
 * Push and pop take an ElementSource / ElementSink instead of Args and Reply
 * so that the blocking commands can reuse them. Handles are invalid after
 * any call that writes; functions that delete an emptied key say so.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../status.js';
import { LP_HEADER, LP_MAX_COUNT, LpBuilder, lpEntrySize } from './listpack.js';
import { QuickList } from './list-quicklist.js';
import { blobCount, blobEntries, entryEnd, entryHead, entryStart, type BlobView } from './list-blob.js';

export { QuickList } from './list-quicklist.js';

export const LIST_HEAD = 0;
export const LIST_TAIL = 1;
/** Which end of a list (Redis's LIST_HEAD / LIST_TAIL). */
export type ListEnd = typeof LIST_HEAD | typeof LIST_TAIL;

/** Elements to push: the bytes buf[start(i), end(i)) for i in [from, to). Args is one. */
export interface ElementSource {
  readonly buf: Uint8Array;
  start(i: number): number;
  end(i: number): number;
}

/**
 * Receives elements read or popped from a list. The bytes may be arena
 * memory or a QuickList chunk that the next push reuses: use them before the
 * next write to the database (replies copy them, except >= 64 KiB ones,
 * which only ever live in a QuickList's never-recycled own-buffer nodes).
 */
export interface ElementSink {
  element(buf: Uint8Array, start: number, end: number): void;
}

/** Node size limits by list-max-listpack-size -1..-5 (bytes), as Redis 7.0. */
const SIZE_LIMITS = [4096, 8192, 16384, 32768, 65536];
/** Redis's SIZE_SAFETY_LIMIT: the byte cap of a count-limited node. */
const SAFETY_LIMIT = 8192;

/** The most bytes a list blob may take under list-max-listpack-size `fill`. */
export function blobByteLimit(fill: number): number {
  return fill < 0 ? SIZE_LIMITS[Math.min(-fill, 5) - 1]! : SAFETY_LIMIT;
}

/** The most elements a list blob may hold under list-max-listpack-size `fill`. */
export function blobCountLimit(fill: number): number {
  return fill < 0 ? LP_MAX_COUNT : Math.min(Math.max(fill, 1), LP_MAX_COUNT);
}

function fits(bytes: number, count: number, fill: number): boolean {
  return bytes <= blobByteLimit(fill) && count <= blobCountLimit(fill);
}

const builder = new LpBuilder(16 * 1024);
const view: BlobView = { mem: new Uint8Array(0), at: 0, end: 0 };

/** Points `view` at the blob of the list at `pos`; returns its element count. */
function openBlob(db: Database, pos: number): number {
  view.mem = db.stringRef(pos)!;
  view.at = db.refStart;
  view.end = db.refEnd;
  return blobEntries(view);
}

/** An owned copy of buf[s, e), for storing in a QuickList. */
export function ownedCopy(buf: Uint8Array, s: number, e: number): Buffer {
  const b = Buffer.allocUnsafe(e - s);
  if (Buffer.isBuffer(buf)) buf.copy(b, 0, s, e);
  else b.set(buf.subarray(s, e));
  return b;
}

/** Whether the key at `pos` (a list) is held as a blob. */
export function isListBlob(db: Database, pos: number): boolean {
  return db.encoding(pos) === Encoding.LISTPACK;
}

/** Number of elements of the list at `pos`. */
export function listLength(db: Database, pos: number): number {
  if (isListBlob(db, pos)) {
    const mem = db.stringRef(pos)!;
    return blobCount(mem, db.refStart);
  }
  return (db.value(pos) as QuickList).length;
}

/** The blob's entries [i, j) appended to the builder as they are. */
function copyRaw(i: number, j: number): void {
  if (j > i) builder.pushRaw(view.mem, entryHead(i), entryEnd(j - 1), j - i);
}

function storeBlob(db: Database, pos: number): number {
  const len = builder.finish();
  return db.replaceBytes(pos, Encoding.LISTPACK, builder.bytes, 0, len);
}

/** The open blob's elements as a QuickList. */
function blobToQuickList(n: number): QuickList {
  const ql = new QuickList();
  for (let i = 0; i < n; i++) ql.pushTail(view.mem, entryStart(i), entryEnd(i));
  return ql;
}

/** The QuickList at `pos` as a blob again when it has shrunk under half the limits. */
function settle(db: Database, pos: number, ql: QuickList, fill: number): void {
  if (ql.blobBytes + LP_HEADER <= blobByteLimit(fill) >>> 1 && ql.length <= blobCountLimit(fill) >>> 1) {
    builder.reset();
    ql.at(0);
    do builder.push(ql.vbuf, ql.vs, ql.ve);
    while (ql.next());
    storeBlob(db, pos);
    return;
  }
  ql.compact();
  db.modified(pos);
}

/**
 * Pushes src's elements [from, to) one by one at `where` (LPUSH a b c leaves
 * c first), creating the key buf[ks, ke) when `pos` is NO_KEY. Returns the
 * new length.
 */
export function listPush(
  db: Database, pos: number, kbuf: Uint8Array, ks: number, ke: number,
  where: ListEnd, src: ElementSource, from: number, to: number, fill: number,
): number {
  const added = to - from;
  let addBytes = 0;
  for (let i = from; i < to; i++) addBytes += lpEntrySize(src.end(i) - src.start(i));
  if (pos === NO_KEY) {
    if (fits(LP_HEADER + addBytes, added, fill)) {
      builder.reset();
      pushArgs(where, src, from, to);
      const len = builder.finish();
      db.putBytesAt(kbuf, ks, ke, Encoding.LISTPACK, builder.bytes, 0, len, false, KeyType.LIST);
      return added;
    }
    const ql = new QuickList();
    pushQuick(ql, where, src, from, to);
    db.putAt(kbuf, ks, ke, KeyType.LIST, Encoding.QUICKLIST, ql);
    return added;
  }
  if (isListBlob(db, pos)) {
    const n = openBlob(db, pos);
    if (fits(view.end - view.at + addBytes, n + added, fill)) {
      builder.reset();
      if (where === LIST_HEAD) pushArgs(where, src, from, to);
      copyRaw(0, n);
      if (where === LIST_TAIL) pushArgs(where, src, from, to);
      storeBlob(db, pos);
      return n + added;
    }
    const ql = blobToQuickList(n);
    pushQuick(ql, where, src, from, to);
    db.replaceValue(pos, Encoding.QUICKLIST, ql);
    return ql.length;
  }
  const ql = db.value(pos) as QuickList;
  pushQuick(ql, where, src, from, to);
  db.modified(pos);
  return ql.length;
}

function pushArgs(where: ListEnd, src: ElementSource, from: number, to: number): void {
  if (where === LIST_HEAD) for (let i = to - 1; i >= from; i--) builder.push(src.buf, src.start(i), src.end(i));
  else for (let i = from; i < to; i++) builder.push(src.buf, src.start(i), src.end(i));
}

function pushQuick(ql: QuickList, where: ListEnd, src: ElementSource, from: number, to: number): void {
  const buf = src.buf;
  if (where === LIST_HEAD) for (let i = from; i < to; i++) ql.pushHead(buf, src.start(i), src.end(i));
  else for (let i = from; i < to; i++) ql.pushTail(buf, src.start(i), src.end(i));
}

/** One element as an ElementSource (LMOVE's push, a blocked client's serve). */
export class OneElement implements ElementSource {
  buf: Uint8Array = new Uint8Array(0);
  s = 0;
  e = 0;
  set(buf: Uint8Array, s: number, e: number): this {
    this.buf = buf;
    this.s = s;
    this.e = e;
    return this;
  }
  start(): number {
    return this.s;
  }
  end(): number {
    return this.e;
  }
}

/**
 * Pops up to `count` elements from `where` of the list at `pos` (count >= 1),
 * handing each to `sink` in pop order. Deletes the key when it empties.
 * Returns how many were popped.
 */
export function listPop(db: Database, pos: number, where: ListEnd, count: number, sink: ElementSink, fill: number): number {
  if (isListBlob(db, pos)) {
    const n = openBlob(db, pos);
    const k = Math.min(count, n);
    if (where === LIST_HEAD) for (let i = 0; i < k; i++) sink.element(view.mem, entryStart(i), entryEnd(i));
    else for (let i = n - 1; i >= n - k; i--) sink.element(view.mem, entryStart(i), entryEnd(i));
    if (k === n) {
      db.removeAt(pos);
      return k;
    }
    builder.reset();
    if (where === LIST_HEAD) copyRaw(k, n);
    else copyRaw(0, n - k);
    storeBlob(db, pos);
    return k;
  }
  const ql = db.value(pos) as QuickList;
  const k = Math.min(count, ql.length);
  // A popped element's chunk may go to the spares, but nothing reuses it before the next push.
  for (let i = 0; i < k; i++) {
    if (where === LIST_HEAD) ql.popHead();
    else ql.popTail();
    sink.element(ql.vbuf, ql.vs, ql.ve);
  }
  if (ql.length === 0) db.removeAt(pos);
  else settle(db, pos, ql, fill);
  return k;
}

/** Hands elements [from, from + n) of the list at `pos` to `sink` (the range must be valid). */
export function listRange(db: Database, pos: number, from: number, n: number, sink: ElementSink): void {
  if (isListBlob(db, pos)) {
    openBlob(db, pos);
    for (let i = from; i < from + n; i++) sink.element(view.mem, entryStart(i), entryEnd(i));
    return;
  }
  if (n === 0) return;
  const ql = db.value(pos) as QuickList;
  ql.at(from);
  sink.element(ql.vbuf, ql.vs, ql.ve);
  for (let i = 1; i < n; i++) {
    ql.next();
    sink.element(ql.vbuf, ql.vs, ql.ve);
  }
}

/** Replaces element `i` (0 <= i < length) with buf[s, e). */
export function listSet(db: Database, pos: number, i: number, buf: Uint8Array, s: number, e: number, fill: number): void {
  if (isListBlob(db, pos)) {
    const n = openBlob(db, pos);
    const bytes = view.end - view.at - (entryEnd(i) - entryHead(i)) + lpEntrySize(e - s);
    if (fits(bytes, n, fill)) {
      builder.reset();
      copyRaw(0, i);
      builder.push(buf, s, e);
      copyRaw(i + 1, n);
      storeBlob(db, pos);
      return;
    }
    const ql = blobToQuickList(n);
    ql.setAt(i, buf, s, e);
    db.replaceValue(pos, Encoding.QUICKLIST, ql);
    return;
  }
  const ql = db.value(pos) as QuickList;
  ql.setAt(i, buf, s, e);
  settle(db, pos, ql, fill);
}

function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  const len = ae - as;
  if (be - bs !== len) return false;
  for (let k = 0; k < len; k++) if (a[as + k] !== b[bs + k]) return false;
  return true;
}

/**
 * Inserts buf[s, e) before or after the first element equal to
 * pivot[ps, pe). Returns the new length, or -1 when there is no pivot.
 */
export function listInsert(
  db: Database, pos: number, after: boolean, pivot: Uint8Array, ps: number, pe: number,
  buf: Uint8Array, s: number, e: number, fill: number,
): number {
  if (isListBlob(db, pos)) {
    const n = openBlob(db, pos);
    let at = -1;
    for (let i = 0; i < n; i++) {
      if (sameBytes(view.mem, entryStart(i), entryEnd(i), pivot, ps, pe)) {
        at = after ? i + 1 : i;
        break;
      }
    }
    if (at < 0) return -1;
    if (fits(view.end - view.at + lpEntrySize(e - s), n + 1, fill)) {
      builder.reset();
      copyRaw(0, at);
      builder.push(buf, s, e);
      copyRaw(at, n);
      storeBlob(db, pos);
      return n + 1;
    }
    const ql = blobToQuickList(n);
    ql.insertAt(at, buf, s, e);
    db.replaceValue(pos, Encoding.QUICKLIST, ql);
    return ql.length;
  }
  const ql = db.value(pos) as QuickList;
  ql.at(0);
  for (let i = 0; ; i++) {
    if (sameBytes(ql.vbuf, ql.vs, ql.ve, pivot, ps, pe)) {
      ql.insertAt(after ? i + 1 : i, buf, s, e);
      db.modified(pos);
      return ql.length;
    }
    if (!ql.next()) return -1;
  }
}

let matches = new Int32Array(256);

function noteMatch(k: number, i: number): void {
  if (k === matches.length) {
    const next = new Int32Array(k * 2);
    next.set(matches);
    matches = next;
  }
  matches[k] = i;
}

/**
 * LREM: removes elements equal to buf[s, e) — the first `count` from the
 * head (count > 0), the last -count from the tail (count < 0), or all (0).
 * Deletes the key when it empties. Returns how many were removed.
 */
export function listRemove(db: Database, pos: number, count: number, buf: Uint8Array, s: number, e: number, fill: number): number {
  const blob = isListBlob(db, pos);
  const ql = blob ? null : (db.value(pos) as QuickList);
  const n = blob ? openBlob(db, pos) : ql!.length;
  const limit = count === 0 ? n : Math.abs(count);
  // Matching indexes, ascending (scanned from the tail for a negative count, then reversed).
  let k = 0;
  if (ql !== null) ql.at(count < 0 ? n - 1 : 0);
  for (let j = 0; j < n && k < limit; j++) {
    const i = count < 0 ? n - 1 - j : j;
    if (ql !== null && j > 0) void (count < 0 ? ql.prev() : ql.next());
    const hit = ql === null ? sameBytes(view.mem, entryStart(i), entryEnd(i), buf, s, e) : sameBytes(ql.vbuf, ql.vs, ql.ve, buf, s, e);
    if (hit) noteMatch(k++, i);
  }
  if (k === 0) return 0;
  if (count < 0) matches.subarray(0, k).reverse();
  if (k === n) {
    db.removeAt(pos);
    return k;
  }
  if (blob) {
    builder.reset();
    let from = 0;
    for (let m = 0; m < k; m++) {
      copyRaw(from, matches[m]!);
      from = matches[m]! + 1;
    }
    copyRaw(from, n);
    storeBlob(db, pos);
    return k;
  }
  ql!.removeIndexes(matches, k);
  settle(db, pos, ql!, fill);
  return k;
}

/** LTRIM: drops `left` elements from the head and `right` from the tail; deletes the key when nothing is left. */
export function listTrim(db: Database, pos: number, left: number, right: number, fill: number): void {
  if (left === 0 && right === 0) return;
  const blob = isListBlob(db, pos);
  const n = blob ? openBlob(db, pos) : (db.value(pos) as QuickList).length;
  if (left + right >= n) {
    db.removeAt(pos);
    return;
  }
  if (blob) {
    builder.reset();
    copyRaw(left, n - right);
    storeBlob(db, pos);
    return;
  }
  const ql = db.value(pos) as QuickList;
  ql.dropHead(left);
  ql.dropTail(right);
  settle(db, pos, ql, fill);
}

/**
 * LPOS's search: indexes of elements equal to buf[s, e), scanning from the
 * head (rank > 0) or the tail (rank < 0), skipping the first |rank| - 1
 * matches, stopping after `count` results (0 = all) or `maxlen` compared
 * elements (0 = all). `anyRank` is Redis's RANK LONG_MIN quirk (-LONG_MIN
 * overflows, so every match qualifies and COUNT never stops the scan).
 * Writes the indexes to `out`; returns how many.
 */
export function listPositions(
  db: Database, pos: number, buf: Uint8Array, s: number, e: number,
  rank: number, count: number, maxlen: number, anyRank: boolean, out: number[],
): number {
  const blob = isListBlob(db, pos);
  const ql = blob ? null : (db.value(pos) as QuickList);
  const n = blob ? openBlob(db, pos) : ql!.length;
  const fromTail = rank < 0;
  const skip = anyRank ? 0 : Math.abs(rank) - 1;
  let found = 0;
  let seen = 0;
  if (ql !== null && n > 0) ql.at(fromTail ? n - 1 : 0);
  for (let j = 0; j < n && (maxlen === 0 || j < maxlen); j++) {
    const i = fromTail ? n - 1 - j : j;
    if (ql !== null && j > 0) void (fromTail ? ql.prev() : ql.next());
    const hit = ql === null ? sameBytes(view.mem, entryStart(i), entryEnd(i), buf, s, e) : sameBytes(ql.vbuf, ql.vs, ql.ve, buf, s, e);
    if (!hit) continue;
    if (seen++ < skip) continue;
    out[found++] = i;
    if (!anyRank && count !== 0 && found >= count) break;
  }
  return found;
}

/** The element at index `i` copied out (LMOVE keeps it across the writes that follow). */
export class CopySink implements ElementSink {
  bytes: Buffer = Buffer.alloc(0);
  element(buf: Uint8Array, start: number, end: number): void {
    this.bytes = ownedCopy(buf, start, end);
  }
}

/**
 * Rotation for LMOVE with the same source and destination: moves the element
 * at `from` to `to` in place (keeping TTL; the key never empties) and hands
 * it to `sink`.
 */
export function listRotate(db: Database, pos: number, from: ListEnd, to: ListEnd, sink: ElementSink): void {
  if (isListBlob(db, pos)) {
    const n = openBlob(db, pos);
    const i = from === LIST_HEAD ? 0 : n - 1;
    sink.element(view.mem, entryStart(i), entryEnd(i));
    if (from === to || n === 1) return;
    builder.reset();
    if (from === LIST_HEAD) {
      copyRaw(1, n);
      copyRaw(0, 1);
    } else {
      copyRaw(n - 1, n);
      copyRaw(0, n - 1);
    }
    storeBlob(db, pos);
    return;
  }
  const ql = db.value(pos) as QuickList;
  if (from === to) {
    ql.at(from === LIST_HEAD ? 0 : ql.length - 1);
    return sink.element(ql.vbuf, ql.vs, ql.ve);
  }
  // Push a copy first, then pop: a push writes only free bytes or a fresh
  // node, while a pop first could hand its chunk to the push that copies from it.
  ql.at(from === LIST_HEAD ? 0 : ql.length - 1);
  if (to === LIST_HEAD) ql.pushHead(ql.vbuf, ql.vs, ql.ve);
  else ql.pushTail(ql.vbuf, ql.vs, ql.ve);
  if (from === LIST_HEAD) ql.popHead();
  else ql.popTail();
  ql.at(to === LIST_HEAD ? 0 : ql.length - 1);
  sink.element(ql.vbuf, ql.vs, ql.ve);
}
