/**
 * What a command handler may see and do beyond its arguments: the engine and
 * the client's selected database, the client itself, and server-wide services
 * (config, clients, stats, slowlog, shutdown) through narrow interfaces that
 * the server implements. Commands never touch sockets.
 */
import type { MemorySnapshot } from '../observability/memory-report.js';
import type { LatencyMonitor } from '../observability/latency-monitor.js';
import type { Config } from '../config/config.js';
import type { PersistenceState } from '../persistence/state.js';
import type { BackgroundSaver } from '../persistence/bgsave.js';
import type { AofRewriter } from '../persistence/aof/rewrite.js';
import type { Database } from '../engine/keyspace.js';
import type { Engine } from '../engine/engine.js';
import type { KeyType } from '../engine/status.js';
import type { Args } from './args.js';
import type { Reply } from './reply.js';
import type { CommandTable } from './table.js';

export const enum ReplyMode {
  ON = 0,
  OFF = 1,
  SKIP = 2,
}

/** A connected client as commands see it. */
export interface ClientHandle {
  readonly id: number;
  name: string;
  resp: 2 | 3;
  /** Index of the selected database. */
  dbIndex: number;
  authenticated: boolean;
  replyMode: ReplyMode;
  noEvict: boolean;
  /** Set by QUIT: close once the reply is written. */
  closeAfterReply: boolean;
  readonly addr: string;
  readonly laddr: string;
  /** One CLIENT LIST line (without the trailing newline). */
  describe(): string;
  /** Closes the connection (after the current command for the calling client). */
  kill(): void;
  /** Hides argument `i` of the current command from MONITOR and SLOWLOG. */
  redactArg(i: number): void;
  /** Turns this connection into a monitor. */
  startMonitor(): void;
  /** Resets the connection state as RESET does. */
  reset(): void;
  /** CLIENT REPLY ON/OFF/SKIP. */
  setReplyMode(mode: ReplyMode): void;
  /**
   * Blocks the client on the keys args[first, first + n) (BLPOP and friends,
   * Redis's blockForKeys): `serve` answers once one of them holds a value of
   * `type`; at `deadline` (ms since the epoch, 0 = never) it answers the nil
   * array, or what `onTimeout` writes (WAIT, blocked on no key). The client's
   * further commands wait until then. `args` is copied.
   */
  block(args: Args, first: number, n: number, type: KeyType, deadline: number, serve: BlockedServe, onTimeout?: (r: Reply) => void): void;
  /** MULTI/EXEC/WATCH state (src/server/multi.ts). */
  readonly tx: TransactionHandle;
  /** Subscriptions (src/server/pubsub.ts). */
  readonly pubsub: PubSubHandle;
}

/**
 * How a blocked command answers once a key it waits on is ready: `args` is the
 * owned copy of its arguments, `keyIdx` the index of the ready key in them.
 */
export type BlockedServe = (ctx: CommandContext, args: Args, keyIdx: number, reply: Reply) => void;

/** A client's transaction, as the transactions commands drive it. */
export interface TransactionHandle {
  /** Between MULTI and EXEC/DISCARD. */
  readonly active: boolean;
  /** MULTI: starts queuing (the caller checked it is not active). */
  begin(): void;
  /** EXEC: runs the queue (or answers the nil array / EXECABORT) and ends the transaction. */
  exec(reply: Reply): void;
  /** DISCARD: drops the queue and the watched keys. */
  discard(): void;
  /** WATCH key in the client's current database. */
  watch(key: string): void;
  /** UNWATCH: forgets every watched key. */
  unwatch(): void;
}

/** Which of the three subscription spaces a command works on. */
export const enum SubKind {
  CHANNEL = 0,
  PATTERN = 1,
  SHARD = 2,
}

/** A client's subscriptions and the server's channel registry, as the pubsub commands see them. */
export interface PubSubHandle {
  /** Subscribed to anything (Redis's CLIENT_PUBSUB): RESP2 clients are then limited to (UN)SUBSCRIBE, PING, QUIT, RESET. */
  readonly active: boolean;
  /** (P|S)SUBSCRIBE one channel or pattern; replies with the confirmation. */
  subscribe(kind: SubKind, name: Buffer): void;
  /** (P|S)UNSUBSCRIBE one channel or pattern; replies with the confirmation. */
  unsubscribe(kind: SubKind, name: Buffer): void;
  /** (P|S)UNSUBSCRIBE without arguments: every subscription of the kind (one reply even when none). */
  unsubscribeAll(kind: SubKind): void;
  /** Subscriptions of the client: channels + patterns, or shard channels. */
  count(kind: SubKind): number;
  /** (S)PUBLISH: delivers to subscribers; returns how many received it. */
  publish(shard: boolean, channel: Buffer, message: Buffer): number;
  /** PUBSUB (SHARD)CHANNELS: active channels matching the pattern (all when null). */
  channels(shard: boolean, pattern: Buffer | null): Buffer[];
  /** PUBSUB (SHARD)NUMSUB: subscribers of one channel. */
  numsub(shard: boolean, channel: Buffer): number;
  /** PUBSUB NUMPAT: distinct patterns subscribed by any client. */
  numpat(): number;
}

/** Server-wide counters read by INFO. */
export interface ServerStats {
  totalConnections: number;
  totalCommands: number;
  rejectedConnections: number;
  netInputBytes: number;
  netOutputBytes: number;
  /** Socket reads and writes (INFO total_reads_processed, total_writes_processed). */
  totalReads: number;
  totalWrites: number;
  /** Output buffers replaced by bigger or smaller ones (INFO reply_buffer_expands, reply_buffer_shrinks). */
  replyBufferExpands: number;
  replyBufferShrinks: number;
  totalErrorReplies: number;
  /** Errors by code (the first word of the error reply), for INFO errorstats. */
  errorCodes: Map<string, number>;
  dirty: number;
}

export interface CommandStat {
  calls: number;
  usec: number;
  rejected: number;
  failed: number;
}

export interface SlowlogEntry {
  id: number;
  time: number;
  durationUs: number;
  args: string[];
  addr: string;
  name: string;
}

/** CLIENT PAUSE modes (0 = no pause). */
export const PAUSE_WRITE = 1;
export const PAUSE_ALL = 2;

/** Server services a command may call. */
export interface ServerHandle {
  readonly config: Config;
  readonly table: CommandTable;
  readonly stats: ServerStats;
  readonly startTime: number;
  readonly runId: string;
  readonly port: number;
  /** Path of the config file the server started with, "" when none (CONFIG REWRITE). */
  readonly configFile: string;
  /** Snapshot, AOF and loading state. */
  readonly persistence: PersistenceState;
  /** BGSAVE and the save rules. */
  readonly bgsave: BackgroundSaver;
  /** BGREWRITEAOF and the automatic rewrite. */
  readonly aofRewrite: AofRewriter;
  /** notify-keyspace-events as Redis's NOTIFY_* bits (0 = off), kept current by a CONFIG SET listener. */
  readonly keyspaceEvents: number;
  clients(): Iterable<ClientHandle>;
  clientCount(): number;
  slowlog(): SlowlogEntry[];
  /** latency-monitor-threshold's samples, for LATENCY. */
  readonly latencyMonitor: LatencyMonitor;
  /** CLIENT PAUSE until `endMs` (ms since the epoch; past = lift) in PAUSE_WRITE or PAUSE_ALL mode; mode 0 = CLIENT UNPAUSE. */
  pauseClients(endMs: number, mode: number): void;
  slowlogReset(): void;
  /** Zeroes the counters CONFIG RESETSTAT resets. */
  resetStats(): void;
  /** SAVE: writes dir/dbfilename now (`keepDirty`: the change count is left alone, as FLUSHALL's save); false when it failed (logged). */
  rdbSave(keepDirty?: boolean): boolean;
  /** DEBUG RELOAD: save (unless `save` is false), empty every database, load the file; an error text when it failed. */
  debugReload(save?: boolean): string | null;
  /** Stops the server. Returns an error text when refused. */
  shutdown(options: { save: boolean | null; now: boolean; force: boolean }): string | null;
  /** CLIENT UNBLOCK: true when client `id` was blocked (it then gets the nil array, or the UNBLOCKED error). */
  unblockClient(id: number, error: boolean): boolean;
  /** Turns active expiry on or off (DEBUG SET-ACTIVE-EXPIRE). */
  setActiveExpire(on: boolean): void;
  /** The server's own INFO sections (server, clients, memory, stats...). */
  info(sections: ReadonlySet<string>, all: boolean): string;
  /** One reading of memory in Redis's terms (MEMORY STATS and DOCTOR). */
  memory(): MemorySnapshot;
}

/** One argument of a command recorded for the AOF: bytes, latin1 text (how keys travel), or an integer. */
export type PropArg = Uint8Array | string | number | bigint;

/**
 * How a command says what the AOF records for it instead of its arguments as
 * sent, so that replay is exact (Redis's rewriteClientCommandVector,
 * alsoPropagate, preventCommandPropagation). Only the calls that changed the
 * dataset (ctx.dirty) are recorded; a command that needs none of this does nothing.
 */
export interface Propagation {
  /** Records `argv` instead of this call's arguments (e.g. SET ... EX 10 -> SET ... PXAT <ms>). */
  rewrite(argv: readonly PropArg[]): void;
  /** Records `argv` too, before this call's own command (SPOP with a count: one SREM per member). */
  also(argv: readonly PropArg[]): void;
  /** Records nothing for this call's own arguments (what also() added still goes). */
  prevent(): void;
}

/** The per-call view a handler receives. Reused across calls of one client. */
export interface CommandContext {
  readonly engine: Engine;
  /** The client's selected database. */
  readonly db: Database;
  readonly client: ClientHandle;
  readonly server: ServerHandle;
  /** Records writes for INFO's rdb_changes_since_last_save; a call that dirtied is propagated to the AOF. */
  dirty(n: number): void;
  /**
   * Non-null while something records writes (appendonly yes): commands whose
   * arguments would not replay exactly say what to record instead. With the
   * AOF off this is null, so a command pays one test.
   */
  readonly propagation: Propagation | null;
}
