// COMMAND INFO [command-name [command-name ...]]
import { defineCommand } from '../../define.js';
import { replyCommandInfo } from '../command-reply.js';

export default defineCommand({
  name: 'info',
  arity: -2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output_order'],
  doc: {
    summary: 'Get array of specific Redis command details, or all when no argument is given.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(N) where N is the number of commands to look up',
    history: [['7.0.0', 'Allowed to be called with no argument to get info on all commands.']],
  },
  handler(ctx, args, reply) {
    const table = ctx.server.table;
    if (args.count === 2) {
      reply.array(table.size);
      for (const e of table.all()) replyCommandInfo(reply, e);
      return;
    }
    // Names may be "container|subcommand"; unknown names answer nil.
    reply.array(args.count - 2);
    for (let i = 2; i < args.count; i++) replyCommandInfo(reply, table.byName(args.str(i)));
  },
});
