// CLIENT PAUSE timeout [WRITE|ALL]
import { defineCommand } from '../../define.js';
import { msDeadline } from '../../block-timeout.js';
import { subcommandSyntaxError } from '../../server/reply-helpers.js';
import { PAUSE_ALL, PAUSE_WRITE } from '../../context.js';

export default defineCommand({
  name: 'pause',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: {
    summary: 'Stop processing commands from clients for some time',
    since: '2.9.50',
    group: 'connection',
    complexity: 'O(1)',
    history: [['6.2.0', '`CLIENT PAUSE WRITE` mode added along with the `mode` option.']],
  },
  handler(ctx, args, reply) {
    if (args.count > 4) return reply.error(subcommandSyntaxError(args.str(1), 'client'));
    // The mode is checked before the timeout, as Redis does.
    let mode = PAUSE_ALL;
    if (args.count === 4) {
      if (args.is(3, 'write')) mode = PAUSE_WRITE;
      else if (!args.is(3, 'all')) return reply.error('ERR CLIENT PAUSE mode must be WRITE or ALL');
    }
    const end = msDeadline(args, 2, reply);
    if (end < 0) return;
    ctx.server.pauseClients(end, mode);
    reply.ok();
  },
});
