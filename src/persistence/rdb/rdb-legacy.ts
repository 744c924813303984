/**
 * The value encodings older Redis versions wrote and Redis 7.0 still loads:
 * linked lists (1), sorted sets with text scores (3), zipmap hashes (9),
 * ziplists (10, 12, 13) and ziplist quicklists (14). Read only: nothing
 * writes them any more. Malformed bytes throw BadData, as the codec does.
 */
import { BadData, pairsToZset, type RdbReader, type RdbValue } from './rdb-object.js';

const LIST = 1;
const ZSET = 3;
const HASH_ZIPMAP = 9;
const LIST_ZIPLIST = 10;
const ZSET_ZIPLIST = 12;
const HASH_ZIPLIST = 13;
const LIST_QUICKLIST = 14;

/** A value of one of the legacy RDB types, or null when `type` is none of them. */
export function readLegacy(type: number, r: RdbReader): RdbValue | null {
  switch (type) {
    case LIST: {
      const n = r.length();
      const items: Buffer[] = [];
      for (let i = 0; i < n; i++) items.push(r.string());
      return n === 0 ? null : { kind: 'list', items, fill: 0 };
    }
    case ZSET: {
      const n = r.length();
      const members: Buffer[] = [];
      const scores: number[] = [];
      for (let i = 0; i < n; i++) {
        members.push(r.string());
        scores.push(textDouble(r));
      }
      return n === 0 ? null : { kind: 'zset', members, scores, compact: false };
    }
    case HASH_ZIPMAP: {
      const els = decodeZipmap(r.string());
      if (els.length === 0) return null;
      return pairsToHash(els);
    }
    case LIST_ZIPLIST: {
      const items = decodeZiplist(r.string());
      return items.length === 0 ? null : { kind: 'list', items, fill: 0 };
    }
    case ZSET_ZIPLIST:
      return pairsToZset(decodeZiplist(r.string()));
    case HASH_ZIPLIST: {
      const els = decodeZiplist(r.string());
      if (els.length === 0) return null;
      return pairsToHash(els);
    }
    case LIST_QUICKLIST: {
      const nodes = r.length();
      const items: Buffer[] = [];
      for (let i = 0; i < nodes; i++) {
        // Redis 7.0 skips empty ziplist nodes ("Empty ziplist" is only refused when deep-sanitizing).
        for (const e of decodeZiplist(r.string())) items.push(e);
      }
      return items.length === 0 ? null : { kind: 'list', items, fill: 0 };
    }
    default:
      return null;
  }
}

function pairsToHash(els: Buffer[]): RdbValue {
  if (els.length % 2 !== 0) throw new BadData();
  const fields: Buffer[] = [];
  const values: Buffer[] = [];
  for (let i = 0; i < els.length; i += 2) {
    fields.push(els[i]!);
    values.push(els[i + 1]!);
  }
  return { kind: 'hash', fields, values, compact: true };
}

/** rdbLoadDoubleValue: a length byte (253 nan, 254 +inf, 255 -inf) then that many ASCII bytes. */
function textDouble(r: RdbReader): number {
  const len = r.byte();
  if (len === 253) throw new BadData(); // NaN scores are refused, as Redis does
  if (len === 254) return Infinity;
  if (len === 255) return -Infinity;
  const v = Number(r.take(len).toString('latin1'));
  if (Number.isNaN(v)) throw new BadData();
  return v;
}

/**
 * A ziplist's elements (ziplist.c):
 *
 *   <zlbytes u32le> <zltail u32le> <zllen u16le> <entry> ... <0xff>
 *   entry = <prevlen: 1 byte, or 0xfe + u32le> <encoding> <data>
 */
export function decodeZiplist(zl: Buffer): Buffer[] {
  if (zl.length < 11 || zl.readUInt32LE(0) !== zl.length || zl[zl.length - 1] !== 0xff) throw new BadData();
  const out: Buffer[] = [];
  let p = 10;
  const end = zl.length - 1;
  while (p < end) {
    p += zl[p]! === 0xfe ? 5 : 1;
    if (p >= end) throw new BadData();
    const enc = zl[p]!;
    const kind = enc >> 6;
    if (kind !== 3) {
      let len: number;
      if (kind === 0) {
        len = enc & 0x3f;
        p += 1;
      } else if (kind === 1) {
        if (p + 2 > end) throw new BadData();
        len = ((enc & 0x3f) << 8) | zl[p + 1]!;
        p += 2;
      } else {
        if (p + 5 > end) throw new BadData();
        len = zl.readUInt32BE(p + 1);
        p += 5;
      }
      if (p + len > end) throw new BadData();
      out.push(Buffer.from(zl.subarray(p, p + len)));
      p += len;
      continue;
    }
    p += 1;
    let v: number | bigint;
    let size: number;
    if (enc === 0xc0) [v, size] = [0, 2];
    else if (enc === 0xd0) [v, size] = [0, 4];
    else if (enc === 0xe0) [v, size] = [0, 8];
    else if (enc === 0xf0) [v, size] = [0, 3];
    else if (enc === 0xfe) [v, size] = [0, 1];
    else if (enc >= 0xf1 && enc <= 0xfd) [v, size] = [(enc & 0x0f) - 1, 0];
    else throw new BadData();
    if (p + size > end) throw new BadData();
    if (size === 2) v = zl.readInt16LE(p);
    else if (size === 4) v = zl.readInt32LE(p);
    else if (size === 8) v = zl.readBigInt64LE(p);
    else if (size === 3) v = zl.readIntLE(p, 3);
    else if (size === 1) v = zl.readInt8(p);
    p += size;
    out.push(Buffer.from(String(v), 'latin1'));
  }
  return out;
}

/**
 * A zipmap's keys and values, alternating (zipmap.c):
 *
 *   <zmlen u8> (<len> <key> <len> <free u8> <value> <free bytes>)* <0xff>
 *   len = 1 byte below 254, or 254 + u32le
 */
export function decodeZipmap(zm: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let p = 1;
  const len = (): number => {
    if (p >= zm.length) throw new BadData();
    const b = zm[p]!;
    if (b < 254) {
      p += 1;
      return b;
    }
    if (b !== 254 || p + 5 > zm.length) throw new BadData();
    const n = zm.readUInt32LE(p + 1);
    p += 5;
    return n;
  };
  for (;;) {
    if (p >= zm.length) throw new BadData();
    if (zm[p] === 0xff) return out;
    const klen = len();
    if (p + klen > zm.length) throw new BadData();
    out.push(Buffer.from(zm.subarray(p, p + klen)));
    p += klen;
    const vlen = len();
    if (p >= zm.length) throw new BadData();
    const free = zm[p++]!;
    if (p + vlen + free > zm.length) throw new BadData();
    out.push(Buffer.from(zm.subarray(p, p + vlen)));
    p += vlen + free;
  }
}
