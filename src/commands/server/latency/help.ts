// LATENCY HELP
import { defineCommand } from '../../define.js';
import { replyHelp } from '../reply-helpers.js';

/** Redis's LATENCY HELP lines, in Redis's order. */
const LINES = [
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'GRAPH <event>',
  '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

export default defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  doc: { summary: 'Show helpful text about the different subcommands.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    replyHelp(reply, 'latency', LINES);
  },
});
