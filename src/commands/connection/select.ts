// SELECT index
import { defineCommand, type CommandSpec } from '../define.js';
import { DB_INDEX_OUT_OF_RANGE } from '../errors.js';
import { intArg, validDb } from '../generic/db-index.js';

export default defineCommand({
  name: 'select',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  acl: ['connection'],
  doc: { summary: 'Change the selected database for the current connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const id = intArg(args, 1, reply);
    if (id === null) return;
    if (!validDb(id, ctx.engine.dbs.length)) return reply.error(DB_INDEX_OUT_OF_RANGE);
    ctx.client.dbIndex = id;
    reply.ok();
  },
}) satisfies CommandSpec;
