// DUMP key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NO_KEY } from '../../engine/status.js';
import { createDumpPayload } from '../../persistence/rdb/dump-payload.js';
import { readKey } from '../../persistence/rdb/rdb-engine.js';
import { listFill } from '../list/list-generic.js';

export default defineCommand({
  name: 'dump',
  arity: 2,
  flags: ['readonly'],
  acl: ['keyspace'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Return a serialized version of the value stored at the specified key.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).',
  },
  handler(ctx, args, reply) {
    const pos = ctx.db.lookupReadAt(args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.nil();
    const value = readKey(ctx.db, pos, listFill(ctx));
    // Streams and modules: Redis can dump them, this codec cannot yet.
    if (value === null) return reply.error('ERR DUMP of this type is not supported');
    reply.bulk(createDumpPayload(value, ctx.server.config.getBool('rdbcompression')));
  },
}) satisfies CommandSpec;
