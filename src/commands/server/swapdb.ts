// SWAPDB index1 index2
import { defineCommand, type CommandSpec } from '../define.js';
import { DB_INDEX_OUT_OF_RANGE } from '../errors.js';
import { intArg, validDb } from '../generic/db-index.js';

export default defineCommand({
  name: 'swapdb',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace', 'dangerous'],
  doc: {
    summary: 'Swaps two Redis databases',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
  },
  handler(ctx, args, reply) {
    const a = intArg(args, 1, reply, 'ERR invalid first DB index');
    if (a === null) return;
    const b = intArg(args, 2, reply, 'ERR invalid second DB index');
    if (b === null) return;
    const n = ctx.engine.dbs.length;
    if (!validDb(a, n) || !validDb(b, n)) return reply.error(DB_INDEX_OUT_OF_RANGE);
    // Clients keep their index, so they see the other database's keys from now on.
    if (a !== b) ctx.engine.swap(a, b);
    ctx.dirty(1);
    reply.ok();
  },
}) satisfies CommandSpec;
