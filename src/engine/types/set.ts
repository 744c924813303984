/**
 * The set type: an intset blob (./intset.ts) while every member is canonical
 * int64 text and there are at most set-max-intset-entries of them, else a
 * HashSetValue object. Conversion is one way, as in Redis 7.0 (a set rebuilt
 * from scratch, like SPOP's or a *STORE result, starts as an intset again).
 *
 * SetView reads a stored set in place; SetAccum is a set being built or
 * edited with Redis's setTypeAdd() conversion rules, then stored.
 */
import type { Database } from '../keyspace.js';
import type { SizedValue } from '../object-table.js';
import { Encoding, KeyType } from '../status.js';
import { IS_HEADER, IntVal, IntsetBuilder, isCount, isFind, isRead, joinHalves } from './intset.js';

/** Redis caps set-max-intset-entries at 1G entries (intset internals). */
export function intsetLimit(configured: number): number {
  return Math.min(configured, 1 << 30);
}

// Estimated bytes per member: the string (header + bytes), its Map entry and array slot.
const MEMBER_OVERHEAD = 64;
const BASE_BYTES = 96;

/**
 * The hashtable encoding: members as latin1 strings in an array (random
 * picks in O(1)) with a Map from member to its index. Removal moves the
 * last member into the hole, which is what lets SSCAN walk the array from
 * the top down without missing a member that stays in the set.
 */
export class HashSetValue implements SizedValue {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  private bytes = BASE_BYTES;

  get size(): number {
    return this.items.length;
  }
  has(m: string): boolean {
    return this.index.has(m);
  }
  add(m: string): boolean {
    if (this.index.has(m)) return false;
    this.index.set(m, this.items.length);
    this.items.push(m);
    this.bytes += m.length + MEMBER_OVERHEAD;
    return true;
  }
  delete(m: string): boolean {
    const i = this.index.get(m);
    if (i === undefined) return false;
    this.removeAt(i);
    return true;
  }
  removeAt(i: number): void {
    const items = this.items;
    const m = items[i]!;
    const last = items.pop()!;
    if (i < items.length) {
      items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(m);
    this.bytes -= m.length + MEMBER_OVERHEAD;
  }
  memoryBytes(): number {
    return this.bytes;
  }
  clone(): HashSetValue {
    const c = new HashSetValue();
    for (const m of this.items) c.add(m);
    return c;
  }
}

let scratch = Buffer.allocUnsafe(64);
const tmpVal = new IntVal();

/** Parses a latin1 member as int64 into `out`; false when it is not canonical int64 text. */
export function parseMemberStr(m: string, out: IntVal): boolean {
  if (m.length > 20 || m.length === 0) return false;
  scratch.latin1Write(m, 0);
  return out.parse(scratch, 0, m.length);
}

/** A stored set, read in place: valid until the next write to the database. */
export class SetView {
  enc: Encoding = Encoding.INTSET;
  mem: Uint8Array = scratch;
  s = 0;
  e = 0;
  ht: HashSetValue | null = null;

  /** Points the view at the set at handle `pos`. */
  load(db: Database, pos: number): this {
    this.enc = db.encoding(pos);
    if (this.enc === Encoding.INTSET) {
      this.mem = db.stringRef(pos)!;
      this.s = db.refStart;
      this.e = db.refEnd;
      this.ht = null;
    } else {
      this.ht = db.value(pos) as HashSetValue;
    }
    return this;
  }

  get size(): number {
    return this.ht !== null ? this.ht.size : isCount(this.mem, this.s, this.e);
  }
  hasInt(hi: number, lo: number): boolean {
    if (this.ht !== null) return this.ht.has(String(joinHalves(hi, lo)));
    return isFind(this.mem, this.s, this.e, hi, lo);
  }
  hasStr(m: string): boolean {
    if (this.ht !== null) return this.ht.has(m);
    return parseMemberStr(m, tmpVal) && isFind(this.mem, this.s, this.e, tmpVal.hi, tmpVal.lo);
  }
  hasBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.has((buf as Buffer).latin1Slice(s, e));
    return tmpVal.parse(buf, s, e) && isFind(this.mem, this.s, this.e, tmpVal.hi, tmpVal.lo);
  }
  /** Reads intset value i (intset views only). */
  readInt(i: number, out: IntVal): IntVal {
    return isRead(this.mem, this.s, i, out);
  }
  /** Member i as text, any encoding. */
  text(i: number): string {
    if (this.ht !== null) return this.ht.items[i]!;
    isRead(this.mem, this.s, i, tmpVal);
    return String(joinHalves(tmpVal.hi, tmpVal.lo));
  }
}

/**
 * A set under construction or edit, with setTypeAdd()'s rules: it starts as
 * an intset and becomes a hashtable for good when a non-integer arrives or
 * it grows past `max` entries.
 */
export class SetAccum {
  readonly ib = new IntsetBuilder();
  ht: HashSetValue | null = null;
  max = 512;
  /** The encoding the set had when loaded (to know how to store it back). */
  private loadedEnc: Encoding | -1 = -1;
  private readonly v = new IntVal();

  /** An empty intset. */
  reset(max: number): this {
    this.max = max;
    this.ib.reset();
    this.ht = null;
    this.loadedEnc = -1;
    return this;
  }

  /** An empty hashtable (setTypeCreate of a non-integer). */
  resetHash(max: number): this {
    this.reset(max);
    this.ht = new HashSetValue();
    return this;
  }

  /** Edits the stored set at `pos`: an intset is copied, a hashtable is edited in place. */
  load(db: Database, pos: number, max: number): this {
    this.max = max;
    this.loadedEnc = db.encoding(pos);
    if (this.loadedEnc === Encoding.INTSET) {
      const mem = db.stringRef(pos)!;
      this.ib.load(mem, db.refStart, db.refEnd);
      this.ht = null;
    } else {
      this.ht = db.value(pos) as HashSetValue;
    }
    return this;
  }

  get size(): number {
    return this.ht !== null ? this.ht.size : this.ib.count;
  }
  get encoding(): Encoding {
    return this.ht !== null ? Encoding.HASHTABLE : Encoding.INTSET;
  }

  addInt(hi: number, lo: number): boolean {
    if (this.ht !== null) return this.ht.add(String(joinHalves(hi, lo)));
    if (!this.ib.add(hi, lo)) return false;
    if (this.ib.count > this.max) this.convert();
    return true;
  }
  addStr(m: string): boolean {
    if (this.ht === null) {
      if (parseMemberStr(m, this.v)) return this.addInt(this.v.hi, this.v.lo);
      this.convert();
    }
    return this.ht!.add(m);
  }
  addBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht === null) {
      if (this.v.parse(buf, s, e)) return this.addInt(this.v.hi, this.v.lo);
      this.convert();
    }
    return this.ht!.add((buf as Buffer).latin1Slice(s, e));
  }
  removeInt(hi: number, lo: number): boolean {
    if (this.ht !== null) return this.ht.delete(String(joinHalves(hi, lo)));
    return this.ib.remove(hi, lo);
  }
  removeStr(m: string): boolean {
    if (this.ht !== null) return this.ht.delete(m);
    return parseMemberStr(m, this.v) && this.ib.remove(this.v.hi, this.v.lo);
  }
  removeBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.delete((buf as Buffer).latin1Slice(s, e));
    return this.v.parse(buf, s, e) && this.ib.remove(this.v.hi, this.v.lo);
  }
  hasBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.has((buf as Buffer).latin1Slice(s, e));
    return this.v.parse(buf, s, e) && this.ib.has(this.v.hi, this.v.lo);
  }
  /** Member i as text. */
  text(i: number): string {
    if (this.ht !== null) return this.ht.items[i]!;
    this.ib.read(i, this.v);
    return String(joinHalves(this.v.hi, this.v.lo));
  }
  /** Member i as an integer (intset only). */
  intAt(i: number): number | bigint {
    this.ib.read(i, this.v);
    return joinHalves(this.v.hi, this.v.lo);
  }
  /** Removes member i. */
  removeAt(i: number): void {
    if (this.ht !== null) this.ht.removeAt(i);
    else this.ib.removeAt(i);
  }

  /** setTypeConvert(): the intset's members become a hashtable's. */
  convert(): void {
    const ht = new HashSetValue();
    const n = this.ib.count;
    for (let i = 0; i < n; i++) ht.add(this.text(i));
    this.ht = ht;
  }

  /** Drops an unchanged edit (a hashtable edited in place stays as it is). */
  discard(): void {
    this.ht = null;
  }

  /**
   * Replaces the value of the live set key at `pos` by this set, keeping
   * its TTL (dbOverwrite). Returns the key's handle.
   */
  replaceAt(db: Database, pos: number): number {
    const at = this.ht === null
      ? db.replaceBytes(pos, Encoding.INTSET, this.ib.bytes, 0, this.ib.length)
      : db.replaceValue(pos, Encoding.HASHTABLE, this.ht);
    this.ht = null;
    return at;
  }

  /**
   * Writes an edited set back to `pos` (from load()): deleted when empty.
   * Returns the key's handle, or -1 when the key was deleted.
   */
  commit(db: Database, pos: number): number {
    if (this.size === 0) {
      db.removeAt(pos);
      this.ht = null;
      return -1;
    }
    let at = pos;
    if (this.ht === null) at = db.replaceBytes(pos, Encoding.INTSET, this.ib.bytes, 0, this.ib.length);
    else if (this.loadedEnc === Encoding.INTSET) at = db.replaceValue(pos, Encoding.HASHTABLE, this.ht);
    else db.modified(pos);
    this.ht = null;
    return at;
  }

  /**
   * Stores the set at key kbuf[ks, ke), overwriting any value and TTL
   * (setKey); an empty set deletes the key instead. Returns true when the
   * keyspace changed (something was stored or deleted).
   */
  store(db: Database, kbuf: Uint8Array, ks: number, ke: number): boolean {
    if (this.size === 0) {
      this.ht = null;
      return db.deleteKeyAt(kbuf, ks, ke);
    }
    if (this.ht === null) db.putBytesAt(kbuf, ks, ke, Encoding.INTSET, this.ib.bytes, 0, this.ib.length, false, KeyType.SET);
    else db.putAt(kbuf, ks, ke, KeyType.SET, Encoding.HASHTABLE, this.ht);
    this.ht = null;
    return true;
  }
}

/** Bytes an intset of n values of width w takes (for tests and sizing). */
export function intsetBytes(n: number, w: number): number {
  return IS_HEADER + n * w;
}
