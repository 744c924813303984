/**
 * KV chunks over the engine: each chunk is one string key of a database
 * (ChunkKeys names it), its value a chunk record (./record.ts), so maxmemory,
 * eviction, TTL, DUMP, persistence and later tiers apply unchanged. One
 * KvStore per engine holds the counters and the optional lower tier; its
 * scratch objects make LOOKUP allocation-free apart from the hashing.
 * Non-goals: routing derived keys in a cluster (a later issue).
 */
import type { Database } from '../engine/keyspace.js';
import type { Engine } from '../engine/engine.js';
import type { Tier } from '../engine/tier/tier.js';
import { Encoding, KeyType, NO_KEY } from '../engine/status.js';
import type { ChunkKeys } from './prefix-hash.js';
import { DTYPE_BYTES, DTYPE_NAMES } from './dtype.js';
import { Quant } from './quantize.js';
import {
  RecordHeader, decodeHeader, describeRecord, elementsOf, formatShape, encodeRecord, hashMatches, metaMatches, reconstruct, type TensorMeta,
} from './record.js';

/**
 * A lower storage tier (compressed RAM, disk) holding chunk keys that are not
 * in the database. The store only asks two things of it: whether it holds a
 * key (synchronous: an index probe) and to bring keys back, in the order
 * given, into the database. LOOKUP counts tier-held chunks as cached and
 * starts loading them, so the GET that follows finds them in RAM.
 */
export interface ChunkTier {
  /** Whether the tier holds the key key[start, end) of `db`. */
  holds(db: Database, key: Uint8Array, start: number, end: number): boolean;
  /** Loads the keys (owned copies) into `db`, first to last; resolves when done. */
  load(db: Database, keys: Buffer[]): Promise<void>;
}

/** Outcome of checking one chunk. */
export const enum Probe {
  /** In the database, a well-formed record of this chunk (and of the asked metadata, for GET). */
  HIT = 0,
  MISSING = 1,
  /** The key holds something that is not this chunk's record. */
  CORRUPT = 2,
  /** A record of this chunk with another dtype or shape. */
  MISMATCH = 3,
  /** Not in the database, but held by the lower tier. */
  TIERED = 4,
  /** The key holds another type than a string. */
  WRONG_TYPE = 5,
}

/** Counters shown by KV.INFO and KvCache.stats(). */
export interface KvStats {
  /** Chunks stored, and their tensor bytes as given. */
  putChunks: number;
  putBytes: number;
  /** Bytes of the records written (after quantization, with headers). */
  storedBytes: number;
  /** Chunks stored with int8 quantization, and those kept raw because they held NaN or infinities. */
  quantizedChunks: number;
  quantFallbacks: number;
  lookups: number;
  /** Tokens asked about by LOOKUP, and tokens found cached. */
  lookupTokens: number;
  hitTokens: number;
  gets: number;
  getChunks: number;
  /** Reads refused because the record did not match the asked dtype/shape, or was not a chunk record. */
  mismatches: number;
  corrupt: number;
  /** Chunks handed to the tier to load, and loads that failed. */
  prefetchedChunks: number;
  prefetchErrors: number;
}

function newStats(): KvStats {
  return {
    putChunks: 0, putBytes: 0, storedBytes: 0, quantizedChunks: 0, quantFallbacks: 0, lookups: 0, lookupTokens: 0,
    hitTokens: 0, gets: 0, getChunks: 0, mismatches: 0, corrupt: 0, prefetchedChunks: 0, prefetchErrors: 0,
  };
}

/** Chunks GET asks the tier to read ahead past the last chunk it served. */
export const READAHEAD = 4;
/** Tiered chunks a LOOKUP starts loading: a prefix larger than memory would only evict itself (the GET that follows waits for the rest). */
const LOOKUP_PREFETCH = 8;

export class KvStore {
  readonly stats: KvStats = newStats();
  /** The lower tier, or null (the only case until the tier issue lands): then a missing chunk is a miss. */
  tier: ChunkTier | null = null;
  /** The header the last probe() or view() decoded. */
  readonly header = new RecordHeader();
  /** Set by view(): the chunk's tensor bytes are mem[viewStart, viewEnd). */
  viewStart = 0;
  viewEnd = 0;

  /**
   * Checks chunk i: in the database, a string, a valid record of this chunk,
   * and (when `meta` is given) of that dtype and shape. Counts as a read
   * (keyspace hit/miss, access time), as GET does.
   */
  probe(db: Database, keys: ChunkKeys, i: number, meta: TensorMeta | null, load = false): Probe {
    const k = keys.key(i);
    const pos = db.lookupReadAt(k, 0, keys.keyLen);
    if (pos === NO_KEY) {
      return this.tier !== null && this.tier.holds(db, k, 0, keys.keyLen) ? Probe.TIERED : Probe.MISSING;
    }
    // A chunk demoted to a lower tier keeps its key: its value is not read here (that would load it at once).
    if (!load && this.tier !== null && this.tier.holds(db, k, 0, keys.keyLen)) return Probe.TIERED;
    if (db.type(pos) !== KeyType.STRING) return Probe.WRONG_TYPE;
    const mem = db.stringRef(pos);
    const h = this.header;
    if (mem === null || !decodeHeader(mem, db.refStart, db.refEnd, h) || !hashMatches(mem, h, keys.hash(i))) return Probe.CORRUPT;
    if (meta !== null && !metaMatches(h, meta)) return Probe.MISMATCH;
    return Probe.HIT;
  }

  /** Set by checkRange() when it refuses: why, and at which chunk. */
  failure: Probe = Probe.HIT;
  failedAt = 0;

  /**
   * GET's first pass: checks chunks [first, last) in order against `meta` and
   * returns the index where the cached run ends (the first missing chunk, or
   * last), or -1 when a chunk is of another dtype or shape, not a chunk
   * record, or not a string (failure and failedAt say which; failureText()
   * words it). Reading the tensors (view()) comes after, so a refused read
   * sends no byte.
   */
  checkRange(db: Database, keys: ChunkKeys, first: number, last: number, meta: TensorMeta): number {
    this.stats.gets++;
    let end = first;
    for (; end < last; end++) {
      let p = this.probe(db, keys, end, meta);
      // Still tiered when GET runs (demoted again after the server loaded it): read it anyway, a
      // synchronous load, rather than cut the run short for data that is there.
      if (p === Probe.TIERED) p = this.probe(db, keys, end, meta, true);
      if (p === Probe.HIT) continue;
      if (p === Probe.MISSING || p === Probe.TIERED) break;
      if (p === Probe.MISMATCH) this.stats.mismatches++;
      else if (p === Probe.CORRUPT) this.stats.corrupt++;
      this.failure = p;
      this.failedAt = end;
      return -1;
    }
    this.stats.getChunks += Math.max(0, end - first);
    return end;
  }

  /** The error text of checkRange()'s refusal, with Redis-style code (KVMISMATCH, KVCORRUPT, WRONGTYPE). */
  failureText(keys: ChunkKeys, meta: TensorMeta): string {
    const i = this.failedAt;
    if (this.failure === Probe.MISMATCH) {
      return `KVMISMATCH chunk ${i} holds ${describeRecord(this.header)}, asked for ${DTYPE_NAMES[meta.dtype]} [${formatShape(meta.shape)}]`;
    }
    if (this.failure === Probe.WRONG_TYPE) return 'WRONGTYPE Operation against a key holding the wrong kind of value';
    return `KVCORRUPT chunk ${i} (key ${keys.keyString(i).slice(0, 256)}) does not hold this sequence's chunk record`;
  }

  /**
   * PUT's check before any write: chunk i's tensor must be exactly the bytes
   * its metadata gives; the error text, or null.
   */
  static checkSize(keys: ChunkKeys, i: number, meta: TensorMeta, got: number): string | null {
    const want = KvStore.tensorBytes(keys, i, meta);
    if (got === want) return null;
    return `ERR chunk ${i} has ${got} bytes, expected ${want} for ${keys.chunkTokens(i)} tokens of ${DTYPE_NAMES[meta.dtype]} [${formatShape(meta.shape)}]`;
  }

  /**
   * How many leading tokens of the sequence are cached: the chunks are checked
   * in order and the walk stops at the first one missing. Chunks the tier
   * holds count as cached and are handed to it to load, in order.
   */
  lookup(db: Database, keys: ChunkKeys): number {
    const s = this.stats;
    s.lookups++;
    s.lookupTokens += keys.tokens;
    let tokens = 0;
    let tiered: Buffer[] | null = null;
    for (let i = 0; i < keys.count; i++) {
      const p = this.probe(db, keys, i, null);
      if (p === Probe.TIERED) {
        if (tiered === null || tiered.length < LOOKUP_PREFETCH) (tiered ??= []).push(Buffer.from(keys.keyBuf.subarray(0, keys.keyLen)));
      } else if (p !== Probe.HIT) break;
      tokens += keys.chunkTokens(i);
    }
    s.hitTokens += tokens;
    if (tiered !== null) this.load(db, tiered);
    return tokens;
  }

  /**
   * Read-ahead after a GET that served chunks up to `next` (exclusive): the
   * tier starts loading the READAHEAD chunks after it that it holds.
   */
  readAhead(db: Database, keys: ChunkKeys, next: number): void {
    if (this.tier === null) return;
    let tiered: Buffer[] | null = null;
    for (let i = next; i < keys.count && i < next + READAHEAD; i++) {
      const k = keys.key(i);
      const held = this.tier.holds(db, k, 0, keys.keyLen);
      if (!held && db.findAt(k, 0, keys.keyLen) !== NO_KEY) continue;
      if (!held) break;
      (tiered ??= []).push(Buffer.from(k.subarray(0, keys.keyLen)));
    }
    if (tiered !== null) this.load(db, tiered);
  }

  private load(db: Database, keys: Buffer[]): void {
    this.stats.prefetchedChunks += keys.length;
    this.tier!.load(db, keys).catch(() => {
      this.stats.prefetchErrors++;
    });
  }

  /**
   * The tensor of chunk i, which probe() found valid in this same command (no
   * write since): its bytes are mem[viewStart, viewEnd), in the engine's
   * memory (valid until the next write), or a new buffer for a quantized chunk.
   */
  view(db: Database, keys: ChunkKeys, i: number): Uint8Array {
    const pos = db.findAt(keys.key(i), 0, keys.keyLen);
    const mem = db.stringRef(pos)!;
    const h = this.header;
    decodeHeader(mem, db.refStart, db.refEnd, h);
    if (h.quant === Quant.NONE) {
      this.viewStart = h.dataAt;
      this.viewEnd = h.dataEnd;
      return mem;
    }
    const out = reconstruct(mem, h);
    this.viewStart = 0;
    this.viewEnd = out.length;
    return out;
  }

  /** Bytes chunk i's tensor must have for this metadata. */
  static tensorBytes(keys: ChunkKeys, i: number, meta: TensorMeta): number {
    return elementsOf(meta.shape, keys.chunkTokens(i)) * DTYPE_BYTES[meta.dtype]!;
  }

  /**
   * Stores chunk i from src[so, so + tensorBytes) (checked by the caller),
   * replacing any value and TTL; `expireAt` (absolute ms, 0 = none). Returns
   * the key's handle (valid until the next write).
   */
  put(db: Database, keys: ChunkKeys, i: number, meta: TensorMeta, quant: Quant, model: Uint8Array, src: Uint8Array, so: number, expireAt: number): number {
    const rec = encodeRecord(meta, quant, keys.chunkTokens(i), model, keys.hash(i), src, so);
    const s = this.stats;
    s.putChunks++;
    s.putBytes += KvStore.tensorBytes(keys, i, meta);
    s.storedBytes += rec.length;
    if (quant !== Quant.NONE) {
      if (rec[6] === Quant.NONE) s.quantFallbacks++;
      else s.quantizedChunks++;
    }
    const k = keys.key(i);
    // A record is always longer than EMBSTR's 44 bytes: raw, as Redis would encode it.
    const pos = db.putAt(k, 0, keys.keyLen, KeyType.STRING, Encoding.RAW, rec);
    if (expireAt > 0) db.setExpire(pos, expireAt);
    return pos;
  }

  /** Deletes chunk i if present (an expired one counts as absent); true when it was. */
  delete(db: Database, keys: ChunkKeys, i: number): boolean {
    const pos = db.lookupWriteAt(keys.key(i), 0, keys.keyLen);
    if (pos === NO_KEY) return false;
    db.removeAt(pos);
    return true;
  }
}

const stores = new WeakMap<object, KvStore>();

/** The KvStore of an engine (created on first use). */
export function kvStoreFor(engine: Engine): KvStore {
  let s = stores.get(engine);
  if (s === undefined) {
    s = new KvStore();
    stores.set(engine, s);
  }
  const tier = engine.tier;
  if (tier !== null && s.tier === null) s.tier = engineTier(tier);
  return s;
}

/**
 * The engine's tiers as the chunk store sees them: a demoted chunk keeps its
 * key (its value is a reference), and loading it is the tier's prefetch.
 */
function engineTier(tier: Tier): ChunkTier {
  return {
    holds(db, key, start, end) {
      const pos = db.findAt(key, start, end);
      return pos !== NO_KEY && tier.isTiered(db, pos);
    },
    async load(db, keys) {
      // Started in order; the tier runs them side by side.
      await Promise.all(keys.map((k) => tier.prefetch(db, k)));
    },
  };
}

/** KV.GET's chunk keys [first, last) that a lower tier holds, for the server to load before it runs. */
export function tieredChunkKeys(store: KvStore, db: Database, keys: ChunkKeys, first: number, last: number): Buffer[] | null {
  if (store.tier === null) return null;
  let out: Buffer[] | null = null;
  for (let i = first; i < last; i++) {
    const k = keys.key(i);
    if (db.findAt(k, 0, keys.keyLen) === NO_KEY) break;
    if (store.tier.holds(db, k, 0, keys.keyLen)) (out ??= []).push(Buffer.from(k.subarray(0, keys.keyLen)));
  }
  return out;
}
