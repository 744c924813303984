/**
 * CLIENT PAUSE and CLIENT UNPAUSE, as Redis 7.0's pauseClients() for
 * PAUSE_BY_CLIENT_COMMAND. While a pause lasts, a command it covers waits
 * like a blocked client (flag b, counted in blocked_clients, its pipelined
 * input held): under ALL every command, CLIENT UNPAUSE included; under WRITE
 * the commands flagged write or may_replicate, and EXEC of a transaction
 * that queued one. Held commands run again in arrival order when the pause
 * ends, at its time or by CLIENT UNPAUSE. A later CLIENT PAUSE replaces the
 * mode and the end time. Active expiry waits for the end, as in Redis.
 */
import type { Args } from '../commands/args.js';
import { PAUSE_WRITE } from '../commands/context.js';
import type { CommandEntry } from '../commands/table.js';
import type { BlockingRegistry } from './blocking.js';
import type { Connection } from './connection.js';


export class ClientPause {
  /** 0, PAUSE_WRITE or PAUSE_ALL; dispatch calls hold() only while it is not 0. */
  mode = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Held commands in arrival order: each runs again when called. */
  private held: (() => void)[] = [];

  constructor(private readonly blocking: BlockingRegistry) {}

  /** CLIENT PAUSE: until `endMs` (ms since the epoch); an end already past lifts any pause. */
  pause(endMs: number, mode: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const wait = endMs - Date.now();
    if (wait <= 0) return this.unpause();
    // What is held stays held: from WRITE to ALL nothing is freed, and under ALL this cannot be sent.
    this.mode = mode;
    this.timer = setTimeout(() => this.unpause(), Math.min(wait, 2 ** 31 - 1));
  }

  /** CLIENT UNPAUSE, or the pause's end: every held command runs again, in arrival order. */
  unpause(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.mode = 0;
    const go = this.held;
    this.held = [];
    // After the current command, as Redis reprocesses unblocked clients in beforeSleep: not nested in CLIENT UNPAUSE.
    // Each is dispatched anew: a pause set again meanwhile holds it again.
    if (go.length !== 0) setImmediate(() => go.forEach((resume) => resume()));
  }

  /** Dispatch's check once a command passed every other: true when it was held. */
  hold(conn: Connection, entry: CommandEntry, args: Args): boolean {
    if (this.mode === PAUSE_WRITE && !covers(conn, entry)) return false;
    // CLIENT LIST shows the held command as cmd=, as Redis sets lastcmd before it pauses.
    conn.lastCommand = entry.fullName;
    this.held.push(this.blocking.holdCommand(conn, args));
    return true;
  }

  /** Server stop: nothing runs again. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.held = [];
    this.mode = 0;
  }
}

/** is_may_replicate_command: a write, a may_replicate command, or EXEC of a transaction holding one. */
function covers(conn: Connection, entry: CommandEntry): boolean {
  if (entry.write || entry.mayReplicate) return true;
  return entry.parent === null && entry.spec.name === 'exec' && conn.tx.mayReplicate;
}
