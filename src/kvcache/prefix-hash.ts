/**
 * The chained prefix hash of a token sequence and the chunk keys derived from
 * it. h₀ = H("nencache-kv/1" ‖ u32 chunk_size ‖ model), hᵢ = H(hᵢ₋₁ ‖ tokens
 * of chunk i as little-endian u32), H = SHA-256 truncated to 128 bits; equal
 * prefixes get equal chunk hashes, different models or chunk sizes never do.
 * Chunk i's key is `kv:{<hex hᵢ>}:<model>`.
 */
import { createHash } from 'node:crypto';

/** Bytes of a chunk hash. */
export const HASH_BYTES = 16;
/** LMCache's default chunk_size, in tokens. */
export const DEFAULT_CHUNK_SIZE = 256;
/** Largest chunk_size accepted (a chunk's token count is a u32 in the record; 1M tokens is far past any model). */
export const MAX_CHUNK_SIZE = 1 << 20;

const SEED_TAG = Buffer.from('nencache-kv/1', 'latin1');
const KEY_HEAD = Buffer.from('kv:{', 'latin1');
const KEY_MID = Buffer.from('}:', 'latin1');
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/*
 * Why SHA-256 (node:crypto, truncated to 128 bits): keys come from token ids
 * a client chooses, so a collision would hand one prompt another's KV; MD5's
 * collisions are practical, SHA-256's are not, and with SHA-NI it is the
 * fastest digest node:crypto offers here: 1.87 µs per 256-token chunk against
 * md5 2.69, blake2b512 2.46, sha512-256 2.48 (createHash + 1,040 bytes,
 * measured on the dev box). 128 bits keep a birthday bound of 2^64 chunks.
 * It is also what vLLM and LMCache use for reproducible prefix keys.
 */

/**
 * The chunks of one token sequence: the chained hash of each and its key,
 * written into reused buffers (one instance serves request after request).
 * Chunk i covers tokens [i·chunkSize, min((i+1)·chunkSize, tokens)).
 */
export class ChunkKeys {
  /** Number of chunks (a partial last chunk counts). */
  count = 0;
  /** Tokens in the sequence. */
  tokens = 0;
  chunkSize = DEFAULT_CHUNK_SIZE;
  /** Chunk hashes, HASH_BYTES each, for chunks [0, hashed). */
  hashes: Buffer = Buffer.allocUnsafe(HASH_BYTES * 64);
  /** How many leading chunks are hashed so far (hashing is lazy: LOOKUP stops at the first miss). */
  hashed = 0;
  /** Key of the chunk most recently given by key(). */
  keyBuf: Buffer = Buffer.allocUnsafe(256);
  keyLen = 0;
  private model: Buffer = Buffer.alloc(0);
  private tokBuf: Uint8Array = new Uint8Array(0);
  private tokStart = 0;
  private readonly seed = Buffer.allocUnsafe(HASH_BYTES);

  /**
   * Points at a sequence: `model` bytes, `chunkSize` tokens per chunk, token
   * ids as little-endian u32 in tok[start, end) (the length is a multiple of 4,
   * checked by the caller). Nothing is hashed yet but the seed.
   */
  reset(model: Buffer, chunkSize: number, tok: Uint8Array, start: number, end: number): this {
    this.model = model;
    this.chunkSize = chunkSize;
    this.tokBuf = tok;
    this.tokStart = start;
    this.tokens = (end - start) >>> 2;
    this.count = Math.ceil(this.tokens / chunkSize);
    this.hashed = 0;
    if (this.hashes.length < this.count * HASH_BYTES) this.hashes = Buffer.allocUnsafe(this.count * HASH_BYTES * 2);
    const keyNeed = KEY_HEAD.length + 2 * HASH_BYTES + KEY_MID.length + model.length;
    if (this.keyBuf.length < keyNeed) this.keyBuf = Buffer.allocUnsafe(keyNeed * 2);
    const size = Buffer.allocUnsafe(4);
    size.writeUInt32LE(chunkSize, 0);
    createHash('sha256').update(SEED_TAG).update(size).update(model).digest().copy(this.seed, 0, 0, HASH_BYTES);
    return this;
  }

  /** Tokens in chunk i. */
  chunkTokens(i: number): number {
    return Math.min(this.chunkSize, this.tokens - i * this.chunkSize);
  }

  /** Hashes chunks up to and including chunk i (no-op when done already). */
  hashThrough(i: number): void {
    const tok = this.tokBuf;
    for (let c = this.hashed; c <= i; c++) {
      const prev = c === 0 ? this.seed : this.hashes.subarray((c - 1) * HASH_BYTES, c * HASH_BYTES);
      const from = this.tokStart + c * this.chunkSize * 4;
      const to = from + this.chunkTokens(c) * 4;
      const h = createHash('sha256').update(prev).update(tok.subarray(from, to)).digest();
      h.copy(this.hashes, c * HASH_BYTES, 0, HASH_BYTES);
    }
    if (i + 1 > this.hashed) this.hashed = i + 1;
  }

  /** Chunk i's hash (a view into `hashes`; hashes it first if needed). */
  hash(i: number): Buffer {
    this.hashThrough(i);
    return this.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }

  /** Writes chunk i's key into keyBuf[0, keyLen) and returns keyBuf. */
  key(i: number): Buffer {
    this.hashThrough(i);
    const k = this.keyBuf;
    let p = KEY_HEAD.copy(k, 0);
    const h = this.hashes;
    for (let j = i * HASH_BYTES, e = j + HASH_BYTES; j < e; j++) {
      const b = h[j]!;
      k[p++] = HEX[b >>> 4]!;
      k[p++] = HEX[b & 15]!;
    }
    p += KEY_MID.copy(k, p);
    p += this.model.copy(k, p);
    this.keyLen = p;
    return k;
  }

  /** Chunk i's key as a string (allocates; for KV.KEYS and the embedded API). */
  keyString(i: number): string {
    return this.key(i).latin1Slice(0, this.keyLen);
  }
}
