/**
 * SORT and SORT_RO (Redis 7.0 sort.c, sortCommandGeneric): the elements of a
 * list, set or sorted set are copied out as latin1 strings, sorted (numeric
 * by strtod, or ALPHA by bytes), sliced by LIMIT and answered or STOREd as a
 * list, with BY / GET patterns resolved through lookupKeyByPattern's rules.
 * Elements are copied before any pattern lookup because a lookup may expire
 * a key and so invalidate every handle. Non-goal: locale collation (the C
 * locale's strcoll is byte order up to the first NUL, which is what we do).
 */
import { N, notifyArg } from '../notify.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import type { Database } from '../../engine/keyspace.js';
import { listLength, listPush, listRange, type ElementSink, type ElementSource } from '../../engine/types/list.js';
import { SetView } from '../../engine/types/set.js';
import { ZView, zsetConvert } from '../../engine/types/zset.js';
import { HashRef, hashGet } from '../../engine/types/hash.js';
import { listFill } from '../list/list-generic.js';
import { pqsort } from './pqsort.js';

const CONVERSION_ERROR = "ERR One or more scores can't be converted into double";

/** C's strtod over a whole value, as sortCommandGeneric checks it; null when Redis reports a conversion error. */
export function sortScore(value: string): number | null {
  const nul = value.indexOf('\0');
  const s = nul < 0 ? value : value.slice(0, nul);
  // strtod("") converts nothing and leaves the end pointer on the terminator: score 0, no error.
  if (s.length === 0) return 0;
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  let v: number;
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(t);
  if (hex !== null && (hex[2]!.length > 0 || (hex[3] ?? '').length > 0)) {
    const frac = hex[3] ?? '';
    v = 0;
    for (const c of hex[2]! + frac) v = v * 16 + parseInt(c, 16);
    v *= Math.pow(2, Number(hex[4] ?? 0) - 4 * frac.length);
    if (hex[1] === '-') v = -v;
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    v = Number(t);
  } else {
    return null;
  }
  // ERANGE: overflow to infinity, or underflow to zero or a subnormal.
  if (!Number.isFinite(v)) return null;
  if (v !== 0 && Math.abs(v) < 2.2250738585072014e-308) return null;
  if (v === 0 && /[1-9a-fA-F]/.test(hex !== null ? hex[2]! + (hex[3] ?? '') : t.replace(/[eE].*$/, ''))) return null;
  return v;
}

/** strcoll in the C locale: byte order of the C strings (up to the first NUL). */
function collate(a: string, b: string): number {
  const na = a.indexOf('\0');
  const nb = b.indexOf('\0');
  const x = na < 0 ? a : a.slice(0, na);
  const y = nb < 0 ? b : b.slice(0, nb);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const hashRef = new HashRef();

/**
 * lookupKeyByPattern: "#" is the element itself; a pattern without '*' names
 * nothing; "prefix*postfix->field" reads a hash field, else a string key.
 */
function lookupByPattern(db: Database, pattern: string, elem: string, write: boolean): string | null {
  const nul = pattern.indexOf('\0');
  const spat = nul < 0 ? pattern : pattern.slice(0, nul);
  if (spat === '#') return elem;
  const star = spat.indexOf('*');
  if (star < 0) return null;
  const arrow = spat.indexOf('->', star + 1);
  // "->" at the very end is part of the key name, not a field reference.
  const hasField = arrow >= 0 && arrow + 2 < spat.length;
  const field = hasField ? pattern.slice(arrow + 2) : '';
  const postfixEnd = hasField ? arrow : pattern.length;
  const key = pattern.slice(0, star) + elem + pattern.slice(star + 1, postfixEnd);
  const pos = write ? db.lookupWrite(key) : db.lookupRead(key);
  if (pos === NO_KEY) return null;
  if (hasField) {
    if (db.type(pos) !== KeyType.HASH) return null;
    const f = Buffer.from(field, 'latin1');
    if (!hashGet(db, pos, f, 0, f.length, hashRef)) return null;
    return Buffer.from(hashRef.mem.buffer, hashRef.mem.byteOffset + hashRef.start, hashRef.end - hashRef.start).toString('latin1');
  }
  if (db.type(pos) !== KeyType.STRING) return null;
  const v = db.stringValue(pos);
  return typeof v === 'object' ? v.toString('latin1') : String(v);
}

class CollectSink implements ElementSink {
  out: string[] = [];
  element(buf: Uint8Array, start: number, end: number): void {
    this.out.push(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
  }
}

/** The stored result's elements, all in one buffer. */
class StringsSource implements ElementSource {
  buf: Buffer;
  private readonly offs: number[] = [];
  constructor(items: readonly string[]) {
    let total = 0;
    for (const s of items) total += s.length;
    this.buf = Buffer.allocUnsafe(total);
    let at = 0;
    for (const s of items) {
      this.offs.push(at);
      at += this.buf.latin1Write(s, at);
    }
    this.offs.push(at);
  }
  start(i: number): number {
    return this.offs[i]!;
  }
  end(i: number): number {
    return this.offs[i + 1]!;
  }
}

interface SortItem {
  obj: string;
  score: number;
  cmp: string | null;
}

/** SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination]; SORT_RO without STORE. */
export function sortGeneric(ctx: CommandContext, args: Args, reply: Reply, readonly: boolean): void {
  let dontsort = false;
  let desc = false;
  let alpha = false;
  let limitStart = 0;
  let limitCount = -1;
  let sortby: string | null = null;
  let storeArg = -1;
  const gets: string[] = [];
  for (let j = 2; j < args.count; j++) {
    const left = args.count - j - 1;
    if (args.is(j, 'asc')) desc = false;
    else if (args.is(j, 'desc')) desc = true;
    else if (args.is(j, 'alpha')) alpha = true;
    else if (args.is(j, 'limit') && left >= 2) {
      const s = args.int(j + 1);
      const c = s === null ? null : args.int(j + 2);
      if (s === null || c === null) return reply.error(NOT_INTEGER);
      limitStart = s;
      limitCount = c;
      j += 2;
    } else if (args.is(j, 'store') && left >= 1 && !readonly) {
      storeArg = ++j;
    } else if (args.is(j, 'by') && left >= 1) {
      sortby = args.str(++j);
      // Once set, a later BY with a '*' does not undo it (as in Redis).
      const nul = sortby.indexOf('\0');
      if ((nul < 0 ? sortby : sortby.slice(0, nul)).indexOf('*') < 0) dontsort = true;
    } else if (args.is(j, 'get') && left >= 1) {
      gets.push(args.str(++j));
    } else {
      return reply.error(SYNTAX);
    }
  }
  const store = storeArg >= 0;
  const db = ctx.db;
  const buf = args.buf;
  let pos = store ? db.lookupWriteAt(buf, args.start(1), args.end(1)) : db.lookupReadAt(buf, args.start(1), args.end(1));
  const type = pos === NO_KEY ? KeyType.LIST : db.type(pos);
  if (type !== KeyType.LIST && type !== KeyType.SET && type !== KeyType.ZSET) return reply.error(WRONGTYPE);
  // A set has no order of its own: an unsorted result that is stored is sorted ALPHA so replicas agree.
  if (dontsort && type === KeyType.SET && store) {
    dontsort = false;
    alpha = true;
    sortby = null;
  }
  // Redis converts a listpack sorted set for good before sorting it.
  if (pos !== NO_KEY && type === KeyType.ZSET && db.encoding(pos) === Encoding.LISTPACK) pos = zsetConvert(db, pos);

  const vectorLen = pos === NO_KEY ? 0 : type === KeyType.LIST ? listLength(db, pos) : type === KeyType.SET ? setView.load(db, pos).size : zview.open(db, pos).length;
  let start = limitStart < 0 ? 0 : limitStart;
  let end = limitCount < 0 ? vectorLen - 1 : start + limitCount - 1;
  if (start >= vectorLen) {
    start = vectorLen - 1;
    end = vectorLen - 2;
  }
  if (end >= vectorLen) end = vectorLen - 1;

  // Lists and sorted sets keep their own order without sorting: only the LIMIT range is read.
  let objs: string[];
  const sink = new CollectSink();
  if (pos === NO_KEY) {
    objs = [];
  } else if (dontsort && type === KeyType.LIST) {
    if (end >= start) {
      const n = end - start + 1;
      if (desc) {
        listRange(db, pos, vectorLen - end - 1, n, sink);
        sink.out.reverse();
      } else {
        listRange(db, pos, start, n, sink);
      }
      end -= start;
      start = 0;
    }
    objs = sink.out;
  } else if (type === KeyType.LIST) {
    listRange(db, pos, 0, vectorLen, sink);
    objs = sink.out;
  } else if (type === KeyType.SET) {
    objs = [];
    for (let i = 0; i < vectorLen; i++) objs.push(setView.text(i));
  } else if (dontsort) {
    objs = [];
    const n = end - start + 1;
    if (n > 0) {
      zview.seek(desc ? vectorLen - 1 - start : start, desc);
      for (let i = 0; i < n && zview.next(); i++) objs.push(zview.member());
    }
    end -= start;
    start = 0;
  } else {
    objs = [];
    zview.seek(0, false);
    while (zview.next()) objs.push(zview.member());
  }

  const items: SortItem[] = objs.map((obj) => ({ obj, score: 0, cmp: null }));
  let conversionError = false;
  if (!dontsort) {
    for (const it of items) {
      let by: string | null = it.obj;
      if (sortby !== null) {
        by = lookupByPattern(db, sortby, it.obj, store);
        if (by === null) continue;
      }
      if (alpha) {
        if (sortby !== null) it.cmp = by;
      } else {
        const score = sortScore(by);
        if (score === null) conversionError = true;
        else it.score = score;
      }
    }
    const bypattern = sortby !== null;
    const sign = desc ? -1 : 1;
    const compare = (a: SortItem, b: SortItem): number => {
      let c: number;
      if (!alpha) {
        c = a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.obj, b.obj);
      } else if (bypattern) {
        if (a.cmp === null || b.cmp === null) c = a.cmp === b.cmp ? 0 : a.cmp === null ? -1 : 1;
        else c = store ? compareBytes(a.cmp, b.cmp) : collate(a.cmp, b.cmp);
      } else {
        c = store ? compareBytes(a.obj, b.obj) : collate(a.obj, b.obj);
      }
      return c * sign;
    };
    // As Redis: glibc's qsort (a merge sort, so stable) unless a BY pattern sorts only the LIMIT's range.
    if (bypattern && (start !== 0 || end !== vectorLen - 1)) pqsort(items, compare, start, end);
    else items.sort(compare);
  }

  const count = end - start + 1;
  const outputLen = gets.length > 0 ? gets.length * count : count;
  if (conversionError) return reply.error(CONVERSION_ERROR);
  if (!store) {
    reply.array(outputLen);
    for (let j = start; j <= end; j++) {
      const obj = items[j]!.obj;
      if (gets.length === 0) reply.bulkStr(obj);
      for (const g of gets) {
        const v = lookupByPattern(db, g, obj, false);
        if (v === null) reply.nil();
        else reply.bulkStr(v);
      }
    }
    return;
  }
  const result: string[] = [];
  for (let j = start; j <= end; j++) {
    const obj = items[j]!.obj;
    if (gets.length === 0) result.push(obj);
    for (const g of gets) result.push(lookupByPattern(db, g, obj, true) ?? '');
  }
  const ks = args.start(storeArg);
  const ke = args.end(storeArg);
  if (outputLen > 0) {
    db.lookupWriteAt(buf, ks, ke);
    const src = new StringsSource(result);
    listPush(db, NO_KEY, buf, ks, ke, 1, src, 0, result.length, listFill(ctx));
    ctx.dirty(outputLen);
    notifyArg(ctx, N.LIST, 'sortstore', args, storeArg);
  } else if (db.lookupWriteAt(buf, ks, ke) !== NO_KEY && db.deleteKeyAt(buf, ks, ke)) {
    ctx.dirty(1);
    notifyArg(ctx, N.GENERIC, 'del', args, storeArg);
  }
  reply.int(outputLen);
}

const setView = new SetView();
const zview = new ZView();
