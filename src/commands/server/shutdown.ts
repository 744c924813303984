// SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';

export default defineCommand({
  name: 'shutdown',
  arity: -1,
  flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'allow_busy'],
  doc: {
    summary: 'Synchronously save the dataset to disk and then shut down the server',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    history: [['7.0.0', 'Added the `NOW`, `FORCE` and `ABORT` modifiers.']],
  },
  handler(ctx, args, reply) {
    let nosave = false;
    let save = false;
    let now = false;
    let force = false;
    let abort = false;
    for (let i = 1; i < args.count; i++) {
      if (args.is(i, 'nosave')) nosave = true;
      else if (args.is(i, 'save')) save = true;
      else if (args.is(i, 'now')) now = true;
      else if (args.is(i, 'force')) force = true;
      else if (args.is(i, 'abort')) abort = true;
      else return reply.error(SYNTAX);
    }
    if ((abort && (nosave || save || now || force)) || (nosave && save)) return reply.error(SYNTAX);
    // Shutdown never waits (no replicas to catch up), so there is never one to abort.
    if (abort) return reply.error('ERR No shutdown in progress.');
    const err = ctx.server.shutdown({ save: save ? true : nosave ? false : null, now, force });
    // On success there is no reply: the connection closes with the server.
    if (err !== null) reply.error(err);
  },
}) satisfies CommandSpec;
