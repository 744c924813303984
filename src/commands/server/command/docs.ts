// COMMAND DOCS [command-name [command-name ...]]
import { defineCommand } from '../../define.js';
import type { CommandEntry } from '../../table.js';
import { replyCommandDocs } from '../command-reply.js';

export default defineCommand({
  name: 'docs',
  arity: -2,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output_order'],
  doc: {
    summary: 'Get array of specific Redis command documentation',
    since: '7.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of commands to look up',
  },
  handler(ctx, args, reply) {
    const table = ctx.server.table;
    const found: [string, CommandEntry][] = [];
    if (args.count === 2) {
      for (const e of table.all()) found.push([e.fullName, e]);
    } else {
      // Unknown names are left out of the map.
      for (let i = 2; i < args.count; i++) {
        const e = table.byName(args.str(i));
        if (e !== undefined) found.push([e.fullName, e]);
      }
    }
    reply.map(found.length);
    for (const [name, e] of found) {
      reply.bulkStr(name);
      replyCommandDocs(reply, e);
    }
  },
});
