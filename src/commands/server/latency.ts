// LATENCY <subcommand> [arg ...]: the latency monitor and the per-command histograms.
import { defineCommand, type CommandSpec } from '../define.js';
import doctor from './latency/doctor.js';
import graph from './latency/graph.js';
import help from './latency/help.js';
import histogram from './latency/histogram.js';
import history from './latency/history.js';
import latest from './latency/latest.js';
import reset from './latency/reset.js';

export default defineCommand({
  name: 'latency',
  arity: -2,
  flags: [],
  doc: { summary: 'A container for latency diagnostics commands', since: '2.8.13', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [help, latest, history, reset, histogram, graph, doctor],
}) satisfies CommandSpec;
