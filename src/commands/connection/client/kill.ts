// CLIENT KILL <ip:port | <[ID client-id] | [TYPE <NORMAL | MASTER | SLAVE | REPLICA | PUBSUB>] |
//   [USER username] | [ADDR ip:port] | [LADDR ip:port] | [SKIPME <YES | NO>]> [...]>
import { defineCommand } from '../../define.js';
import type { ClientHandle } from '../../context.js';
import { SYNTAX } from '../../errors.js';
import { errorArg } from '../../server/reply-helpers.js';
import { clientType, clientTypeByName, type ClientType } from '../client-type.js';

export default defineCommand({
  name: 'kill',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  doc: {
    summary: 'Kill the connection of a client',
    since: '2.4.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
    history: [
      ['2.8.12', 'Added new filter format.'],
      ['2.8.12', '`ID` option.'],
      ['3.2.0', 'Added `master` type in for `TYPE` option.'],
      ['5.0.0', 'Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility.'],
      ['6.2.0', '`LADDR` option.'],
    ],
  },
  handler(ctx, args, reply) {
    let addr: string | null = null;
    let laddr: string | null = null;
    let type: ClientType | null = null;
    let id = 0;
    let user: string | null = null;
    let skipme = true;
    const oldForm = args.count === 3;
    if (oldForm) {
      // CLIENT KILL ip:port: the old form may kill the caller itself.
      addr = args.str(2);
      skipme = false;
    } else {
      for (let i = 2; i < args.count; i += 2) {
        const more = i + 1 < args.count;
        if (!more) return reply.error(SYNTAX);
        if (args.is(i, 'id')) {
          const v = args.int64(i + 1);
          if (v === null || typeof v === 'bigint' || v < 1) return reply.error('ERR client-id should be greater than 0');
          id = v;
        } else if (args.is(i, 'type')) {
          type = clientTypeByName(args.str(i + 1));
          if (type === null) return reply.error(`ERR Unknown client type '${errorArg(args.str(i + 1))}'`);
        } else if (args.is(i, 'addr')) {
          addr = args.str(i + 1);
        } else if (args.is(i, 'laddr')) {
          laddr = args.str(i + 1);
        } else if (args.is(i, 'user')) {
          user = args.str(i + 1);
          // "default" is the only user.
          if (user !== 'default') return reply.error(`ERR No such user '${errorArg(user)}'`);
        } else if (args.is(i, 'skipme')) {
          if (args.is(i + 1, 'yes')) skipme = true;
          else if (args.is(i + 1, 'no')) skipme = false;
          else return reply.error(SYNTAX);
        } else {
          return reply.error(SYNTAX);
        }
      }
    }
    const victims: ClientHandle[] = [];
    for (const c of ctx.server.clients()) {
      if (addr !== null && c.addr !== addr) continue;
      if (laddr !== null && c.laddr !== laddr) continue;
      if (type !== null && clientType(c) !== type) continue;
      if (id !== 0 && c.id !== id) continue;
      if (c === ctx.client && skipme) continue;
      victims.push(c);
    }
    if (oldForm) {
      if (victims.length === 0) reply.error('ERR No such client');
      else reply.ok();
    } else {
      reply.int(victims.length);
    }
    // Other clients close now; the caller closes once its reply is written.
    for (const c of victims) c.kill();
  },
});
