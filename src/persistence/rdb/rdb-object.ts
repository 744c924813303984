/**
 * The RDB value codec: one value <-> the bytes rdbSaveObject() writes after
 * its type byte (Redis 7.0, RDB version 10). A value is a plain model
 * (RdbValue) with the encoding the writer chose, so DUMP, RESTORE and RDB
 * files share it; turning engine keys into models is ./rdb-engine.ts.
 *
 * Strings follow rdbSaveRawString: integer encodings for canonical ints of at
 * most 11 bytes, LZF beyond 20 bytes when it saves at least 4, else raw.
 */
import { isCanonicalInt64, parseInt64 } from '../../engine/types/int64.js';
import { lzfCompress, lzfDecompress } from './lzf.js';
import { ListpackWriter, decodeIntset, decodeListpack, encodeIntset } from './listpack-rdb.js';
import { readLegacy } from './rdb-legacy.js';

/** RDB object types (rdb.h). */
export const enum RdbType {
  STRING = 0,
  LIST = 1,
  SET = 2,
  ZSET = 3,
  HASH = 4,
  ZSET_2 = 5,
  SET_INTSET = 11,
  HASH_LISTPACK = 16,
  ZSET_LISTPACK = 17,
  LIST_QUICKLIST_2 = 18,
}

/** The RDB version this codec writes (Redis 7.0). */
export const RDB_VERSION = 10;

export const ENC_INT8 = 0;
export const ENC_INT16 = 1;
export const ENC_INT32 = 2;
export const ENC_LZF = 3;
const QUICKLIST_NODE_PLAIN = 1;
const QUICKLIST_NODE_PACKED = 2;

/** A value as RDB sees it; `compact` is the small encoding (intset / listpack) for sets, sorted sets and hashes. */
export type RdbValue =
  | { kind: 'string'; value: Buffer | number | bigint }
  | { kind: 'list'; items: Buffer[]; fill: number }
  | { kind: 'set'; members: Buffer[]; intset: { width: number; values: (number | bigint)[] } | null }
  | { kind: 'zset'; members: Buffer[]; scores: number[]; compact: boolean }
  | { kind: 'hash'; fields: Buffer[]; values: Buffer[]; compact: boolean };

/** Writes RDB primitives into a growable buffer. */
export class RdbWriter {
  buf = Buffer.allocUnsafe(256);
  len = 0;
  /** rdbcompression: LZF for long strings. */
  compress = true;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n + 64));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.len++] = b;
  }
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  /** rdbSaveLen: 6-bit, 14-bit, 32-bit or 64-bit big-endian lengths. */
  length(n: number): void {
    this.reserve(9);
    const b = this.buf;
    if (n < 1 << 6) {
      b[this.len++] = n;
    } else if (n < 1 << 14) {
      b[this.len++] = 0x40 | (n >> 8);
      b[this.len++] = n & 0xff;
    } else if (n <= 0xffffffff) {
      b[this.len++] = 0x80;
      b.writeUInt32BE(n, this.len);
      this.len += 4;
    } else {
      b[this.len++] = 0x81;
      b.writeBigUInt64BE(BigInt(n), this.len);
      this.len += 8;
    }
  }
  /** rdbEncodeInteger: true when v fits one of the integer encodings and was written. */
  private encodedInt(v: number | bigint): boolean {
    const n = Number(v);
    this.reserve(5);
    const b = this.buf;
    if (n >= -128 && n <= 127) {
      b[this.len++] = 0xc0 | ENC_INT8;
      b.writeInt8(n, this.len);
      this.len += 1;
    } else if (n >= -32768 && n <= 32767) {
      b[this.len++] = 0xc0 | ENC_INT16;
      b.writeInt16LE(n, this.len);
      this.len += 2;
    } else if (n >= -2147483648 && n <= 2147483647) {
      b[this.len++] = 0xc0 | ENC_INT32;
      b.writeInt32LE(n, this.len);
      this.len += 4;
    } else {
      return false;
    }
    return true;
  }
  /** rdbSaveLongLongAsStringObject: an int-encoded string value. */
  integer(v: number | bigint): void {
    if (this.encodedInt(v)) return;
    const text = Buffer.from(String(v), 'latin1');
    this.length(text.length);
    this.raw(text);
  }
  /** rdbSaveRawString. */
  string(s: Uint8Array): void {
    const len = s.length;
    if (len <= 11 && len > 0 && isCanonicalInt64(s, 0, len)) {
      if (this.encodedInt(parseInt64(s, 0, len)!)) return;
    }
    if (this.compress && len > 20 && this.lzf(s)) return;
    this.length(len);
    this.raw(s);
  }
  /** rdbSaveLzfStringObject: compressed only when it saves at least 4 bytes. */
  private lzf(s: Uint8Array): boolean {
    const outLen = s.length - 4;
    const out = Buffer.allocUnsafe(outLen + 1);
    const n = lzfCompress(s, out, outLen);
    if (n === 0) return false;
    this.byte(0xc0 | ENC_LZF);
    this.length(n);
    this.length(s.length);
    this.raw(out.subarray(0, n));
    return true;
  }
  /** rdbSaveBinaryDoubleValue. */
  double(d: number): void {
    this.reserve(8);
    this.buf.writeDoubleLE(d, this.len);
    this.len += 8;
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

/** Signals malformed input (or input cut short) while reading; caught at the codec's edge. */
export class BadData extends Error {}

/**
 * Reads RDB primitives from a buffer; every read throws BadData past the end.
 * A subclass may refill `buf` (a window over a file) by overriding byte() and
 * take(): every other read goes through them, and each result of take() is
 * used before the next read.
 */
export class RdbReader {
  constructor(public buf: Buffer, public pos = 0, public end = buf.length) {}

  byte(): number {
    if (this.pos >= this.end) throw new BadData();
    return this.buf[this.pos++]!;
  }
  take(n: number): Buffer {
    if (n < 0 || this.pos + n > this.end) throw new BadData();
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  /** rdbLoadLenByRef: the length, or -(encoding + 1) for a special string encoding. */
  lengthOrEncoding(): number {
    const c = this.byte();
    const kind = c >> 6;
    if (kind === 0) return c & 0x3f;
    if (kind === 1) return ((c & 0x3f) << 8) | this.byte();
    if (kind === 3) return -((c & 0x3f) + 1);
    if (c === 0x80) return this.take(4).readUInt32BE(0);
    if (c === 0x81) {
      const v = this.take(8).readBigUInt64BE(0);
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new BadData();
      return Number(v);
    }
    throw new BadData();
  }
  length(): number {
    const n = this.lengthOrEncoding();
    if (n < 0) throw new BadData();
    return n;
  }
  /** rdbGenericLoadStringObject: a string in any of its encodings, as bytes of its own. */
  string(): Buffer {
    const v = this.stringView();
    return this.viewed ? Buffer.from(v) : v;
  }
  /** Set by stringView(): the result is a view of the input, valid only until the next read. */
  viewed = false;
  /** string() without the copy of a plain string (a loader that copies the bytes at once). */
  stringView(): Buffer {
    this.viewed = false;
    const n = this.lengthOrEncoding();
    if (n >= 0) {
      this.viewed = true;
      return this.take(n);
    }
    const enc = -n - 1;
    if (enc === ENC_INT8) return Buffer.from(String(this.take(1).readInt8(0)), 'latin1');
    if (enc === ENC_INT16) return Buffer.from(String(this.take(2).readInt16LE(0)), 'latin1');
    if (enc === ENC_INT32) return Buffer.from(String(this.take(4).readInt32LE(0)), 'latin1');
    if (enc === ENC_LZF) {
      const clen = this.length();
      const len = this.length();
      const data = this.take(clen);
      const out = lzfDecompress(data, 0, data.length, len);
      if (out === null || len === 0) throw new BadData();
      return out;
    }
    throw new BadData();
  }
  double(): number {
    return this.take(8).readDoubleLE(0);
  }
}

/** A compact zset's flat member, score, member, score... list as a model; null when malformed. */
export function pairsToZset(els: Buffer[] | null): RdbValue | null {
  if (els === null || els.length === 0 || els.length % 2 !== 0) return null;
  const members: Buffer[] = [];
  const scores: number[] = [];
  for (let i = 0; i < els.length; i += 2) {
    members.push(els[i]!);
    scores.push(parseScore(els[i + 1]!));
  }
  return { kind: 'zset', members, scores, compact: true };
}

/** Writes a value's RDB type byte and body (rdbSaveObjectType + rdbSaveObject). */
export function writeValue(w: RdbWriter, v: RdbValue): void {
  w.byte(valueType(v));
  writeBody(w, v);
}

/** The RDB type byte of a value (rdbSaveObjectType). */
export function valueType(v: RdbValue): RdbType {
  switch (v.kind) {
    case 'string':
      return RdbType.STRING;
    case 'list':
      return RdbType.LIST_QUICKLIST_2;
    case 'set':
      return v.intset !== null ? RdbType.SET_INTSET : RdbType.SET;
    case 'zset':
      return v.compact ? RdbType.ZSET_LISTPACK : RdbType.ZSET_2;
    case 'hash':
      return v.compact ? RdbType.HASH_LISTPACK : RdbType.HASH;
  }
}

/** Writes a value's body, the bytes after its type byte (rdbSaveObject). */
export function writeBody(w: RdbWriter, v: RdbValue): void {
  switch (v.kind) {
    case 'string':
      if (typeof v.value === 'object') w.string(v.value);
      else w.integer(v.value);
      return;
    case 'list':
      writeQuicklist(w, v.items, v.fill);
      return;
    case 'set':
      if (v.intset !== null) {
        w.string(encodeIntset(v.intset.width, v.intset.values));
        return;
      }
      w.length(v.members.length);
      for (const m of v.members) w.string(m);
      return;
    case 'zset':
      if (v.compact) {
        const lp = listpack.reset();
        for (let i = 0; i < v.members.length; i++) {
          lp.append(v.members[i]!);
          lp.append(Buffer.from(d2string(v.scores[i]!), 'latin1'));
        }
        w.string(lp.finish());
        return;
      }
      // From the greatest to the smallest, so that loading inserts at the head.
      w.length(v.members.length);
      for (let i = v.members.length - 1; i >= 0; i--) {
        w.string(v.members[i]!);
        w.double(v.scores[i]!);
      }
      return;
    case 'hash':
      if (v.compact) {
        const lp = listpack.reset();
        for (let i = 0; i < v.fields.length; i++) {
          lp.append(v.fields[i]!);
          lp.append(v.values[i]!);
        }
        w.string(lp.finish());
        return;
      }
      w.length(v.fields.length);
      for (let i = 0; i < v.fields.length; i++) {
        w.string(v.fields[i]!);
        w.string(v.values[i]!);
      }
  }
}

const listpack = new ListpackWriter();

/** Redis's optimization_level: node byte limits for list-max-listpack-size -1..-5. */
const NODE_LIMITS = [4096, 8192, 16384, 32768, 65536];
const SIZE_SAFETY_LIMIT = 8192;
const SIZE_ESTIMATE_OVERHEAD = 8;

/** Whether a quicklist node of `sz` bytes and `count` entries takes an element of `len` bytes (_quicklistNodeAllowInsert). */
function nodeAllows(sz: number, count: number, len: number, fill: number): boolean {
  const next = sz + len + SIZE_ESTIMATE_OVERHEAD;
  if (fill < 0) {
    const off = -fill - 1;
    if (off < NODE_LIMITS.length && next <= NODE_LIMITS[off]!) return true;
  }
  if (next > SIZE_SAFETY_LIMIT) return false;
  return count < fill;
}

/** A list as the quicklist RPUSH would have built: listpack nodes split by list-max-listpack-size. */
function writeQuicklist(w: RdbWriter, items: readonly Buffer[], fill: number): void {
  const nodes: Buffer[] = [];
  const lp = listpack.reset();
  let count = 0;
  for (const it of items) {
    if (count > 0 && !nodeAllows(lp.size, count, it.length, fill)) {
      nodes.push(Buffer.from(lp.finish()));
      lp.reset();
      count = 0;
    }
    lp.append(it);
    count++;
  }
  if (count > 0) nodes.push(Buffer.from(lp.finish()));
  w.length(nodes.length);
  for (const n of nodes) {
    w.length(QUICKLIST_NODE_PACKED);
    w.string(n);
  }
}

/** Redis 7.0's d2string: integers in the safe range as integers, else %.17g. */
export function d2string(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  if (d > -4503599627370495 && d < 4503599627370496 && Number.isInteger(d)) return String(d);
  return formatG17(d);
}

/** printf's %.17g. */
function formatG17(d: number): string {
  const exp = d.toExponential(16);
  const [mant, e] = exp.split('e') as [string, string];
  const x = Number(e);
  if (x < -4 || x >= 17) {
    const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
    const ae = Math.abs(x);
    return `${m}e${x < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let s: string;
  if (x >= 0) s = digits.slice(0, x + 1) + '.' + digits.slice(x + 1);
  else s = '0.' + '0'.repeat(-x - 1) + digits;
  s = s.replace(/0+$/, '').replace(/\.$/, '');
  return (neg ? '-' : '') + s;
}

/** strtod for a listpack score (always well-formed when Redis wrote it). */
export function parseScore(b: Buffer): number {
  const s = b.toString('latin1');
  if (s === 'inf' || s === '+inf') return Infinity;
  if (s === '-inf') return -Infinity;
  const v = Number(s);
  if (s.length === 0 || Number.isNaN(v)) throw new BadData();
  return v;
}

/**
 * Reads a value of RDB type `type` (rdbLoadObject); null for an unknown type
 * or malformed bytes. Encodings are decided later by the engine side.
 */
export function readValue(type: number, r: RdbReader): RdbValue | null {
  try {
    return readValueOrThrow(type, r);
  } catch (e) {
    if (e instanceof BadData) return null;
    throw e;
  }
}

/** Whether any two of the byte strings are equal (Redis refuses duplicate members and fields). */
function hasDuplicates(items: readonly Buffer[]): boolean {
  const seen = new Set<string>();
  for (const it of items) {
    const k = it.toString('latin1');
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

function readValueOrThrow(type: number, r: RdbReader): RdbValue | null {
  const v = readModel(type, r);
  if (v === null) return null;
  if (v.kind === 'set' && hasDuplicates(v.members)) return null;
  if (v.kind === 'zset' && hasDuplicates(v.members)) return null;
  if (v.kind === 'hash' && hasDuplicates(v.fields)) return null;
  return v;
}

function readModel(type: number, r: RdbReader): RdbValue | null {
  switch (type) {
    case RdbType.STRING:
      return { kind: 'string', value: r.string() };
    case RdbType.LIST_QUICKLIST_2: {
      const nodes = r.length();
      const items: Buffer[] = [];
      for (let i = 0; i < nodes; i++) {
        const container = r.length();
        const data = r.string();
        if (container === QUICKLIST_NODE_PLAIN) {
          items.push(data);
        } else if (container === QUICKLIST_NODE_PACKED) {
          const els = decodeListpack(data);
          if (els === null) return null;
          for (const e of els) items.push(e);
        } else {
          return null;
        }
      }
      return items.length === 0 ? null : { kind: 'list', items, fill: 0 };
    }
    case RdbType.SET: {
      const n = r.length();
      const members: Buffer[] = [];
      for (let i = 0; i < n; i++) members.push(r.string());
      return n === 0 ? null : { kind: 'set', members, intset: null };
    }
    case RdbType.SET_INTSET: {
      const is = decodeIntset(r.string());
      if (is === null) return null;
      return { kind: 'set', members: [], intset: is };
    }
    case RdbType.ZSET_2: {
      const n = r.length();
      const members: Buffer[] = [];
      const scores: number[] = [];
      for (let i = 0; i < n; i++) {
        members.push(r.string());
        const d = r.double();
        if (Number.isNaN(d)) return null;
        scores.push(d);
      }
      // Written from the greatest down: ascending again, as the model keeps it.
      members.reverse();
      scores.reverse();
      return n === 0 ? null : { kind: 'zset', members, scores, compact: false };
    }
    case RdbType.ZSET_LISTPACK:
      return pairsToZset(decodeListpack(r.string()));
    case RdbType.HASH: {
      const n = r.length();
      const fields: Buffer[] = [];
      const values: Buffer[] = [];
      for (let i = 0; i < n; i++) {
        fields.push(r.string());
        values.push(r.string());
      }
      return n === 0 ? null : { kind: 'hash', fields, values, compact: false };
    }
    case RdbType.HASH_LISTPACK: {
      const els = decodeListpack(r.string());
      if (els === null || els.length === 0 || els.length % 2 !== 0) return null;
      const fields: Buffer[] = [];
      const values: Buffer[] = [];
      for (let i = 0; i < els.length; i += 2) {
        fields.push(els[i]!);
        values.push(els[i + 1]!);
      }
      return { kind: 'hash', fields, values, compact: true };
    }
    default:
      return readLegacy(type, r);
  }
}
