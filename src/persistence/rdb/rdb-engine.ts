/**
 * Engine keys <-> RDB value models (./rdb-object.ts). Reading keeps the
 * encoding Redis would have (intset, listpack or not) so the RDB type matches;
 * storing rebuilds the key through the type modules with Redis's load rules
 * (rdbLoadObject): sets, hashes and sorted sets pick their encoding from the
 * config limits, duplicates are bad data. Keys are written, never merged.
 */
import type { Database } from '../../engine/keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { listLength, listPush, listRange, type ElementSink, type ElementSource } from '../../engine/types/list.js';
import { SetAccum, SetView } from '../../engine/types/set.js';
import { IntVal } from '../../engine/types/intset.js';
import { ZView, zsetLimits, zsetStore } from '../../engine/types/zset.js';
import { hashForEach, hashWriter, type HashLimits } from '../../engine/types/hash.js';
import { putStringAt } from '../../engine/types/string.js';
import type { RdbValue } from './rdb-object.js';
import { AccessMode, LRU_CLOCK_MAX, type AccessState, ADAPTIVE_CLOCK } from '../../engine/eviction/access.js';

/** The config a load needs (the caller reads it, so this module knows no config). */
export interface LoadLimits {
  /** list-max-listpack-size */
  listFill: number;
  /** set-max-intset-entries, as intsetLimit() caps it */
  setMaxIntset: number;
  hash: HashLimits;
  /** zset-max-listpack-entries / -value (also copied into zsetLimits for the store) */
  zsetEntries: number;
  zsetValue: number;
}

class Collect implements ElementSink {
  out: Buffer[] = [];
  element(buf: Uint8Array, start: number, end: number): void {
    this.out.push(Buffer.from(buf.subarray(start, end)));
  }
}

const setView = new SetView();
const zview = new ZView();
const ival = new IntVal();

/** The value of the key at `pos` as an RDB model; null for a type RDB has no codec for here (streams). */
export function readKey(db: Database, pos: number, listFill: number): RdbValue | null {
  switch (db.type(pos)) {
    case KeyType.STRING: {
      const v = db.stringValue(pos);
      if (db.encoding(pos) === Encoding.INT) return { kind: 'string', value: typeof v === 'object' ? BigInt(v.toString('latin1')) : v };
      return { kind: 'string', value: Buffer.from(v as Buffer) };
    }
    case KeyType.LIST: {
      const c = new Collect();
      listRange(db, pos, 0, listLength(db, pos), c);
      return { kind: 'list', items: c.out, fill: listFill };
    }
    case KeyType.SET: {
      const v = setView.load(db, pos);
      const n = v.size;
      if (v.enc === Encoding.INTSET) {
        const values: (number | bigint)[] = [];
        for (let i = 0; i < n; i++) values.push(v.readInt(i, ival).value());
        return { kind: 'set', members: [], intset: { width: v.mem[v.s]!, values } };
      }
      const members: Buffer[] = [];
      for (let i = 0; i < n; i++) members.push(Buffer.from(v.text(i), 'latin1'));
      return { kind: 'set', members, intset: null };
    }
    case KeyType.ZSET: {
      const compact = db.encoding(pos) === Encoding.LISTPACK;
      zview.open(db, pos);
      zview.seek(0, false);
      const members: Buffer[] = [];
      const scores: number[] = [];
      while (zview.next()) {
        members.push(Buffer.from(zview.member(), 'latin1'));
        scores.push(zview.score);
      }
      return { kind: 'zset', members, scores, compact };
    }
    case KeyType.HASH: {
      const fields: Buffer[] = [];
      const values: Buffer[] = [];
      hashForEach(db, pos, {
        bytes(mem, fs, fe, vs, ve) {
          fields.push(Buffer.from(mem.subarray(fs, fe)));
          values.push(Buffer.from(mem.subarray(vs, ve)));
        },
      });
      return { kind: 'hash', fields, values, compact: db.encoding(pos) === Encoding.LISTPACK };
    }
    default:
      return null;
  }
}

/** The elements of a list model, for listPush. */
class BuffersSource implements ElementSource {
  readonly buf: Buffer;
  private readonly offs: number[] = [0];
  constructor(items: readonly Buffer[]) {
    this.buf = Buffer.concat(items as Buffer[]);
    let at = 0;
    for (const it of items) this.offs.push((at += it.length));
  }
  start(i: number): number {
    return this.offs[i]!;
  }
  end(i: number): number {
    return this.offs[i + 1]!;
  }
}

const accum = new SetAccum();

/**
 * Stores a model (checked by readValue: no duplicates, not empty) as the key
 * kbuf[ks, ke), overwriting whatever is there, TTL cleared. Returns the key's handle.
 */
export function storeKey(db: Database, kbuf: Uint8Array, ks: number, ke: number, v: RdbValue, limits: LoadLimits): number {
  switch (v.kind) {
    case 'string': {
      const s = typeof v.value === 'object' ? v.value : Buffer.from(String(v.value), 'latin1');
      return putString(db, kbuf, ks, ke, s);
    }
    case 'list': {
      const src = new BuffersSource(v.items);
      listPush(db, NO_KEY, kbuf, ks, ke, 1, src, 0, v.items.length, limits.listFill);
      return db.findAt(kbuf, ks, ke);
    }
    case 'set': {
      const a = accum.reset(limits.setMaxIntset);
      if (v.intset !== null) {
        // An intset is converted only for its size (set-max-intset-entries).
        for (const x of v.intset.values) {
          ival.set(x);
          a.addInt(ival.hi, ival.lo);
        }
        if (a.encoding === Encoding.INTSET) widen(a, v.intset.width);
      } else {
        if (v.members.length > limits.setMaxIntset) a.convert();
        for (const m of v.members) a.addBytes(m, 0, m.length);
      }
      a.store(db, kbuf, ks, ke);
      return db.findAt(kbuf, ks, ke);
    }
    case 'zset': {
      const n = v.members.length;
      const order = Array.from({ length: n }, (_, i) => i);
      const names = v.members.map((m) => m.toString('latin1'));
      order.sort((a, b) => v.scores[a]! - v.scores[b]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
      let maxLen = 0;
      for (const m of names) if (m.length > maxLen) maxLen = m.length;
      zsetLimits.entries = limits.zsetEntries;
      zsetLimits.value = limits.zsetValue;
      // A listpack payload stays a listpack unless it has too many entries (its member lengths are not checked).
      const saved = zsetLimits.value;
      if (v.compact && n <= limits.zsetEntries) zsetLimits.value = Math.max(saved, maxLen);
      zsetStore(db, kbuf, ks, ke, order.map((i) => names[i]!), order.map((i) => v.scores[i]!), n);
      zsetLimits.value = saved;
      return db.findAt(kbuf, ks, ke);
    }
    case 'hash': {
      const w = hashWriter.begin(db, NO_KEY, kbuf, ks, ke, limits.hash);
      for (let i = 0; i < v.fields.length; i++) {
        const f = v.fields[i]!;
        const x = v.values[i]!;
        w.set(f, 0, f.length, x, 0, x.length);
      }
      return w.commit();
    }
  }
}

/** Keeps a restored intset's width: Redis's never shrinks, and DUMP must give back the same bytes. */
function widen(a: SetAccum, width: number): void {
  const b = a.ib;
  const w = b.bytes[0]!;
  if (width <= w) return;
  const n = b.count;
  const next = Buffer.allocUnsafe(1 + n * width);
  next[0] = width;
  for (let i = 0; i < n; i++) {
    const x = BigInt(a.intAt(i));
    if (width === 8) next.writeBigInt64LE(x, 1 + i * width);
    else next.writeInt32LE(Number(x), 1 + i * width);
  }
  b.load(next, 0, next.length);
}

/** tryObjectEncoding, as SET does: int, embstr or raw. */
function putString(db: Database, kbuf: Uint8Array, ks: number, ke: number, s: Buffer): number {
  return putStringAt(db, kbuf, ks, ke, s, 0, s.length);
}

/**
 * objectSetLRUOrLFU: a loaded key's access field from RDB's FREQ (under an
 * LFU policy) or IDLE seconds (under any other); -1 when not given.
 */
export function setAccessFromRdb(db: Database, s: AccessState, pos: number, freq: number, idle: number): void {
  if (s.mode === AccessMode.LFU) {
    if (freq >= 0) db.setAccessTime(pos, (s.lfuMinutes << 8) | freq);
    return;
  }
  if (idle < 0) return;
  if (s.mode === AccessMode.ADAPTIVE) {
    const clock = ADAPTIVE_CLOCK;
    const abs = ((s.lru & clock) - (idle % (clock + 1)) + clock + 1) & clock;
    db.setAccessTime(pos, (db.accessTime(pos) & ~clock) | abs);
    return;
  }
  let abs = s.lru - idle;
  // An idle time past the wrapping clock's range: half-way in the future, so it reads as very old.
  if (abs < 0) abs = (s.lru + Math.floor(LRU_CLOCK_MAX / 2)) % LRU_CLOCK_MAX;
  db.setAccessTime(pos, abs);
}
