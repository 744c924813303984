// DEBUG subcommand [arg ...]
// Implemented: HELP, SLEEP, SET-ACTIVE-EXPIRE, OBJECT, POPULATE, ERROR, RELOAD [NOSAVE]. Dispatch refuses DEBUG
// unless enable-debug-command is yes (or local, from a loopback client).
import { defineCommand, type CommandSpec } from '../define.js';
import { NO_SUCH_KEY } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { debugObjectLine } from './debug-object.js';
import { debugPopulate } from './debug-populate.js';
import { replyHelp, subcommandSyntaxError } from './reply-helpers.js';

const HELP = [
  'ERROR <string>',
  '    Return a Redis protocol error with <string> as message. Useful for clients',
  '    unit tests to simulate Redis errors.',
  'OBJECT <key>',
  '    Show low level info about `key` and associated value.',
  'POPULATE <count> [<prefix>] [<size>]',
  '    Create <count> string keys named key:<num>. If <prefix> is specified then',
  '    it is used instead of the \'key\' prefix. These are not propagated to',
  '    replicas. Cluster slots are not respected so keys not belonging to the',
  '    current node can be created in cluster mode.',
  'RELOAD [option ...]',
  '    Save the RDB on disk and reload it back to memory. Valid <option> values:',
  '    * MERGE: Merge the content of the RDB with the existing data set (not supported here).',
  '    * NOFLUSH: Do not empty the data set before loading (not supported here).',
  '    * NOSAVE: the database will be loaded from an existing RDB file.',
  'SET-ACTIVE-EXPIRE <0|1>',
  '    Setting it to 0 disables expiring keys in background when they are not',
  '    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the',
  '    default.',
  'SLEEP <seconds>',
  '    Stop the server for <seconds>. Decimals allowed.',
];

/** C's strtod() on the leading part of the text: 0 when there is no number. */
function strtod(text: string): number {
  const m = /^[ \t\n\v\f\r]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text);
  return m === null ? 0 : Number(m[0].trim());
}

/** C's atoi(). */
function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(text);
  return m === null ? 0 : parseInt(m[0], 10);
}

let sleeper: Int32Array | null = null;

/** Blocks the whole event loop like Redis's nanosleep() in DEBUG SLEEP. */
function blockFor(ms: number): void {
  if (!(ms > 0)) return;
  sleeper ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleeper, 0, 0, ms);
}

export default defineCommand({
  name: 'debug',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  doc: { summary: 'A container for debugging commands', since: '1.0.0', group: 'server', complexity: 'Depends on subcommand.', docFlags: ['syscmd'] },
  handler(ctx, args, reply) {
    const n = args.count;
    if (n === 2 && args.is(1, 'help')) {
      replyHelp(reply, 'debug', HELP);
    } else if (n === 3 && args.is(1, 'sleep')) {
      // Microsecond resolution as Redis computes it (dtime * 1000000 truncated).
      const us = Math.trunc(strtod(args.str(2)) * 1e6);
      blockFor(us / 1000);
      reply.ok();
    } else if (n === 3 && args.is(1, 'set-active-expire')) {
      ctx.server.setActiveExpire(atoi(args.str(2)) !== 0);
      reply.ok();
    } else if (n === 3 && args.is(1, 'object')) {
      // Like dictFind(): no expiry, no access-time update.
      const slot = ctx.db.peek(args.key(2));
      if (slot === NO_KEY) return reply.error(NO_SUCH_KEY);
      reply.simple(debugObjectLine(ctx, slot));
    } else if (args.is(1, 'reload')) {
      let save = true;
      for (let i = 2; i < n; i++) {
        if (args.is(i, 'nosave')) save = false;
        else if (args.is(i, 'merge') || args.is(i, 'noflush')) return reply.error('ERR DEBUG RELOAD MERGE and NOFLUSH are not supported');
        else return reply.error('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
      }
      const err = ctx.server.debugReload(save);
      if (err !== null) return reply.error(err);
      reply.ok();
    } else if (n >= 3 && n <= 5 && args.is(1, 'populate')) {
      debugPopulate(ctx, args, reply);
    } else if (n === 3 && args.is(1, 'error')) {
      // The argument is the whole error line (no "ERR " added), newlines made spaces.
      reply.error(args.str(2).replace(/[\r\n]/g, ' '));
    } else {
      reply.error(subcommandSyntaxError(args.str(1), 'debug'));
    }
  },
}) satisfies CommandSpec;
