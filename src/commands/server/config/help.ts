// CONFIG HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../reply-helpers.js';

const LINES = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  doc: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'config', LINES);
  },
});
