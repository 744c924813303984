// KV.KEYS model tokens [CHUNKSIZE size]
import { defineCommand, type CommandSpec } from '../define.js';
import { Opt, parseOptions, parseSequence, sharedKeys } from './kv-args.js';

export default defineCommand({
  name: 'kv.keys',
  arity: -3,
  flags: ['loading', 'stale'],
  doc: {
    summary: "Returns the key names of a sequence's chunks, whether cached or not (for DUMP, TTL, MEMORY USAGE and clients that route keys)",
    since: '0.1.0',
    group: 'kvcache',
    complexity: 'O(C) where C is the number of chunks of the sequence',
  },
  handler(_ctx, args, reply) {
    const err = parseOptions(args, 3, Opt.CHUNKSIZE) ?? parseSequence(args, 1, 2);
    if (err !== null) return reply.error(err);
    const keys = sharedKeys;
    reply.array(keys.count);
    for (let i = 0; i < keys.count; i++) {
      keys.key(i);
      reply.bulk(keys.keyBuf, 0, keys.keyLen);
    }
  },
}) satisfies CommandSpec;
