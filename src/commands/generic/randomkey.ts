// RANDOMKEY
import { defineCommand, type CommandSpec } from '../define.js';
import { NO_KEY } from '../../engine/status.js';

export default defineCommand({
  name: 'randomkey',
  arity: 1,
  flags: ['readonly'],
  acl: ['keyspace'],
  tips: ['request_policy:all_shards', 'nondeterministic_output'],
  doc: { summary: 'Return a random key from the keyspace', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const db = ctx.db;
    const slot = db.randomSlot();
    if (slot === NO_KEY) return reply.nil();
    const k = db.keyBytes(slot);
    reply.bulk(k, 0, k.length);
  },
}) satisfies CommandSpec;
