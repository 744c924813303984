/**
 * The set type: an intset blob (./intset.ts) while every member is canonical
 * int64 text and there are at most set-max-intset-entries of them, else a
 * ByteTable without values (./byte-table.ts), members as bytes. Conversion is one way, as in Redis 7.0 (a set rebuilt
 * from scratch, like SPOP's or a *STORE result, starts as an intset again).
 *
 * SetView reads a stored set in place; SetAccum is a set being built or
 * edited with Redis's setTypeAdd() conversion rules, then stored.
 */
import type { Database } from '../keyspace.js';
import { Encoding, KeyType } from '../status.js';
import { IS_HEADER, IntVal, IntsetBuilder, isCount, isFind, isRead, joinHalves } from './intset.js';
import { ByteTable } from './byte-table.js';

/** Redis caps set-max-intset-entries at 1G entries (intset internals). */
export function intsetLimit(configured: number): number {
  return Math.min(configured, 1 << 30);
}

/** The hashtable encoding: removal moves the last member into the hole, so SSCAN walks entries from the top down (see ByteTable.scan). */
export function newSetTable(expected = 0): ByteTable {
  return new ByteTable(false, expected);
}

let scratch = Buffer.allocUnsafe(64);
const tmpVal = new IntVal();

/** Latin1 bytes of `m` in a reused buffer, scratch[0, m.length). */
function strBytes(m: string): Buffer {
  if (scratch.length < m.length) scratch = Buffer.allocUnsafe(m.length * 2);
  scratch.latin1Write(m, 0);
  return scratch;
}

/** Integer text in its own buffer (an int is written while strBytes' may hold the member being added). */
const intScratch = Buffer.allocUnsafe(24);
function intBytes(m: string): Buffer {
  intScratch.latin1Write(m, 0);
  return intScratch;
}

/** Parses a latin1 member as int64 into `out`; false when it is not canonical int64 text. */
export function parseMemberStr(m: string, out: IntVal): boolean {
  if (m.length > 20 || m.length === 0) return false;
  return out.parse(strBytes(m), 0, m.length);
}

/** A stored set, read in place: valid until the next write to the database. */
export class SetView {
  enc: Encoding = Encoding.INTSET;
  mem: Uint8Array = scratch;
  s = 0;
  e = 0;
  ht: ByteTable | null = null;

  /** Points the view at the set at handle `pos`. */
  load(db: Database, pos: number): this {
    this.enc = db.encoding(pos);
    if (this.enc === Encoding.INTSET) {
      this.mem = db.stringRef(pos)!;
      this.s = db.refStart;
      this.e = db.refEnd;
      this.ht = null;
    } else {
      this.ht = db.value(pos) as ByteTable;
    }
    return this;
  }

  get size(): number {
    return this.ht !== null ? this.ht.size : isCount(this.mem, this.s, this.e);
  }
  hasInt(hi: number, lo: number): boolean {
    if (this.ht !== null) {
      const m = String(joinHalves(hi, lo));
      return this.ht.has(intBytes(m), 0, m.length);
    }
    return isFind(this.mem, this.s, this.e, hi, lo);
  }
  hasStr(m: string): boolean {
    return this.hasBytes(strBytes(m), 0, m.length);
  }
  hasBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.has(buf, s, e);
    return tmpVal.parse(buf, s, e) && isFind(this.mem, this.s, this.e, tmpVal.hi, tmpVal.lo);
  }
  /** Reads intset value i (intset views only). */
  readInt(i: number, out: IntVal): IntVal {
    return isRead(this.mem, this.s, i, out);
  }
  /** Member i as text, any encoding (hashtable members are bytes: ht.mem[keyStart(i), keyEnd(i)) needs no string). */
  text(i: number): string {
    if (this.ht !== null) return this.ht.keyText(i);
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
  ht: ByteTable | null = null;
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
    this.ht = newSetTable();
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
      this.ht = db.value(pos) as ByteTable;
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
    if (this.ht !== null) {
      const m = String(joinHalves(hi, lo));
      return this.ht.add(intBytes(m), 0, m.length);
    }
    if (!this.ib.add(hi, lo)) return false;
    if (this.ib.count > this.max) this.convert();
    return true;
  }
  addStr(m: string): boolean {
    return this.addBytes(strBytes(m), 0, m.length);
  }
  addBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht === null) {
      if (this.v.parse(buf, s, e)) return this.addInt(this.v.hi, this.v.lo);
      this.convert();
    }
    return this.ht!.add(buf, s, e);
  }
  removeInt(hi: number, lo: number): boolean {
    if (this.ht !== null) {
      const m = String(joinHalves(hi, lo));
      return this.ht.delete(intBytes(m), 0, m.length);
    }
    return this.ib.remove(hi, lo);
  }
  removeStr(m: string): boolean {
    return this.removeBytes(strBytes(m), 0, m.length);
  }
  removeBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.delete(buf, s, e);
    return this.v.parse(buf, s, e) && this.ib.remove(this.v.hi, this.v.lo);
  }
  hasBytes(buf: Uint8Array, s: number, e: number): boolean {
    if (this.ht !== null) return this.ht.has(buf, s, e);
    return this.v.parse(buf, s, e) && this.ib.has(this.v.hi, this.v.lo);
  }
  /** Member i as text. */
  text(i: number): string {
    if (this.ht !== null) return this.ht.keyText(i);
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
    const n = this.ib.count;
    const ht = newSetTable(n);
    for (let i = 0; i < n; i++) {
      const m = this.text(i);
      ht.add(intBytes(m), 0, m.length);
    }
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
