/**
 * MULTI/EXEC/WATCH as Redis 7.0's multi.c: per client, the queue of commands
 * (argument bytes copied out of the socket buffer) and the watched keys; per
 * server, the registry of watched keys the keyspace reports writes to
 * (../engine/watch.ts). Queue-time checks live in dispatch; EXEC runs the
 * queue through the owner's run(), which is dispatch's call().
 */
import { Args } from '../commands/args.js';
import type { TransactionHandle } from '../commands/context.js';
import type { Reply } from '../commands/reply.js';
import type { CommandEntry } from '../commands/table.js';
import type { Engine } from '../engine/engine.js';
import type { Database } from '../engine/keyspace.js';
import { NO_KEY } from '../engine/status.js';
import type { KeyWatcher } from '../engine/watch.js';

/** Bits of a connection's mode: dispatch leaves its fast path when any is set. */
export const MODE_MULTI = 1;
export const MODE_PUBSUB = 2;

const EXECABORT = 'EXECABORT Transaction discarded because of previous errors.';

/** What a transaction needs from its connection. */
export interface TxOwner {
  mode: number;
  dbIndex: number;
  lastCommand: string;
  /** Runs a command as dispatch does after its checks (stats, slowlog, MONITOR). */
  run(entry: CommandEntry, args: Args): void;
}

/** One WATCH entry: Redis's watchedKey, with the client it belongs to. */
interface WatchedKey {
  readonly tx: Transaction;
  readonly db: number;
  readonly key: string;
  /** The key was stored but already logically expired when WATCH ran (Redis 7.0 wk->expired). */
  expired: boolean;
}

/** A command waiting for EXEC: its entry and an owned copy of its arguments. */
interface Queued {
  readonly entry: CommandEntry;
  readonly buf: Buffer;
  readonly offs: Int32Array;
  readonly lens: Int32Array;
}

function keyBuffer(key: string): Buffer {
  return Buffer.from(key, 'latin1');
}

function stored(db: Database, key: string): boolean {
  const b = keyBuffer(key);
  return db.findAt(b, 0, b.length) !== NO_KEY;
}

/** keyIsExpired(): stored, with a TTL in the past (not yet collected). */
function expiredIn(db: Database, key: string, now: number): boolean {
  const b = keyBuffer(key);
  const pos = db.findAt(b, 0, b.length);
  if (pos === NO_KEY) return false;
  const at = db.expireAt(pos);
  return at !== 0 && at <= now;
}

/** Every watched key of the server by database index, told of writes by the keyspace. */
export class WatchRegistry implements KeyWatcher {
  private readonly byDb: Map<string, WatchedKey[]>[];

  constructor(private readonly engine: Engine) {
    this.byDb = engine.dbs.map(() => new Map());
    engine.setKeyWatcher(this);
  }

  add(wk: WatchedKey): void {
    const m = this.byDb[wk.db]!;
    const list = m.get(wk.key);
    if (list === undefined) m.set(wk.key, [wk]);
    else list.push(wk);
    this.engine.dbs[wk.db]!.watchedKeys++;
  }

  remove(wk: WatchedKey): void {
    const m = this.byDb[wk.db]!;
    const list = m.get(wk.key);
    if (list === undefined) return;
    const i = list.indexOf(wk);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) m.delete(wk.key);
    this.engine.dbs[wk.db]!.watchedKeys--;
  }

  /** touchWatchedKey(). */
  touched(db: Database, key: string, removed: boolean): void {
    const list = this.byDb[this.engine.dbs.indexOf(db)]?.get(key);
    if (list === undefined) return;
    for (const wk of list) {
      // An already-expired key being deleted is no logical change.
      if (wk.expired && removed) wk.expired = false;
      else wk.tx.dirtyCas = true;
    }
  }

  /** touchAllWatchedKeysInDb(db, NULL): only keys that were there count. */
  clearing(db: Database): void {
    const m = this.byDb[this.engine.dbs.indexOf(db)];
    if (m === undefined) return;
    for (const [key, list] of m) {
      if (!stored(db, key)) continue;
      for (const wk of list) {
        if (wk.expired) wk.expired = false;
        else wk.tx.dirtyCas = true;
      }
    }
  }

  /** touchAllWatchedKeysInDb(emptied, replaced_with) for both sides of SWAPDB. */
  swapped(a: number, b: number): void {
    const now = this.engine.clock.now();
    const dbs = this.engine.dbs;
    for (const [i, j] of [[a, b], [b, a]] as const) {
      const emptied = dbs[j]!;
      const replaced = dbs[i]!;
      for (const [key, list] of this.byDb[i]!) {
        const wasThere = stored(emptied, key);
        const comesIn = stored(replaced, key);
        if (!wasThere && !comesIn) continue;
        const nowExpired = comesIn && expiredIn(replaced, key, now);
        for (const wk of list) {
          if (wk.expired) {
            if (!comesIn) {
              wk.expired = false;
              continue;
            }
            if (nowExpired) continue;
          } else if (!wasThere && nowExpired) {
            wk.expired = true;
            continue;
          }
          wk.tx.dirtyCas = true;
        }
      }
    }
  }

  /** WATCH entries in all databases (for tests and INFO). */
  get size(): number {
    let n = 0;
    for (const m of this.byDb) for (const l of m.values()) n += l.length;
    return n;
  }
}

/** A client's MULTI state and watched keys. */
export class Transaction implements TransactionHandle {
  /** Set when a watched key changed (CLIENT_DIRTY_CAS): EXEC answers the nil array. */
  dirtyCas = false;
  /** Set by a queue-time error (CLIENT_DIRTY_EXEC): EXEC answers EXECABORT. */
  dirtyExec = false;
  /** Some queued command may grow memory: EXEC is refused under OOM (mstate.cmd_flags & DENYOOM). */
  denyOom = false;
  /** Some queued command writes: EXEC counts as a write for the MISCONF check (mstate.cmd_flags & WRITE). */
  hasWrite = false;
  /** Some queued command writes or may replicate: CLIENT PAUSE WRITE holds the EXEC. */
  mayReplicate = false;
  private queued: Queued[] = [];
  private watched: WatchedKey[] = [];
  private readonly args = new Args();

  constructor(
    private readonly owner: TxOwner,
    private readonly registry: WatchRegistry,
    private readonly engine: Engine,
  ) {}

  get active(): boolean {
    return (this.owner.mode & MODE_MULTI) !== 0;
  }
  /** Commands queued (CLIENT LIST multi=, -1 outside MULTI). */
  get length(): number {
    return this.active ? this.queued.length : -1;
  }
  /** Bytes held by queued arguments (CLIENT LIST multi-mem=). */
  get memory(): number {
    let n = 0;
    for (const q of this.queued) n += q.buf.length + q.offs.length * 8;
    return n;
  }
  get watching(): number {
    return this.watched.length;
  }

  begin(): void {
    this.owner.mode |= MODE_MULTI;
  }

  /** flagTransaction(): a queue-time error. */
  flag(): void {
    if (this.active) this.dirtyExec = true;
  }

  /** queueMultiCommand(): copies the arguments, so the socket buffer can be reused. */
  queue(entry: CommandEntry, args: Args): void {
    const n = args.count;
    let total = 0;
    for (let i = 0; i < n; i++) total += args.len(i);
    const buf = Buffer.allocUnsafeSlow(total);
    const offs = new Int32Array(n);
    const lens = new Int32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const len = args.len(i);
      args.buf.copy(buf, p, args.start(i), args.start(i) + len);
      offs[i] = p;
      lens[i] = len;
      p += len;
    }
    this.queued.push({ entry, buf, offs, lens });
    if (entry.denyOom) this.denyOom = true;
    if (entry.write) this.hasWrite = true;
    if (entry.write || entry.mayReplicate) this.mayReplicate = true;
  }

  exec(reply: Reply): void {
    if (!this.active) return reply.error('ERR EXEC without MULTI');
    if (this.watchedKeyExpired()) this.dirtyCas = true;
    if (this.dirtyExec || this.dirtyCas) {
      if (this.dirtyExec) reply.error(EXECABORT);
      else reply.nilArray();
      this.discard();
      return;
    }
    // Unwatch first: the transaction's own writes must not flag anything.
    this.unwatch();
    // The queue stays in place while it runs: CLIENT LIST inside EXEC shows multi=<n>, as Redis.
    const queued = this.queued;
    reply.array(queued.length);
    const args = this.args;
    for (const q of queued) {
      args.bind(q.buf, q.offs, q.lens, q.offs.length);
      this.owner.run(q.entry, args);
    }
    this.discard();
    this.owner.lastCommand = 'exec';
  }

  /** discardTransaction(): leaves MULTI and forgets queue, flags and watched keys. */
  discard(): void {
    this.queued = [];
    this.owner.mode &= ~MODE_MULTI;
    this.dirtyExec = false;
    this.dirtyCas = false;
    this.denyOom = false;
    this.hasWrite = false;
    this.mayReplicate = false;
    this.unwatch();
  }

  watch(key: string): void {
    // No point in watching once a watched key changed (watchCommand()).
    if (this.dirtyCas) return;
    const db = this.owner.dbIndex;
    for (const wk of this.watched) if (wk.db === db && wk.key === key) return;
    const wk: WatchedKey = { tx: this, db, key, expired: expiredIn(this.engine.dbs[db]!, key, this.engine.clock.now()) };
    this.watched.push(wk);
    this.registry.add(wk);
  }

  unwatch(): void {
    this.dirtyCas = false;
    if (this.watched.length === 0) return;
    for (const wk of this.watched) this.registry.remove(wk);
    this.watched = [];
  }

  /** isWatchedKeyExpired(): a key alive at WATCH time has expired since. */
  private watchedKeyExpired(): boolean {
    if (this.watched.length === 0) return false;
    const now = this.engine.clock.now();
    for (const wk of this.watched) {
      if (!wk.expired && expiredIn(this.engine.dbs[wk.db]!, wk.key, now)) return true;
    }
    return false;
  }
}
