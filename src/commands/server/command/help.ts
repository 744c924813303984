// COMMAND HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../reply-helpers.js';

const LINES = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  doc: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'command', LINES);
  },
});
