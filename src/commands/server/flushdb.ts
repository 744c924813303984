// FLUSHDB [ASYNC | SYNC]
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';

export default defineCommand({
  name: 'flushdb',
  arity: -1,
  flags: ['write'],
  acl: ['keyspace', 'dangerous'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  doc: {
    summary: 'Remove all keys from the current database',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of keys in the selected database',
    history: [
      ['4.0.0', 'Added the `ASYNC` flushing mode modifier.'],
      ['6.2.0', 'Added the `SYNC` flushing mode modifier.'],
    ],
  },
  handler(ctx, args, reply) {
    // ASYNC and SYNC are accepted; freeing is synchronous either way.
    if (args.count > 2 || (args.count === 2 && !keyword(args, 1, 'sync') && !keyword(args, 1, 'async'))) {
      return reply.error(SYNTAX);
    }
    const db = ctx.db;
    const n = db.size;
    db.clear();
    ctx.dirty(n);
    reply.ok();
  },
}) satisfies CommandSpec;
