// CONFIG GET parameter [parameter ...]
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'get',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  doc: {
    summary: 'Get the values of configuration parameters',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    history: [['7.0.0', 'Added the ability to pass multiple pattern parameters in one call']],
  },
  handler(ctx, args, reply) {
    // Each name is an exact name or a glob; a parameter matched twice is listed once
    // (names compare case-insensitively, the first spelling wins).
    const seen = new Set<string>();
    const out: [string, string][] = [];
    for (let i = 2; i < args.count; i++) {
      for (const [name, value] of ctx.server.config.getMatching(args.str(i))) {
        const key = name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([name, value]);
      }
    }
    reply.map(out.length);
    for (const [name, value] of out) {
      reply.bulkStr(name);
      reply.bulkStr(value);
    }
  },
});
