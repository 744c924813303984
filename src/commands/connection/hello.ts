// HELLO [protover [AUTH username password] [SETNAME clientname]]
import { defineCommand, type CommandSpec } from '../define.js';
import type { Reply } from '../reply.js';
import type { CommandContext } from '../context.js';
import { REDIS_COMPAT_VERSION } from '../../observability/version.js';
import { errorArg } from '../server/reply-helpers.js';
import { BAD_CLIENT_NAME, WRONGPASS, authenticate, validClientName } from './auth-check.js';

const NOAUTH_HELLO =
  'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time';

/** The HELLO reply: the server's identity as Redis 7.0 sends it (7 fields outside sentinel mode). */
export function replyHello(ctx: CommandContext, reply: Reply): void {
  reply.map(7);
  reply.bulkStr('server');
  reply.bulkStr('redis');
  reply.bulkStr('version');
  reply.bulkStr(REDIS_COMPAT_VERSION);
  reply.bulkStr('proto');
  reply.int(ctx.client.resp);
  reply.bulkStr('id');
  reply.int(ctx.client.id);
  reply.bulkStr('mode');
  reply.bulkStr('standalone');
  reply.bulkStr('role');
  reply.bulkStr('master');
  reply.bulkStr('modules');
  reply.array(0);
}

export default defineCommand({
  name: 'hello',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  doc: {
    summary: 'Handshake with Redis',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1)',
    history: [['6.2.0', "`protover` made optional; when called without arguments the command reports the current connection's context."]],
  },
  handler(ctx, args, reply) {
    let ver = 0;
    let next = 1;
    if (args.count >= 2) {
      const v = args.int64(next++);
      if (v === null) return reply.error('ERR Protocol version is not an integer or out of range');
      if (v !== 2 && v !== 3) return reply.error('NOPROTO unsupported protocol version');
      ver = v;
    }
    let user: string | null = null;
    let pass: string | null = null;
    let name: string | null = null;
    for (let j = next; j < args.count; j++) {
      const more = args.count - 1 - j;
      if (args.is(j, 'auth') && more >= 2) {
        ctx.client.redactArg(j + 1);
        ctx.client.redactArg(j + 2);
        user = args.str(j + 1);
        pass = args.str(j + 2);
        j += 2;
      } else if (args.is(j, 'setname') && more >= 1) {
        name = args.str(j + 1);
        j++;
      } else {
        return reply.error(`ERR Syntax error in HELLO option '${errorArg(args.str(j))}'`);
      }
    }
    if (user !== null && pass !== null && !authenticate(ctx, user, pass)) return reply.error(WRONGPASS);
    if (!ctx.client.authenticated) return reply.error(NOAUTH_HELLO);
    // The name is set before the protocol switches: a bad name leaves RESP unchanged.
    if (name !== null) {
      if (!validClientName(name)) return reply.error(BAD_CLIENT_NAME);
      ctx.client.name = name;
    }
    if (ver !== 0) ctx.client.resp = ver as 2 | 3;
    replyHello(ctx, reply);
  },
}) satisfies CommandSpec;
