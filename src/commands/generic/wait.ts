// WAIT numreplicas timeout: this server has no replicas, so no write is ever
// acknowledged by one. As Redis: 0 at once when 0 replicas are enough (or in
// MULTI), else the client blocks until the timeout (0 = for ever) or CLIENT
// UNBLOCK, and then answers 0.
import { defineCommand, type CommandSpec } from '../define.js';
import { NOT_INTEGER } from '../errors.js';
import { msDeadline } from '../block-timeout.js';
import { KeyType } from '../../engine/status.js';

export default defineCommand({
  name: 'wait',
  arity: 3,
  flags: ['noscript'],
  acl: ['connection'],
  tips: ['request_policy:all_shards', 'response_policy:agg_min'],
  doc: {
    summary: 'Wait for the synchronous replication of all the write commands sent in the context of the current connection',
    since: '3.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  handler(ctx, args, reply) {
    const numreplicas = args.int64(1);
    if (numreplicas === null) return reply.error(NOT_INTEGER);
    const deadline = msDeadline(args, 2, reply);
    if (deadline < 0) return;
    // replicationCountAcksByOffset(): no replica, no acknowledgement.
    const acked = 0;
    if (numreplicas <= acked || ctx.client.tx.active) return reply.int(acked);
    ctx.client.block(args, 0, 0, KeyType.STRING, deadline, () => {}, (r) => r.int(acked));
  },
}) satisfies CommandSpec;
