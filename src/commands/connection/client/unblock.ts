// CLIENT UNBLOCK client-id [TIMEOUT|ERROR]
import { defineCommand } from '../../define.js';
import { NOT_INTEGER } from '../../errors.js';
import { subcommandSyntaxError } from '../../server/reply-helpers.js';

export default defineCommand({
  name: 'unblock',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Unblock a client blocked in a blocking command from a different connection', since: '5.0.0', group: 'connection', complexity: 'O(log N) where N is the number of client connections' },
  handler(ctx, args, reply) {
    // The reason is checked before the id, as Redis does.
    let error = false;
    if (args.count === 4) {
      if (args.is(3, 'error')) error = true;
      else if (!args.is(3, 'timeout')) return reply.error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
    } else if (args.count > 4) {
      return reply.error(subcommandSyntaxError(args.str(1), 'client'));
    }
    const id = args.int(2);
    if (id === null) return reply.error(NOT_INTEGER);
    reply.int(ctx.server.unblockClient(id, error) ? 1 : 0);
  },
});
