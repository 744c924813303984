/**
 * An LMCache-like request stream: conversations that share a few long system
 * prompts, each turn asking for the KV of its whole prefix (system prompt +
 * the conversation so far) in 256-token chunks, and the chunk keys LMCache v1
 * would use (`model@ws@worker@hash@dtype`, plus `kv_bytes` / `metadata`).
 * Deterministic for a seed, so every server sees the same requests.
 */

/** Tokens per chunk, as LMCache's default chunk_size. */
export const CHUNK_TOKENS = 256;

export interface WorkloadOptions {
  /** Distinct system prompts shared by conversations. */
  systemPrompts: number;
  /** Chunks in each system prompt (8 = 2048 tokens). */
  systemChunks: number;
  /** Conversations alive at once. */
  conversations: number;
  /** New chunks a turn adds to its conversation. */
  chunksPerTurn: number;
  /** Requests (turns) to issue. */
  requests: number;
  seed: number;
}

/** One request: the chunk ids of its prefix, in order. */
export interface Request {
  chunks: number[];
}

/** xorshift32: enough for a reproducible stream. */
class Rand {
  constructor(private s: number) {
    if (this.s === 0) this.s = 0x9e3779b9;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/**
 * The requests. Chunk ids are global: a system prompt's chunks are shared by
 * every conversation that uses it (the prefix hash chain makes them equal);
 * a conversation's own chunks are its own. Conversations are picked with a
 * skew (a few are busy, most are occasional), and one that reaches 32 turns
 * is replaced by a new one.
 */
export function makeRequests(o: WorkloadOptions): Request[] {
  const r = new Rand(o.seed);
  let nextId = o.systemPrompts * o.systemChunks;
  interface Conv {
    prompt: number;
    own: number[];
  }
  const newConv = (): Conv => ({ prompt: r.int(o.systemPrompts), own: [] });
  const convs: Conv[] = Array.from({ length: o.conversations }, newConv);
  const out: Request[] = [];
  for (let i = 0; i < o.requests; i++) {
    // Squaring a uniform number favours low indexes: a mild skew like real traffic.
    const u = r.next();
    const ci = Math.floor(u * u * convs.length);
    const c = convs[ci]!;
    for (let k = 0; k < o.chunksPerTurn; k++) c.own.push(nextId++);
    const chunks: number[] = [];
    for (let k = 0; k < o.systemChunks; k++) chunks.push(c.prompt * o.systemChunks + k);
    chunks.push(...c.own);
    out.push({ chunks });
    if (c.own.length >= 32 * o.chunksPerTurn) convs[ci] = newConv();
  }
  return out;
}

/** The distinct chunks the requests touch, for sizing the working set. */
export function distinctChunks(reqs: readonly Request[]): number {
  const s = new Set<number>();
  for (const q of reqs) for (const c of q.chunks) s.add(c);
  return s.size;
}

/** LMCache v1's key string for a chunk (no fmt, bf16): model@world_size@worker_id@hash@dtype. */
export function chunkKey(id: number): string {
  const hash = (BigInt(id) * 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  return `meta-llama/Llama-3.1-8B-Instruct@1@0@${hash.toString(16)}@bfloat16`;
}

/** RemoteMetadata: 7 little-endian int32 (length, fmt, dtype, shape0..3), as LMCache v1 writes for one KV group. */
export function metadataFor(length: number): Buffer {
  const b = Buffer.alloc(28);
  const fields = [length, 1, 2, 2, 32, CHUNK_TOKENS, 1024];
  fields.forEach((v, i) => b.writeInt32LE(v, i * 4));
  return b;
}
