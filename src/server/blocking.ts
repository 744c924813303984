/**
 * Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN...) as Redis 7.0's
 * blocked.c: per database index, the FIFO of clients waiting on each key; the
 * keys signalled ready by the keyspace (list/zset writes, SWAPDB), served
 * after each top-level command until none is left (so a BLMOVE that feeds
 * another waiter's key serves it in the same pass); one timer for every
 * timeout. Waiters stay with the database index across SWAPDB, as in Redis.
 */
import { performance } from 'node:perf_hooks';
import { Args } from '../commands/args.js';
import { ReplyMode, type BlockedServe } from '../commands/context.js';
import type { Engine } from '../engine/engine.js';
import type { Database } from '../engine/keyspace.js';
import { KeyType, NO_KEY } from '../engine/status.js';
import type { ReadySignal } from '../engine/watch.js';
import type { CommandEntry } from '../commands/table.js';
import type { Reply } from '../commands/reply.js';
import type { Connection } from './connection.js';

const UNBLOCKED = 'UNBLOCKED client unblocked via CLIENT UNBLOCK';
const NO_ARGS = new Args();

/** One blocked client: what it waits on and how it is answered. */
export interface Waiter {
  readonly conn: Connection;
  readonly db: number;
  readonly args: Args;
  /** Distinct keys waited on, in argument order, and their argument indexes. */
  readonly keys: string[];
  readonly keyIdx: number[];
  readonly type: KeyType;
  /** ms since the epoch; 0 = no timeout. */
  readonly deadline: number;
  readonly serve: BlockedServe;
  /** The timeout's reply (WAIT's :0); the nil array when absent. */
  readonly onTimeout: ((r: Reply) => void) | null;
  /** Held by CLIENT PAUSE or for a tiered value, not blocked by its command: CLIENT UNBLOCK leaves it alone. */
  readonly held: boolean;
  /** The blocked command and its first call's duration, set by dispatch for the stats taken at unblock. */
  entry: CommandEntry | null;
  callUs: number;
}

/** Redis's updateStatsOnUnblock(): the command's stats once its wait ends. */
export type UnblockStats = (w: Waiter, replyUs: number, failed: boolean) => void;

interface ReadyKey {
  readonly db: number;
  readonly key: string;
}

export class BlockingRegistry implements ReadySignal {
  /** Blocked clients (INFO blocked_clients); dispatch looks at ready keys only when non-zero. */
  count = 0;
  private readonly byDb: Map<string, Waiter[]>[];
  private ready: ReadyKey[] = [];
  private readonly readySet: Set<string>[];
  /** Waiters with a deadline (INFO clients_in_timeout_table). */
  private readonly timed = new Set<Waiter>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  /** Clients answered outside their own read: flushed, and their queued input run, once per turn. */
  private readonly unblocked = new Set<Connection>();
  private resumeScheduled = false;

  constructor(
    private readonly engine: Engine,
    /** Sets the client whose reply is being written (the server's `current`); returns the previous one. */
    private readonly setCurrent: (c: Connection | null) => Connection | null,
    private readonly unblockStats: UnblockStats = () => {},
  ) {
    this.byDb = engine.dbs.map(() => new Map());
    this.readySet = engine.dbs.map(() => new Set());
    engine.setReadySignal(this);
  }

  get inTimeoutTable(): number {
    return this.timed.size;
  }

  /** blockForKeys(): registers `conn` on the keys args[first, first + n). */
  block(conn: Connection, args: Args, first: number, n: number, type: KeyType, deadline: number, serve: BlockedServe, onTimeout: ((r: Reply) => void) | null = null): void {
    const own = args.detach();
    const keys: string[] = [];
    const keyIdx: number[] = [];
    for (let i = first; i < first + n; i++) {
      const k = own.key(i);
      if (keys.includes(k)) continue;
      keys.push(k);
      keyIdx.push(i);
    }
    const w: Waiter = { conn, db: conn.dbIndex, args: own, keys, keyIdx, type, deadline, serve, onTimeout, held: false, entry: null, callUs: 0 };
    const m = this.byDb[w.db]!;
    for (const k of keys) {
      const list = m.get(k);
      if (list === undefined) m.set(k, [w]);
      else list.push(w);
    }
    this.engine.dbs[w.db]!.blockedKeys += keys.length;
    conn.blocked = w;
    this.count++;
    if (deadline !== 0) {
      this.timed.add(w);
      this.arm(deadline);
    }
  }

  /**
   * Holds a client's command to run it again later (for tiered values,
   * ./tier-wait.ts; during CLIENT PAUSE, ./client-pause.ts): blocked on no
   * key, its input waits as any blocked client's. The returned function
   * runs the command again (through `around`, if given) and lets the
   * client's input go on, unless the client closed meanwhile.
   */
  holdCommand(conn: Connection, args: Args): (around?: (run: () => void) => void) => void {
    const own = args.detach();
    const enabled = conn.writer.enabled;
    const w: Waiter = {
      conn, db: conn.dbIndex, args: NO_ARGS, keys: [], keyIdx: [], type: KeyType.STRING, deadline: 0, serve: () => {}, onTimeout: null, held: true, entry: null, callUs: 0,
    };
    conn.blocked = w;
    this.count++;
    return (around = (run) => run()) => {
      if (conn.blocked !== w || conn.closed) return;
      this.unblock(w);
      around(() => conn.rerun(own, enabled));
      conn.resumeInput();
    };
  }

  /** unblockClient(): forgets the waiter without answering it. */
  private unblock(w: Waiter): void {
    const m = this.byDb[w.db]!;
    for (const k of w.keys) {
      const list = m.get(k);
      if (list === undefined) continue;
      const i = list.indexOf(w);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) m.delete(k);
    }
    this.engine.dbs[w.db]!.blockedKeys -= w.keys.length;
    this.timed.delete(w);
    w.conn.blocked = null;
    this.count--;
  }

  /** A closing client leaves the queues silently. */
  remove(conn: Connection): void {
    if (conn.blocked !== null) this.unblock(conn.blocked);
  }

  /** CLIENT UNBLOCK: answers as a timeout, or with the UNBLOCKED error. */
  unblockClient(conn: Connection | undefined, error: boolean): boolean {
    const w = conn?.blocked ?? null;
    // A client held by CLIENT PAUSE or for a tiered value is not unblockable (as Redis 7.2; 7.0.15 crashes).
    if (w === null || w.held) return false;
    this.answer(w, error ? 1 : 0, true);
    return true;
  }

  // ---- ReadySignal ---------------------------------------------------------

  /** signalKeyAsReady(): only list and zset values can serve a waiter. */
  written(db: Database, type: KeyType, key: string): void {
    if (type !== KeyType.LIST && type !== KeyType.ZSET) return;
    const i = this.engine.dbs.indexOf(db);
    if (i < 0 || !this.byDb[i]!.has(key)) return;
    const set = this.readySet[i]!;
    if (set.has(key)) return;
    set.add(key);
    this.ready.push({ db: i, key });
  }

  /** scanDatabaseForReadyKeys() on both sides of SWAPDB. */
  swapped(a: number, b: number): void {
    for (const i of [a, b]) {
      const db = this.engine.dbs[i]!;
      for (const key of this.byDb[i]!.keys()) {
        const pos = db.peek(key);
        if (pos !== NO_KEY) this.written(db, db.type(pos), key);
      }
    }
  }

  // ---- serving -------------------------------------------------------------

  get hasReady(): boolean {
    return this.ready.length !== 0;
  }

  /** handleClientsBlockedOnKeys(): serves ready keys until serving makes no key ready. */
  handleReady(): void {
    while (this.ready.length !== 0) {
      const batch = this.ready;
      this.ready = [];
      for (const r of batch) {
        this.readySet[r.db]!.delete(r.key);
        this.serveKey(r.db, r.key);
      }
    }
  }

  /** Serves the key's waiters in the order they blocked while it holds a value; those waiting for another type are skipped. */
  private serveKey(dbi: number, key: string): void {
    const list = this.byDb[dbi]!.get(key);
    if (list === undefined) return;
    const db = this.engine.dbs[dbi]!;
    for (const w of list.slice()) {
      if (w.conn.blocked !== w) continue;
      const pos = db.peek(key);
      if (pos === NO_KEY) break;
      if (db.type(pos) !== w.type) continue;
      const conn = w.conn;
      const prev = this.setCurrent(conn);
      const writer = conn.writer;
      writer.enabled = conn.replyMode === ReplyMode.ON;
      this.unblock(w);
      const errors = writer.errors;
      const t0 = performance.now();
      w.serve(conn, w.args, w.keyIdx[w.keys.indexOf(key)]!, writer);
      this.unblockStats(w, Math.round((performance.now() - t0) * 1000), writer.errors !== errors);
      writer.enabled = true;
      this.setCurrent(prev);
      this.resume(conn);
    }
  }

  /**
   * Ends a wait without serving: 0 = timeout (the nil array, or the
   * waiter's own timeout reply), 1 = the UNBLOCKED error. Redis 7.0 counts
   * a failed call for any CLIENT UNBLOCK, TIMEOUT included, not for a timeout.
   */
  private answer(w: Waiter, how: 0 | 1, byClientUnblock = false): void {
    const writer = w.conn.writer;
    writer.enabled = w.conn.replyMode === ReplyMode.ON;
    if (how === 1) writer.error(UNBLOCKED);
    else if (w.onTimeout !== null) w.onTimeout(writer);
    else writer.nilArray();
    writer.enabled = true;
    this.unblock(w);
    this.unblockStats(w, 0, byClientUnblock);
    this.resume(w.conn);
  }

  /** processUnblockedClients(): the reply goes out, then the client's queued commands run. */
  private resume(conn: Connection): void {
    this.unblocked.add(conn);
    if (this.resumeScheduled) return;
    this.resumeScheduled = true;
    setImmediate(() => {
      this.resumeScheduled = false;
      const list = [...this.unblocked];
      this.unblocked.clear();
      for (const c of list) if (c.blocked === null) c.resumeInput();
    });
  }

  // ---- timeouts --------------------------------------------------------------

  /** One timer for all waiters, set for the earliest deadline. */
  private arm(deadline: number): void {
    if (this.timer !== null) {
      if (deadline >= this.timerAt) return;
      clearTimeout(this.timer);
    }
    this.timerAt = deadline;
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - Date.now()));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = null;
    const now = Date.now();
    let next = Infinity;
    // A Set tolerates deletion of the entry being visited.
    for (const w of this.timed) {
      if (w.deadline <= now) this.answer(w, 0);
      else if (w.deadline < next) next = w.deadline;
    }
    if (next !== Infinity) this.arm(next);
  }

  /** Server shutdown. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
