// FLUSHALL [ASYNC | SYNC]
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { hasSaveRules } from '../../persistence/rdb-service.js';

export default defineCommand({
  name: 'flushall',
  arity: -1,
  flags: ['write'],
  acl: ['keyspace', 'dangerous'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  doc: {
    summary: 'Remove all keys from all databases',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
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
    // As Redis kills its BGSAVE child: the snapshot would only save what is being flushed.
    ctx.server.bgsave.abort();
    ctx.dirty(ctx.engine.flushAll());
    // flushAllDataAndResetRDB(): with save rules, an empty dump.rdb replaces the old one at once
    // (the change count is kept so the flush still counts as unsaved).
    if (hasSaveRules(ctx.server.config)) ctx.server.rdbSave(true);
    reply.ok();
  },
}) satisfies CommandSpec;
