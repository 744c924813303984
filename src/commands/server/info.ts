// INFO [section [section ...]]
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'info',
  arity: -1,
  flags: ['loading', 'stale'],
  acl: ['dangerous'],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  doc: {
    summary: 'Get information and statistics about the server',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    history: [['7.0.0', 'Added support for taking multiple section arguments.']],
  },
  handler(ctx, args, reply) {
    // Section names are case-insensitive; none means "default".
    const sections = new Set<string>();
    for (let i = 1; i < args.count; i++) sections.add(args.lower(i));
    const all = sections.has('all') || sections.has('everything');
    reply.verbatim(ctx.server.info(sections, all), 'txt');
  },
}) satisfies CommandSpec;
