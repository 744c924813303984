// LASTSAVE
// Unix time of the last successful save (the server's start time before the first).
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'lastsave',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  acl: ['admin', 'dangerous'],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Get the UNIX time stamp of the last successful save to disk', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    reply.int(ctx.server.persistence.lastSaveTime);
  },
}) satisfies CommandSpec;
