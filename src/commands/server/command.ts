// COMMAND [subcommand [arg ...]]
import { defineCommand, type CommandSpec } from '../define.js';
import { replyCommandInfo } from './command-reply.js';
import count from './command/count.js';
import docs from './command/docs.js';
import getkeys from './command/getkeys.js';
import getkeysandflags from './command/getkeysandflags.js';
import help from './command/help.js';
import info from './command/info.js';
import list from './command/list.js';

export default defineCommand({
  name: 'command',
  arity: -1,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Get array of Redis command details', since: '2.8.13', group: 'server', complexity: 'O(N) where N is the total number of Redis commands' },
  // COMMAND alone lists every command's info, like COMMAND INFO without names.
  handler(ctx, _args, reply) {
    const table = ctx.server.table;
    reply.array(table.size);
    for (const e of table.all()) replyCommandInfo(reply, e);
  },
  subcommands: [count, getkeys, getkeysandflags, info, docs, help, list],
}) satisfies CommandSpec;
