/**
 * The embedded face of the KV-chunk store: `new KvCache({ maxMemory })` keeps
 * LLM KV tensors by chained prefix hash in the same off-heap keyspace,
 * eviction and TTLs the server uses, with the same keys and records as the
 * server's KV.* commands (./../kvcache/). Tensors read back are copies.
 */
import { systemClock, type Clock } from '../engine/clock.js';
import { Engine, EvictResult } from '../engine/engine.js';
import type { Database } from '../engine/keyspace.js';
import { ChunkKeys, DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE } from '../kvcache/prefix-hash.js';
import { isHalf, parseDType } from '../kvcache/dtype.js';
import { Quant, parseQuant } from '../kvcache/quantize.js';
import { MAX_DIMS, type Shape, type TensorMeta } from '../kvcache/record.js';
import { KvStore, type ChunkTier, type KvStats } from '../kvcache/store.js';
import { CacheFullError, type CachePolicy } from './cache.js';
import { parseMemory } from './memory-units.js';

export type { ChunkTier, KvStats } from '../kvcache/store.js';

/** Token ids: a Uint32Array (used in place) or numbers (0 ≤ id < 2^32). */
export type TokenIds = Uint32Array | readonly number[];

/** Element types, as PyTorch / LMCache name them. */
export type KvDType = 'float16' | 'fp16' | 'half' | 'bfloat16' | 'bf16' | 'float32' | 'fp32' | 'float' | 'uint8' | 'float8_e4m3fn' | 'float8_e5m2';

/** What a chunk's tensor is; checked on every read. */
export interface KvTensorMeta {
  dtype: KvDType;
  /** Dims; '*' marks the token axis, filled with each chunk's token count (e.g. [2, 32, '*', 1024]). */
  shape: readonly (number | '*')[];
}

export interface KvCacheOptions {
  /** Memory limit: bytes or a Redis-style size ('8gb'); 0 = unbounded (must be said). */
  maxMemory: number | string;
  /** Default 'allkeys-lru'. */
  policy?: CachePolicy;
  /** Tokens per chunk (default 256, LMCache's). Part of every key: caches with different sizes never share chunks. */
  chunkSize?: number;
  /** Lower tier consulted by lookup() (prefetch); none by default. */
  tier?: ChunkTier;
  clock?: Clock;
}

export interface KvPutOptions {
  /** Index of the first chunk given (default 0); the token ids always start at the sequence's start. */
  start?: number;
  /** Lossy int8 compression of float16/bfloat16 tensors; default 'none'. */
  quant?: 'none' | 'int8-block' | 'int8-channel';
  /** Time to live in ms. */
  ttl?: number;
}

export interface KvGetOptions {
  start?: number;
  /** Most chunks returned. */
  count?: number;
}

/** A read refused: the chunk holds another dtype or shape (KVMISMATCH), is not a chunk record (KVCORRUPT) or not a string (WRONGTYPE). */
export class KvChunkError extends Error {
  constructor(readonly code: string, message: string, readonly chunk: number) {
    super(message);
    this.name = 'KvChunkError';
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class KvCache {
  private readonly engine: Engine;
  private readonly db: Database;
  private readonly store = new KvStore();
  private readonly seq = new ChunkKeys();
  readonly chunkSize: number;

  constructor(options: KvCacheOptions) {
    if (options === undefined || options.maxMemory === undefined) throw new TypeError('KvCache: maxMemory is required (use 0 for an unbounded cache)');
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) throw new RangeError(`KvCache: chunkSize must be an integer from 1 to ${MAX_CHUNK_SIZE}`);
    this.chunkSize = chunkSize;
    this.engine = new Engine({
      databases: 1,
      clock: options.clock ?? systemClock,
      maxMemory: parseMemory(options.maxMemory),
      policy: options.policy ?? 'allkeys-lru',
    });
    this.db = this.engine.dbs[0]!;
    this.store.tier = options.tier ?? null;
  }

  /** How many leading tokens have their chunks cached (stops at the first missing chunk); starts tier loads. */
  lookup(model: string, tokens: TokenIds): number {
    this.engine.refreshClock();
    return this.store.lookup(this.db, this.sequence(model, tokens));
  }

  /**
   * Stores chunks start, start+1, ... of the sequence; each must be exactly
   * the tensor its metadata gives (a partial last chunk has fewer tokens).
   * Nothing is stored when one is not. Returns the number stored.
   */
  put(model: string, tokens: TokenIds, meta: KvTensorMeta, chunks: readonly Uint8Array[], options: KvPutOptions = {}): number {
    this.engine.refreshClock();
    const m = tensorMeta(meta);
    const quant = parseQuant(options.quant ?? 'none');
    if (quant < 0) throw new RangeError(`KvCache: unknown quantization '${options.quant}'`);
    if (quant !== Quant.NONE && !isHalf(m.dtype)) throw new RangeError('KvCache: quantization needs a float16 or bfloat16 tensor');
    if (quant === Quant.INT8_CHANNEL && m.shape.tokenAxis < 0) throw new RangeError("KvCache: int8-channel quantization needs a token axis ('*') in the shape");
    const ttl = options.ttl;
    if (ttl !== undefined && !(ttl > 0 && Number.isFinite(ttl))) throw new RangeError(`KvCache: ttl must be a positive number of ms, got ${ttl}`);
    const keys = this.sequence(model, tokens);
    const first = options.start ?? 0;
    if (!Number.isInteger(first) || first < 0 || first + chunks.length > keys.count) {
      throw new RangeError(`KvCache: ${chunks.length} chunks from start ${first} but the sequence has ${keys.count} chunks`);
    }
    for (let j = 0; j < chunks.length; j++) {
      const err = KvStore.checkSize(keys, first + j, m, chunks[j]!.length);
      if (err !== null) throw new RangeError(`KvCache: ${err.slice(4)}`);
    }
    if (this.engine.maxMemory > 0 && this.engine.policy.kind === 'none' && this.engine.evict() !== EvictResult.OK) throw new CacheFullError();
    const modelBytes = Buffer.from(model, 'utf8');
    const expireAt = ttl === undefined ? 0 : this.engine.clock.now() + ttl;
    for (let j = 0; j < chunks.length; j++) {
      this.store.put(this.db, keys, first + j, m, quant as Quant, modelBytes, chunks[j]!, 0, expireAt);
      if (this.engine.maxMemory > 0 && this.engine.policy.kind !== 'none') this.engine.evict();
    }
    return chunks.length;
  }

  /**
   * The tensors of the cached chunks from `start` on, up to the first missing
   * one (copies, in the dtype they were put with; quantized ones
   * reconstructed). Throws KvChunkError when a chunk does not match `meta`.
   */
  get(model: string, tokens: TokenIds, meta: KvTensorMeta, options: KvGetOptions = {}): Buffer[] {
    this.engine.refreshClock();
    const m = tensorMeta(meta);
    const keys = this.sequence(model, tokens);
    const first = options.start ?? 0;
    const last = Math.min(keys.count, first + (options.count ?? Infinity));
    const end = this.store.checkRange(this.db, keys, first, last, m);
    if (end < 0) {
      const text = this.store.failureText(keys, m);
      const sp = text.indexOf(' ');
      throw new KvChunkError(text.slice(0, sp), text.slice(sp + 1), this.store.failedAt);
    }
    const out: Buffer[] = [];
    for (let i = first; i < end; i++) {
      const mem = this.store.view(this.db, keys, i);
      out.push(Buffer.from(mem.subarray(this.store.viewStart, this.store.viewEnd)));
    }
    this.store.readAhead(this.db, keys, end);
    return out;
  }

  /** Deletes the sequence's chunks from `start` on; returns how many were cached. */
  delete(model: string, tokens: TokenIds, options: { start?: number } = {}): number {
    this.engine.refreshClock();
    const keys = this.sequence(model, tokens);
    let n = 0;
    for (let i = options.start ?? 0; i < keys.count; i++) if (this.store.delete(this.db, keys, i)) n++;
    return n;
  }

  /** The key names of the sequence's chunks (as the server's KV.KEYS gives them). */
  keys(model: string, tokens: TokenIds): string[] {
    const keys = this.sequence(model, tokens);
    const out: string[] = [];
    for (let i = 0; i < keys.count; i++) out.push(keys.keyString(i));
    return out;
  }

  /** Counters since creation, plus memory and the number of stored keys. */
  stats(): KvStats & { memory: number; maxMemory: number; keys: number; evictions: number } {
    return { ...this.store.stats, memory: this.engine.usedMemory(), maxMemory: this.engine.maxMemory, keys: this.db.size, evictions: this.engine.eviction.evictedKeys };
  }

  /** Removes every chunk. */
  clear(): void {
    this.engine.flushAll();
  }

  private sequence(model: string, tokens: TokenIds): ChunkKeys {
    const m = Buffer.from(model, 'utf8');
    if (m.length < 1 || m.length > 65535) throw new RangeError('KvCache: model name must be 1 to 65535 bytes');
    const bytes = tokenBytes(tokens);
    return this.seq.reset(m, this.chunkSize, bytes, 0, bytes.length);
  }
}

function tokenBytes(tokens: TokenIds): Uint8Array {
  if (tokens instanceof Uint32Array && LITTLE_ENDIAN) return new Uint8Array(tokens.buffer, tokens.byteOffset, tokens.byteLength);
  const out = Buffer.allocUnsafe(tokens.length * 4);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!Number.isInteger(t) || t < 0 || t > 0xffffffff) throw new RangeError(`KvCache: token id ${t} is not a uint32`);
    out.writeUInt32LE(t, 4 * i);
  }
  return out;
}

function tensorMeta(meta: KvTensorMeta): TensorMeta {
  const dtype = parseDType(meta.dtype);
  if (dtype === 0) throw new RangeError(`KvCache: unknown dtype '${meta.dtype}'`);
  const dims: number[] = [];
  let tokenAxis = -1;
  if (meta.shape.length < 1 || meta.shape.length > MAX_DIMS) throw new RangeError('KvCache: shape must have 1 to 8 dims');
  meta.shape.forEach((d, i) => {
    if (d === '*') {
      if (tokenAxis >= 0) throw new RangeError("KvCache: at most one '*' (token axis) in the shape");
      tokenAxis = i;
      dims.push(0);
    } else if (Number.isInteger(d) && d >= 1 && d <= 0x7fffffff) {
      dims.push(d);
    } else {
      throw new RangeError(`KvCache: shape dim ${d} is not a positive integer`);
    }
  });
  const shape: Shape = { dims, tokenAxis };
  return { dtype, shape };
}
