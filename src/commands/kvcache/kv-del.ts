// KV.DEL model tokens [CHUNKSIZE size] [START index]
import { defineCommand, type CommandSpec } from '../define.js';
import { N, notify } from '../notify.js';
import { kvStoreFor } from '../../kvcache/store.js';
import { Opt, derivedKeySpec, opts, parseOptions, parseSequence, sharedKeys } from './kv-args.js';

export default defineCommand({
  name: 'kv.del',
  arity: -3,
  flags: ['write', 'movablekeys'],
  keySpecs: [derivedKeySpec(['RM', 'DELETE'])],
  doc: {
    summary: "Deletes the cached KV chunks of a sequence from chunk START on (other sequences sharing those chunks lose them too)",
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(C) where C is the number of chunks of the sequence',
  },
  handler(ctx, args, reply) {
    const err = parseOptions(args, 3, Opt.CHUNKSIZE | Opt.START) ?? parseSequence(args, 1, 2);
    if (err !== null) return reply.error(err);
    const keys = sharedKeys;
    const store = kvStoreFor(ctx.engine);
    let n = 0;
    for (let i = opts.start; i < keys.count; i++) {
      if (!store.delete(ctx.db, keys, i)) continue;
      n++;
      ctx.dirty(1);
      notify(ctx, N.GENERIC, 'del', keys.keyBuf, 0, keys.keyLen);
    }
    reply.int(n);
  },
}) satisfies CommandSpec;
