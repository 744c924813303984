/**
 * Hashes over the keyspace. Two encodings, as Redis 7.0:
 *   listpack   field, value, field, value... in the shared listpack blob held
 *              in the key's item (./listpack.ts), in insertion order
 *   hashtable  a ByteTable object (./byte-table.ts) in the object table, its
 *              fields and values as bytes in the table's arena
 * A hash starts as a listpack and becomes a hashtable, never back, once it
 * holds more than `maxEntries` fields or a field or value longer than
 * `maxValue` bytes (hash-max-listpack-entries / -value, read by the caller).
 * The engine knows nothing of RESP: reads fill a HashRef, writes go through
 * a HashWriter, and both take byte ranges.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../status.js';
import { LP_HEADER, LpBuilder, LpCursor, lpCount } from './listpack.js';
import { ByteTable } from './byte-table.js';

/** Encoding thresholds (hash-max-listpack-entries, hash-max-listpack-value). */
export interface HashLimits {
  maxEntries: number;
  maxValue: number;
}

/** A listpack counts entries in a u16: past this many fields a hash is a hashtable whatever the config says. */
export const LP_MAX_FIELDS = 32766;

/**
 * Where a value was found: bytes mem[start, end) of a listpack or of a
 * hashtable's arena. Valid until the next write.
 */
export class HashRef {
  mem: Uint8Array = noBytes;
  start = 0;
  end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The value as a view of the memory holding it. */
  bytes(): Uint8Array {
    return this.mem.subarray(this.start, this.end);
  }
}

const noBytes = new Uint8Array(0);
const cursor = new LpCursor();

/** Number of fields of the hash at `pos`. */
export function hashLength(db: Database, pos: number): number {
  if (db.encoding(pos) === Encoding.HASHTABLE) return (db.value(pos) as ByteTable).size;
  const mem = db.stringRef(pos)!;
  return lpCount(mem, db.refStart) >>> 1;
}

/** Finds a field; on success fills `out` with its value and returns true. */
export function hashGet(db: Database, pos: number, fbuf: Uint8Array, fs: number, fe: number, out: HashRef): boolean {
  if (db.encoding(pos) === Encoding.HASHTABLE) {
    const t = db.value(pos) as ByteTable;
    const i = t.find(fbuf, fs, fe);
    if (i < 0) return false;
    out.mem = t.mem;
    out.start = t.keyEnd(i);
    out.end = t.valueEnd(i);
    return true;
  }
  const mem = db.stringRef(pos)!;
  const c = cursor;
  c.reset(mem, db.refStart);
  while (c.next()) {
    const hit = c.equals(fbuf, fs, fe);
    c.next();
    if (hit) {
      out.mem = mem;
      out.start = c.start;
      out.end = c.end;
      return true;
    }
  }
  return false;
}

/** Whether the hash at `pos` has the field. */
export function hashExists(db: Database, pos: number, fbuf: Uint8Array, fs: number, fe: number): boolean {
  return hashGet(db, pos, fbuf, fs, fe, existsScratch);
}
const existsScratch = new HashRef();

/**
 * Deletes the fields named by the ranges buf[starts[i], ends[i]) for i in
 * [from, to); deletes the key when the hash becomes empty. Returns how many
 * fields were removed (a field named twice counts once).
 */
export function hashDelete(db: Database, pos: number, buf: Uint8Array, starts: Int32Array, lens: Int32Array, from: number, to: number): number {
  if (db.encoding(pos) === Encoding.HASHTABLE) {
    const t = db.value(pos) as ByteTable;
    let removed = 0;
    for (let i = from; i < to; i++) if (t.delete(buf, starts[i]!, starts[i]! + lens[i]!)) removed++;
    if (t.size === 0) db.removeAt(pos);
    else if (removed > 0) db.modified(pos);
    return removed;
  }
  const mem = db.stringRef(pos)!;
  const b = builderA.reset();
  const c = cursor;
  c.reset(mem, db.refStart);
  let removed = 0;
  while (c.next()) {
    const fStart = c.entry;
    let hit = false;
    for (let i = from; i < to && !hit; i++) hit = c.equals(buf, starts[i]!, starts[i]! + lens[i]!);
    c.next();
    if (hit) removed++;
    else b.pushRaw(mem, fStart, c.end, 2);
  }
  if (removed === 0) return 0;
  if (b.count === 0) {
    db.removeAt(pos);
    return removed;
  }
  const len = b.finish();
  db.replaceBytes(pos, Encoding.LISTPACK, b.bytes, 0, len);
  return removed;
}

const builderA = new LpBuilder();
const builderB = new LpBuilder();

/** A hashtable holding the pairs of a listpack. */
function tableOf(buf: Uint8Array, at: number): ByteTable {
  const t = new ByteTable(true, lpCount(buf, at) >>> 1);
  const c = new LpCursor();
  c.reset(buf, at);
  while (c.next()) {
    const fs = c.start;
    const fe = c.end;
    c.next();
    t.set(buf, fs, fe, buf, c.start, c.end);
  }
  return t;
}

/**
 * Applies writes to one hash, Redis's hashTypeSet() one field at a time,
 * then stores the result once: begin(), set()..., commit(). A listpack is
 * edited in a reused builder (appends are in place; a replaced value of the
 * same length is overwritten in place) and converted to a hashtable as soon
 * as a threshold is passed.
 */
export class HashWriter {
  private db!: Database;
  private pos = NO_KEY;
  private kbuf: Uint8Array = noBytes;
  private ks = 0;
  private ke = 0;
  private limits!: HashLimits;
  /** The hashtable being written, or null while the hash is a listpack (in builderA). */
  private table: ByteTable | null = null;
  /** Whether the key held a listpack that became a hashtable. */
  private converted = false;

  /** Starts writing the hash at `pos` (a live hash key) or, with NO_KEY, a new hash named kbuf[ks, ke). */
  begin(db: Database, pos: number, kbuf: Uint8Array, ks: number, ke: number, limits: HashLimits): this {
    this.db = db;
    this.pos = pos;
    this.kbuf = kbuf;
    this.ks = ks;
    this.ke = ke;
    this.limits = limits;
    this.converted = false;
    this.table = null;
    builderA.reset();
    if (pos === NO_KEY) return this;
    if (db.encoding(pos) === Encoding.HASHTABLE) {
      this.table = db.value(pos) as ByteTable;
      return this;
    }
    const mem = db.stringRef(pos)!;
    builderA.pushRaw(mem, db.refStart + LP_HEADER, db.refEnd, lpCount(mem, db.refStart));
    return this;
  }

  /** Sets field fbuf[fs, fe) to vbuf[vs, ve); returns true when the field was created. */
  set(fbuf: Uint8Array, fs: number, fe: number, vbuf: Uint8Array, vs: number, ve: number): boolean {
    if (this.table === null && (fe - fs > this.limits.maxValue || ve - vs > this.limits.maxValue)) this.convert();
    if (this.table !== null) return this.table.set(fbuf, fs, fe, vbuf, vs, ve);
    const a = builderA;
    const c = cursor;
    a.finish();
    c.reset(a.bytes, 0);
    while (c.next()) {
      const hit = c.equals(fbuf, fs, fe);
      c.next();
      if (!hit) continue;
      const vlen = ve - vs;
      if (c.end - c.start === vlen) {
        a.bytes.set(vbuf.subarray(vs, ve), c.start);
      } else {
        // Rebuild around the new value, then swap builders.
        const b = builderB.reset();
        b.pushRaw(a.bytes, LP_HEADER, c.entry, a.count - 1);
        b.push(vbuf, vs, ve);
        b.pushRaw(a.bytes, c.end, a.length, 0);
        swapBuilders();
      }
      // hashTypeSet() checks the length after an update too (the limit may have been lowered since).
      if (builderA.count >>> 1 > this.limits.maxEntries) this.convert();
      return false;
    }
    a.push(fbuf, fs, fe);
    a.push(vbuf, vs, ve);
    const fields = a.count >>> 1;
    if (fields > this.limits.maxEntries || fields > LP_MAX_FIELDS) this.convert();
    return true;
  }

  /** Stores the hash; returns the key's handle. */
  commit(): number {
    const db = this.db;
    if (this.table !== null) {
      if (this.pos === NO_KEY) return db.putAt(this.kbuf, this.ks, this.ke, KeyType.HASH, Encoding.HASHTABLE, this.table);
      if (this.converted) return db.replaceValue(this.pos, Encoding.HASHTABLE, this.table);
      db.modified(this.pos);
      return this.pos;
    }
    const len = builderA.finish();
    if (this.pos === NO_KEY) return db.putBytesAt(this.kbuf, this.ks, this.ke, Encoding.LISTPACK, builderA.bytes, 0, len, false, KeyType.HASH);
    return db.replaceBytes(this.pos, Encoding.LISTPACK, builderA.bytes, 0, len);
  }

  private convert(): void {
    builderA.finish();
    this.table = tableOf(builderA.bytes, 0);
    this.converted = this.pos !== NO_KEY;
  }
}

/** The one writer (commands run one at a time). */
export const hashWriter = new HashWriter();

function swapBuilders(): void {
  // The builders are module singletons: swap their buffers and states.
  const bytes = builderA.bytes;
  const length = builderA.length;
  const count = builderA.count;
  builderA.bytes = builderB.bytes;
  builderA.length = builderB.length;
  builderA.count = builderB.count;
  builderB.bytes = bytes;
  builderB.length = length;
  builderB.count = count;
}

/** Receives pairs as byte ranges of `mem` (a listpack or a hashtable's arena), valid during the call. */
export interface HashVisitor {
  bytes(mem: Uint8Array, fs: number, fe: number, vs: number, ve: number): void;
}

/**
 * Walks every pair of the hash at `pos` in its order (insertion order for a
 * listpack, entry order for a hashtable). The visitor must not write.
 */
export function hashForEach(db: Database, pos: number, v: HashVisitor): void {
  if (db.encoding(pos) === Encoding.HASHTABLE) {
    const t = db.value(pos) as ByteTable;
    const mem = t.mem;
    for (let i = 0; i < t.size; i++) v.bytes(mem, t.keyStart(i), t.keyEnd(i), t.keyEnd(i), t.valueEnd(i));
    return;
  }
  const mem = db.stringRef(pos)!;
  const c = new LpCursor();
  c.reset(mem, db.refStart);
  while (c.next()) {
    const fs = c.start;
    const fe = c.end;
    c.next();
    v.bytes(mem, fs, fe, c.start, c.end);
  }
}

/**
 * Offsets of the field entries of a listpack hash, into a reused array:
 * random access for HRANDFIELD. Returns the number of fields.
 */
export function lpFieldOffsets(mem: Uint8Array, at: number): Int32Array {
  const n = lpCount(mem, at) >>> 1;
  if (offsetScratch.length < n) offsetScratch = new Int32Array(n * 2);
  const c = cursor;
  c.reset(mem, at);
  for (let i = 0; c.next(); i++) {
    offsetScratch[i] = c.entry;
    c.next();
  }
  return offsetScratch;
}
let offsetScratch = new Int32Array(64);

/** Decodes the listpack entry whose length varint is at mem[off]; sets entry.start/end. */
export function lpEntryAt(mem: Uint8Array, off: number, entry: { start: number; end: number }): void {
  let len = 0;
  let shift = 1;
  let byte: number;
  let p = off;
  do {
    byte = mem[p++]!;
    len += (byte & 0x7f) * shift;
    shift *= 0x80;
  } while (byte & 0x80);
  entry.start = p;
  entry.end = p + len;
}

/**
 * The pairs of one hash by index, for HRANDFIELD and HSCAN: a listpack's
 * field offsets are collected once per command. Valid until the next write.
 */
export class HashPairs {
  size = 0;
  private table: ByteTable | null = null;
  private mem: Uint8Array = noBytes;
  private offsets: Int32Array = offsetScratch;
  private readonly f = { start: 0, end: 0 };
  private readonly v = { start: 0, end: 0 };

  load(db: Database, pos: number): this {
    if (db.encoding(pos) === Encoding.HASHTABLE) {
      this.table = db.value(pos) as ByteTable;
      this.size = this.table.size;
      return this;
    }
    this.table = null;
    this.mem = db.stringRef(pos)!;
    this.offsets = lpFieldOffsets(this.mem, db.refStart);
    this.size = lpCount(this.mem, db.refStart) >>> 1;
    return this;
  }

  /** Whether this is a listpack (Redis returns a listpack's HSCAN in one call). */
  get compact(): boolean {
    return this.table === null;
  }

  /** The hashtable's scan from `cursor` (see ByteTable.scan); only for a hashtable. */
  scan(cursor: number, count: number, visit: (i: number) => void): number {
    return this.table!.scan(cursor, count, visit);
  }

  /** Hands pair `i` to the visitor, the field only unless `withValue`. */
  visit(i: number, withValue: boolean, out: HashVisitor): void {
    const t = this.table;
    if (t !== null) return out.bytes(t.mem, t.keyStart(i), t.keyEnd(i), t.keyEnd(i), withValue ? t.valueEnd(i) : t.keyEnd(i));
    const f = this.f;
    const v = this.v;
    lpEntryAt(this.mem, this.offsets[i]!, f);
    if (withValue) lpEntryAt(this.mem, f.end, v);
    else v.start = v.end = f.end;
    out.bytes(this.mem, f.start, f.end, v.start, v.end);
  }

  /** Whether the field of pair `i` matches glob pattern pat[ps, pe). */
  fieldMatches(i: number, match: (subject: Uint8Array, s: number, e: number) => boolean): boolean {
    const t = this.table;
    if (t !== null) return match(t.mem, t.keyStart(i), t.keyEnd(i));
    lpEntryAt(this.mem, this.offsets[i]!, this.f);
    return match(this.mem, this.f.start, this.f.end);
  }
}
