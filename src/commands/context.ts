/**
 * What a command handler may see and do beyond its arguments: the engine and
 * the client's selected database, the client itself, and server-wide services
 * (config, clients, stats, slowlog, shutdown) through narrow interfaces that
 * the server implements. Commands never touch sockets.
 */
import type { MemorySnapshot } from '../observability/memory-report.js';
import type { Config } from '../config/config.js';
import type { Database } from '../engine/keyspace.js';
import type { Engine } from '../engine/engine.js';
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
}

/** Server-wide counters read by INFO. */
export interface ServerStats {
  totalConnections: number;
  totalCommands: number;
  rejectedConnections: number;
  netInputBytes: number;
  netOutputBytes: number;
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
  clients(): Iterable<ClientHandle>;
  clientCount(): number;
  slowlog(): SlowlogEntry[];
  slowlogReset(): void;
  /** Zeroes the counters CONFIG RESETSTAT resets. */
  resetStats(): void;
  /** Stops the server. Returns an error text when refused. */
  shutdown(options: { save: boolean | null; now: boolean; force: boolean }): string | null;
  /** Turns active expiry on or off (DEBUG SET-ACTIVE-EXPIRE). */
  setActiveExpire(on: boolean): void;
  /** The server's own INFO sections (server, clients, memory, stats...). */
  info(sections: ReadonlySet<string>, all: boolean): string;
  /** One reading of memory in Redis's terms (MEMORY STATS and DOCTOR). */
  memory(): MemorySnapshot;
}

/** The per-call view a handler receives. Reused across calls of one client. */
export interface CommandContext {
  readonly engine: Engine;
  /** The client's selected database. */
  readonly db: Database;
  readonly client: ClientHandle;
  readonly server: ServerHandle;
  /** Records writes for INFO's rdb_changes_since_last_save (and later persistence). */
  dirty(n: number): void;
}
