/**
 * Runs one parsed command for a connection in Redis's order: lookup (with
 * container subcommands) → arity → protected command → authentication →
 * call, then commandstats, slowlog and MONITOR. Errors match processCommand().
 */
import { performance } from 'node:perf_hooks';
import type { Args } from '../commands/args.js';
import type { CommandContext, ServerStats } from '../commands/context.js';
import { NOAUTH, clip, wrongArity } from '../commands/errors.js';
import type { CommandEntry, CommandTable } from '../commands/table.js';
import type { RespWriter } from '../protocol/resp/writer.js';
import { EvictResult } from '../engine/engine.js';

/** What dispatch needs from the connection besides the handler context. */
export interface DispatchTarget {
  readonly ctx: CommandContext;
  readonly writer: RespWriter;
  /** True while the client must authenticate first. */
  authRequired(): boolean;
  /** Whether DEBUG and friends are allowed for this client (enable-debug-command). */
  protectedAllowed(): boolean;
  lastCommand: string;
  /** performance.now() at the end of the previous command of this read event, or 0. */
  clockMark: number;
}

const OOM = "OOM command not allowed when used memory > 'maxmemory'.";

export interface DispatchHooks {
  /** Called after each executed command with its duration, for slowlog and MONITOR. */
  afterCall(target: DispatchTarget, entry: CommandEntry, args: Args, durationUs: number): void;
}

/** Redis sanitises error text: CR and LF become spaces; C strings stop at NUL. */
function errorText(s: string): string {
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  return s.replace(/[\r\n]/g, ' ');
}

function reject(t: DispatchTarget, stats: ServerStats, entry: CommandEntry | null, text: string): void {
  if (entry !== null) entry.stat.rejected++;
  t.writer.error(text);
}

function unknownCommand(args: Args): string {
  let rest = '';
  for (let i = 1; i < args.count && rest.length < 128; i++) {
    rest += `'${errorText(args.str(i)).slice(0, 128 - rest.length)}' `;
  }
  return `ERR unknown command '${clip(errorText(args.str(0)))}', with args beginning with: ${rest}`;
}

/** Executes the command in `args` for `t`. */
export function dispatch(t: DispatchTarget, table: CommandTable, stats: ServerStats, args: Args, hooks: DispatchHooks): void {
  let entry = table.lookup(args.buf, args.start(0), args.end(0));
  if (entry === undefined) {
    reject(t, stats, null, unknownCommand(args));
    return;
  }
  if (entry.subcommands !== null && args.count > 1) {
    const sub = entry.subcommands.find(args.buf, args.start(1), args.end(1));
    if (sub === undefined) {
      const name = errorText(args.str(1));
      reject(t, stats, null, `ERR unknown subcommand '${clip(name)}'. Try ${entry.spec.name.toUpperCase()} HELP.`);
      return;
    }
    entry = sub;
  }
  const arity = entry.arity;
  if ((arity > 0 && arity !== args.count) || args.count < -arity) {
    reject(t, stats, entry, wrongArity(entry.fullName));
    return;
  }
  if (entry.spec.name === 'debug' && entry.parent === null && !t.protectedAllowed()) {
    reject(
      t,
      stats,
      entry,
      "ERR DEBUG command not allowed. If the enable-debug-command option is set to \"local\", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.",
    );
    return;
  }
  if (!entry.noAuth && t.authRequired()) {
    reject(t, stats, entry, NOAUTH);
    return;
  }
  // As processCommand(): with a limit set, evict before every command, and
  // refuse the ones that may grow memory when that did not get us under.
  const engine = t.ctx.engine;
  if (engine.maxMemory > 0 && engine.evict() !== EvictResult.OK && entry.denyOom) {
    reject(t, stats, entry, OOM);
    return;
  }
  const handler = entry.handler;
  if (handler === undefined) {
    // A container called without a subcommand has arity -2 and never gets here.
    reject(t, stats, entry, wrongArity(entry.fullName));
    return;
  }
  // Set before the call: CLIENT LIST/INFO show the running command as cmd=.
  t.lastCommand = entry.fullName;
  const errorsBefore = t.writer.errors;
  // Commands of one read event run back to back: the end of one is the start
  // of the next, so each command costs one clock read instead of two.
  const start = t.clockMark > 0 ? t.clockMark : performance.now();
  handler(t.ctx, args, t.writer);
  const end = performance.now();
  t.clockMark = end;
  const us = Math.round((end - start) * 1000);
  const s = entry.stat;
  s.calls++;
  s.usec += us;
  if (t.writer.errors !== errorsBefore) s.failed++;
  stats.totalCommands++;
  hooks.afterCall(t, entry, args, us);
}
