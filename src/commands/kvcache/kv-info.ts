// KV.INFO
import { defineCommand, type CommandSpec } from '../define.js';
import { kvStoreFor } from '../../kvcache/store.js';
import { DEFAULT_CHUNK_SIZE } from '../../kvcache/prefix-hash.js';

/** Field names as KV.INFO prints them, in order, with the KvStats counter each shows. */
const FIELDS = [
  ['put_chunks', 'putChunks'], ['put_bytes', 'putBytes'], ['stored_bytes', 'storedBytes'],
  ['quantized_chunks', 'quantizedChunks'], ['quant_fallbacks', 'quantFallbacks'],
  ['lookups', 'lookups'], ['lookup_tokens', 'lookupTokens'], ['hit_tokens', 'hitTokens'],
  ['gets', 'gets'], ['get_chunks', 'getChunks'], ['mismatches', 'mismatches'], ['corrupt', 'corrupt'],
  ['prefetched_chunks', 'prefetchedChunks'], ['prefetch_errors', 'prefetchErrors'],
] as const;

export default defineCommand({
  name: 'kv.info',
  arity: 1,
  flags: ['loading', 'stale'],
  doc: {
    summary: 'Returns the KV-chunk counters of the server (chunks put and read, tokens looked up and found, quantization, prefetch)',
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(1)',
  },
  handler(ctx, _args, reply) {
    const store = kvStoreFor(ctx.engine);
    reply.map(FIELDS.length + 2);
    reply.bulkStr('default_chunk_size');
    reply.int(DEFAULT_CHUNK_SIZE);
    reply.bulkStr('tier');
    reply.bulkStr(store.tier === null ? 'none' : 'attached');
    for (const [name, field] of FIELDS) {
      reply.bulkStr(name);
      reply.int(store.stats[field]);
    }
  },
}) satisfies CommandSpec;
