// SAVE
// Writes dir/dbfilename synchronously: every other client waits, as in Redis.
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'save',
  arity: 1,
  flags: ['admin', 'noscript', 'no_async_loading', 'no_multi'],
  doc: { summary: 'Synchronously save the dataset to disk', since: '1.0.0', group: 'server', complexity: 'O(N) where N is the total number of keys in all databases' },
  handler(ctx, _args, reply) {
    if (ctx.server.persistence.bgsaveStartMs > 0) return reply.error('ERR Background save already in progress');
    // A failed save answers Redis's bare shared.err; the reason is in the log.
    if (ctx.server.rdbSave()) reply.ok();
    else reply.error('ERR');
  },
}) satisfies CommandSpec;
