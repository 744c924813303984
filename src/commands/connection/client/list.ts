// CLIENT LIST [TYPE <NORMAL | MASTER | REPLICA | PUBSUB>] [ID client-id [client-id ...]]
import { defineCommand } from '../../define.js';
import type { ClientHandle } from '../../context.js';
import { SYNTAX } from '../../errors.js';
import { errorArg } from '../../server/reply-helpers.js';
import { clientType, clientTypeByName } from '../client-type.js';

export default defineCommand({
  name: 'list',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Get the list of client connections',
    since: '2.4.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
    history: [
      ['2.8.12', 'Added unique client `id` field.'],
      ['5.0.0', 'Added optional `TYPE` filter.'],
      ['6.0.0', 'Added `user` field.'],
      ['6.2.0', 'Added `argv-mem`, `tot-mem`, `laddr` and `redir` fields and the optional `ID` filter.'],
      ['7.0.0', 'Added `resp`, `multi-mem`, `rbs` and `rbp` fields.'],
      ['7.0.3', 'Added `ssub` field.'],
    ],
  },
  handler(ctx, args, reply) {
    let out = '';
    if (args.count === 4 && args.is(2, 'type')) {
      const type = clientTypeByName(args.str(3));
      if (type === null) return reply.error(`ERR Unknown client type '${errorArg(args.str(3))}'`);
      for (const c of ctx.server.clients()) if (clientType(c) === type) out += c.describe() + '\n';
    } else if (args.count > 3 && args.is(2, 'id')) {
      const byId = new Map<number, ClientHandle>();
      for (const c of ctx.server.clients()) byId.set(c.id, c);
      for (let j = 3; j < args.count; j++) {
        const id = args.int64(j);
        if (id === null) return reply.error('ERR Invalid client ID');
        const c = typeof id === 'number' ? byId.get(id) : undefined;
        if (c !== undefined) out += c.describe() + '\n';
      }
    } else if (args.count !== 2) {
      return reply.error(SYNTAX);
    } else {
      for (const c of ctx.server.clients()) out += c.describe() + '\n';
    }
    reply.verbatim(out, 'txt');
  },
});
