// SLOWLOG HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../reply-helpers.js';

const LINES = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  doc: { summary: 'Show helpful text about the different subcommands', since: '6.2.0', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'slowlog', LINES);
  },
});
