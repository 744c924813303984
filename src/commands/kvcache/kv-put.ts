// KV.PUT model tokens dtype shape [CHUNKSIZE size] [START index] [QUANT none|int8-block|int8-channel] [PX milliseconds] CHUNKS chunk [chunk ...]
import { defineCommand, type CommandSpec } from '../define.js';
import { N, notify } from '../notify.js';
import { absoluteExpire } from '../strings/set-generic.js';
import { kvStoreFor, KvStore } from '../../kvcache/store.js';
import { Opt, checkQuant, derivedKeySpec, opts, parseMeta, parseOptions, parseSequence, sharedKeys } from './kv-args.js';

export default defineCommand({
  name: 'kv.put',
  arity: -7,
  flags: ['write', 'denyoom', 'movablekeys'],
  keySpecs: [derivedKeySpec(['OW', 'UPDATE'])],
  doc: {
    summary: "Stores the KV tensors of a token sequence's chunks, keyed by the chained prefix hash of the token ids",
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(T + B) where T is the number of token ids hashed and B the bytes stored',
  },
  handler(ctx, args, reply) {
    const err = parseOptions(args, 5, Opt.CHUNKSIZE | Opt.START | Opt.QUANT | Opt.PX | Opt.CHUNKS) ?? parseSequence(args, 1, 2);
    if (err !== null) return reply.error(err);
    const meta = parseMeta(args, 3, 4);
    if (typeof meta === 'string') return reply.error(meta);
    const qerr = checkQuant(meta);
    if (qerr !== null) return reply.error(qerr);
    const keys = sharedKeys;
    const first = opts.start;
    const n = args.count - opts.chunksArg;
    if (first + n > keys.count) {
      return reply.error(`ERR ${n} chunks from START ${first} but the token sequence has ${keys.count} chunks of ${keys.chunkSize} tokens`);
    }
    // Every chunk is checked before anything is written: a refused PUT stores nothing.
    for (let j = 0; j < n; j++) {
      const sizeErr = KvStore.checkSize(keys, first + j, meta, args.len(opts.chunksArg + j));
      if (sizeErr !== null) return reply.error(sizeErr);
    }
    let expireAt = 0;
    if (opts.pxArg >= 0) {
      expireAt = absoluteExpire(ctx, args, opts.pxArg, false, true, 'kv.put', reply);
      if (expireAt < 0) return;
    }
    const store = kvStoreFor(ctx.engine);
    const model = args.view(1);
    for (let j = 0; j < n; j++) {
      const a = opts.chunksArg + j;
      store.put(ctx.db, keys, first + j, meta, opts.quant, model, args.buf, args.start(a), expireAt);
      ctx.dirty(1);
      notify(ctx, N.STRING, 'set', keys.keyBuf, 0, keys.keyLen);
      if (expireAt > 0) notify(ctx, N.GENERIC, 'expire', keys.keyBuf, 0, keys.keyLen);
    }
    reply.int(n);
  },
}) satisfies CommandSpec;
