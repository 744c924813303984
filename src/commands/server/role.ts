// ROLE: this server is always a master without replicas (no replication yet).
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'role',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast'],
  acl: ['admin', 'dangerous'],
  doc: { summary: 'Return the role of the instance in the context of replication', since: '2.8.12', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    // Role, replication offset (INFO master_repl_offset is 0 too), replicas.
    reply.array(3);
    reply.bulkStr('master');
    reply.int(0);
    reply.array(0);
  },
}) satisfies CommandSpec;
