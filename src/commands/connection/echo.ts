// ECHO message
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'echo',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  acl: ['connection'],
  doc: { summary: 'Echo the given string', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  handler(_ctx, args, reply) {
    reply.bulk(args.buf, args.start(1), args.end(1));
  },
}) satisfies CommandSpec;
