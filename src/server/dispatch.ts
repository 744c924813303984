/**
 * Runs one parsed command for a connection in Redis's order: lookup (with
 * container subcommands) → arity → protected command → authentication →
 * [MULTI: no_multi, OOM, subscribed context, queue] → call, then
 * commandstats, slowlog and MONITOR. Errors match processCommand(). A client
 * in MULTI or subscribed leaves the fast path by one test of its mode.
 */
import { performance } from 'node:perf_hooks';
import type { Args } from '../commands/args.js';
import type { CommandContext, ServerStats } from '../commands/context.js';
import { NOAUTH, clip, wrongArity } from '../commands/errors.js';
import type { CommandEntry, CommandTable } from '../commands/table.js';
import type { RespWriter } from '../protocol/resp/writer.js';
import { EvictResult } from '../engine/engine.js';
import { MODE_MULTI, MODE_PUBSUB, type Transaction } from './multi.js';
import { diskErrorText } from '../persistence/misconf.js';
import type { LatencyMonitor } from '../observability/latency-monitor.js';

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
  /** MODE_MULTI | MODE_PUBSUB bits; 0 for the fast path. */
  mode: number;
  readonly tx: Transaction;
  /** Null unless the AOF is on. */
  readonly recorder: CallRecorder | null;
  /** Set while the client waits on keys; a call that blocked is counted when its wait ends. */
  readonly blocked: { entry: CommandEntry | null; callUs: number } | null;
}

const OOM = "OOM command not allowed when used memory > 'maxmemory'.";
const LOADING = 'LOADING Redis is loading the dataset in memory';

/**
 * Records what each call changed (the AOF's propagation, src/persistence/aof/propagate.ts).
 * enter/exit bracket every call, nested ones (EXEC's) included.
 */
export interface CallRecorder {
  enter(): void;
  /** `db` is the client's database after the call; `dirtied` whether the call changed the dataset. */
  exit(db: number, args: Args, dirtied: boolean): void;
}

export interface DispatchHooks {
  /** Called after each executed command with its duration, for slowlog and MONITOR. */
  afterCall(target: DispatchTarget, entry: CommandEntry, args: Args, durationUs: number): void;
  /** With tiering on: true when the command was held until its tiered values are loaded (./tier-wait.ts). */
  holdForTier(target: DispatchTarget, entry: CommandEntry, args: Args): boolean;
  /** With tiering on: true when a write refused for demotions in flight waits for them instead (./tier-wait.ts). */
  holdForDrain(target: DispatchTarget, args: Args): boolean;
  /** latency-tracking: calls are recorded in their command's histogram (INFO latencystats). */
  readonly latencyTracking: boolean;
  /** latency-monitor-threshold's samples (LATENCY LATEST...). */
  readonly latencyMonitor: LatencyMonitor;
  /** Non-zero while CLIENT PAUSE lasts. */
  readonly pauseMode: number;
  /** With a pause on: true when the command was held until it ends (./client-pause.ts). */
  holdForPause(target: DispatchTarget, entry: CommandEntry, args: Args): boolean;
}

/** Redis sanitises error text: CR and LF become spaces; C strings stop at NUL. */
function errorText(s: string): string {
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  return s.replace(/[\r\n]/g, ' ');
}

function reject(t: DispatchTarget, stats: ServerStats, entry: CommandEntry | null, text: string): void {
  if (entry !== null) entry.stat.rejected++;
  t.tx.flag();
  if (entry !== null && entry.parent === null && entry.spec.name === 'exec') {
    // execCommandAbort(): a refused EXEC discards the transaction, in MULTI or not.
    t.tx.discard();
    t.writer.error(`EXECABORT Transaction discarded because of: ${text.startsWith('ERR ') ? text.slice(4) : text}`);
    return;
  }
  t.writer.error(text);
}

/** Not queued in MULTI: they act on the transaction itself. */
const NOT_QUEUED = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Still run under OOM inside MULTI (EXEC only when nothing queued may grow memory). */
const OOM_EXEMPT_IN_MULTI = new Set(['exec', 'discard', 'quit', 'reset']);
/** What a RESP2 client may run while subscribed. */
const SUBSCRIBED_ALLOWED = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

/**
 * The checks processCommand() makes for a client in MULTI or subscribed,
 * then queuing. True when the command was answered here (refused or queued).
 */
function specialModes(t: DispatchTarget, stats: ServerStats, entry: CommandEntry, args: Args, hooks: DispatchHooks): boolean {
  const multi = (t.mode & MODE_MULTI) !== 0;
  const name = entry.parent === null ? entry.spec.name : '';
  if (multi && entry.spec.flags.includes('no_multi')) {
    reject(t, stats, entry, 'ERR Command not allowed inside a transaction');
    return true;
  }
  const engine = t.ctx.engine;
  if (engine.maxMemory > 0 && engine.evict() !== EvictResult.OK) {
    // Queuing could grow memory without bound: in MULTI almost everything is refused.
    if (entry.denyOom || (name === 'exec' && t.tx.denyOom) || (multi && !OOM_EXEMPT_IN_MULTI.has(name))) {
      reject(t, stats, entry, OOM);
      return true;
    }
  }
  if (diskErrorRefused(t, stats, entry)) return true;
  if ((t.mode & MODE_PUBSUB) !== 0 && t.writer.resp === 2 && !SUBSCRIBED_ALLOWED.has(name)) {
    reject(
      t,
      stats,
      entry,
      `ERR Can't execute '${entry.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
    );
    return true;
  }
  // processCommand()'s order: a pause holds the command before MULTI queues it.
  if (hooks.pauseMode !== 0 && hooks.holdForPause(t, entry, args)) return true;
  if (multi && !NOT_QUEUED.has(name)) {
    t.lastCommand = entry.fullName;
    t.tx.queue(entry, args);
    t.writer.simple('QUEUED');
    return true;
  }
  return false;
}

/** processCommand()'s disk error check, after OOM: true when the command was refused. */
function diskErrorRefused(t: DispatchTarget, stats: ServerStats, entry: CommandEntry): boolean {
  const server = t.ctx.server;
  const ps = server.persistence;
  if (ps.aofLastWriteOk && ps.lastBgsaveOk) return false;
  const name = entry.parent === null ? entry.spec.name : '';
  if (!entry.write && name !== 'ping' && !(name === 'exec' && t.tx.hasWrite)) return false;
  const text = diskErrorText(ps, server.config);
  if (text === null) return false;
  reject(t, stats, entry, text);
  return true;
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
  // A startup load in progress: only commands flagged 'loading' run (processCommand's loading check, before MULTI queues).
  if (t.ctx.server.persistence.loading !== null && !entry.spec.flags.includes('loading')) {
    reject(t, stats, entry, LOADING);
    return;
  }
  // As processCommand(): with a limit set, evict before every command, and
  // refuse the ones that may grow memory when that did not get us under.
  if (t.mode !== 0) {
    if (specialModes(t, stats, entry, args, hooks)) return;
  } else {
    const engine = t.ctx.engine;
    if (engine.maxMemory > 0 && engine.evict() !== EvictResult.OK && entry.denyOom) {
      if (engine.tier !== null && hooks.holdForDrain(t, args)) return;
      reject(t, stats, entry, OOM);
      return;
    }
    if (diskErrorRefused(t, stats, entry)) return;
    if (hooks.pauseMode !== 0 && hooks.holdForPause(t, entry, args)) return;
  }
  if (entry.handler === undefined) {
    // A container called without a subcommand has arity -2 and never gets here.
    reject(t, stats, entry, wrongArity(entry.fullName));
    return;
  }
  if (t.ctx.engine.tier !== null && hooks.holdForTier(t, entry, args)) return;
  call(t, entry, args, stats, hooks);
}

/** Runs a command that passed the checks (also each command of EXEC), with its bookkeeping. */
export function call(t: DispatchTarget, entry: CommandEntry, args: Args, stats: ServerStats, hooks: DispatchHooks): void {
  const handler = entry.handler!;
  // Set before the call: CLIENT LIST/INFO show the running command as cmd=.
  t.lastCommand = entry.fullName;
  const errorsBefore = t.writer.errors;
  // Commands of one read event run back to back: the end of one is the start
  // of the next, so each command costs one clock read instead of two.
  const start = t.clockMark > 0 ? t.clockMark : performance.now();
  const rec = t.recorder;
  if (rec === null) handler(t.ctx, args, t.writer);
  else {
    const dirtyBefore = stats.dirty;
    rec.enter();
    try {
      handler(t.ctx, args, t.writer);
    } finally {
      rec.exit(t.ctx.client.dbIndex, args, stats.dirty !== dirtyBefore);
    }
  }
  const end = performance.now();
  t.clockMark = end;
  const us = Math.round((end - start) * 1000);
  const s = entry.stat;
  s.calls++;
  s.usec += us;
  if (t.writer.errors !== errorsBefore) s.failed++;
  stats.totalCommands++;
  const b = t.blocked;
  if (b !== null) {
    b.entry = entry;
    b.callUs = us;
  } else {
    if (hooks.latencyTracking) entry.recordLatency(us);
    const lm = hooks.latencyMonitor;
    if (lm.threshold > 0) lm.sample(entry.fast ? 'fast-command' : 'command', Math.floor(us / 1000));
  }
  hooks.afterCall(t, entry, args, us);
}
