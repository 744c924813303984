// AUTH [username] password
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { AUTH_WITHOUT_PASSWORD, WRONGPASS, authenticate, defaultUserNoPass } from './auth-check.js';

export default defineCommand({
  name: 'auth',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  doc: {
    summary: 'Authenticate to the server',
    since: '1.0.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of passwords defined for the user',
    history: [['6.0.0', 'Added ACL style (username and password).']],
  },
  handler(ctx, args, reply) {
    if (args.count > 3) return reply.error(SYNTAX);
    // Redis hides the username and the password from MONITOR and SLOWLOG.
    ctx.client.redactArg(1);
    if (args.count === 3) ctx.client.redactArg(2);
    if (args.count === 2 && defaultUserNoPass(ctx)) return reply.error(AUTH_WITHOUT_PASSWORD);
    const user = args.count === 2 ? 'default' : args.str(1);
    const pass = args.str(args.count - 1);
    if (authenticate(ctx, user, pass)) reply.ok();
    else reply.error(WRONGPASS);
  },
}) satisfies CommandSpec;
