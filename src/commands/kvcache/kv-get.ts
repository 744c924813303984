// KV.GET model tokens dtype shape [CHUNKSIZE size] [START index] [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { kvStoreFor, tieredChunkKeys } from '../../kvcache/store.js';
import { Opt, derivedKeySpec, opts, parseMeta, parseOptions, parseSequence, sharedKeys } from './kv-args.js';

export default defineCommand({
  name: 'kv.get',
  arity: -5,
  flags: ['readonly', 'movablekeys'],
  keySpecs: [derivedKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Returns the cached KV tensors of the leading chunks of a sequence, checked against the given dtype and shape',
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(C + B) where C is the number of chunks returned and B their bytes',
  },
  tierKeys(ctx, args) {
    if (parseOptions(args, 5, Opt.CHUNKSIZE | Opt.START | Opt.COUNT) !== null || parseSequence(args, 1, 2) !== null) return null;
    return tieredChunkKeys(kvStoreFor(ctx.engine), ctx.db, sharedKeys, opts.start, Math.min(sharedKeys.count, opts.start + opts.count));
  },
  handler(ctx, args, reply) {
    const err = parseOptions(args, 5, Opt.CHUNKSIZE | Opt.START | Opt.COUNT) ?? parseSequence(args, 1, 2);
    if (err !== null) return reply.error(err);
    const meta = parseMeta(args, 3, 4);
    if (typeof meta === 'string') return reply.error(meta);
    const keys = sharedKeys;
    const store = kvStoreFor(ctx.engine);
    const db = ctx.db;
    const first = opts.start;
    const last = Math.min(keys.count, first + opts.count);
    const end = store.checkRange(db, keys, first, last, meta);
    if (end < 0) return reply.error(store.failureText(keys, meta));
    reply.array(Math.max(0, end - first));
    for (let i = first; i < end; i++) {
      const mem = store.view(db, keys, i);
      reply.bulk(mem, store.viewStart, store.viewEnd);
    }
    store.readAhead(db, keys, end);
  },
}) satisfies CommandSpec;
