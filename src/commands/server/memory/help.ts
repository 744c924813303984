// MEMORY HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../reply-helpers.js';

const LINES = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  doc: { summary: 'Show helpful text about the different subcommands', since: '4.0.0', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'memory', LINES);
  },
});
