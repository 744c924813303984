// KV.LOOKUP model tokens [CHUNKSIZE size]
import { defineCommand, type CommandSpec } from '../define.js';
import { kvStoreFor } from '../../kvcache/store.js';
import { Opt, derivedKeySpec, parseOptions, parseSequence, sharedKeys } from './kv-args.js';

export default defineCommand({
  name: 'kv.lookup',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  keySpecs: [derivedKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Returns how many leading tokens of a sequence have their KV chunks cached (stopping at the first missing chunk)',
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(C) where C is the number of chunks up to the first missing one',
  },
  handler(ctx, args, reply) {
    const err = parseOptions(args, 3, Opt.CHUNKSIZE) ?? parseSequence(args, 1, 2);
    if (err !== null) return reply.error(err);
    reply.int(kvStoreFor(ctx.engine).lookup(ctx.db, sharedKeys));
  },
}) satisfies CommandSpec;
