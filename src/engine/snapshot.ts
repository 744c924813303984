/**
 * A point-in-time walk over every database without fork(): the walk visits
 * keys in SCAN order a step at a time, and a write to a key it has not yet
 * visited first hands the key's old state to the sink (copy-on-write by key,
 * as Dragonfly's versioned snapshots do per bucket). Each key reaches the sink
 * exactly once, as it was when the walk began; keys created during the walk
 * never do. Costs one null test per write when no walk runs.
 *
 * Visited keys are marked in per-arena-page bitsets keyed by item ref: an
 * item's ref is stable until it is rewritten, and every rewrite or new item
 * during the walk is marked (its old state was emitted first, or it is new).
 * SCAN's reverse-binary cursor reaches every key that was present for the
 * whole walk even across resizes; duplicates it returns are filtered by the
 * marks, and keys removed mid-walk were emitted before removal.
 */
import { CHUNK_BITS, CHUNK_MASK } from './arena/slab.js';
import type { Database } from './keyspace.js';

/** Receives the keys of a snapshot. */
export interface SnapshotSink {
  /** The key at `pos` of `db` as it was when the snapshot began. Must not write. */
  key(dbIndex: number, db: Database, pos: number): void;
  /**
   * A database the walk has not finished is about to be emptied (FLUSHDB,
   * FLUSHALL). true drops its remaining keys (an AOF rewrite: the incremental
   * file replays the flush); false emits them first (a true point-in-time copy).
   */
  skipFlushed(dbIndex: number): boolean;
}

/** What a Database calls while a walk covers it. */
export interface SnapshotHook {
  /** The key at `pos` is about to change or go: emit it first if not yet emitted. */
  before(db: Database, pos: number): void;
  /** The item `ref` was written during the walk (a new key, or a rewritten one already emitted). */
  mark(ref: number): void;
  /** The database is about to be emptied. */
  clearing(db: Database): void;
}

/** One bit per arena chunk, in a bitset per page allocated when first used. */
class RefMarks {
  private readonly pages: (Uint32Array | undefined)[] = [];

  has(ref: number): boolean {
    const bits = this.pages[ref >>> CHUNK_BITS];
    if (bits === undefined) return false;
    const c = ref & CHUNK_MASK;
    return (bits[c >>> 5]! & (1 << (c & 31))) !== 0;
  }

  set(ref: number): void {
    const page = ref >>> CHUNK_BITS;
    let bits = this.pages[page];
    if (bits === undefined) bits = this.pages[page] = new Uint32Array((CHUNK_MASK + 1) >>> 5);
    const c = ref & CHUNK_MASK;
    bits[c >>> 5]! |= 1 << (c & 31);
  }
}

/** The walk over one database. */
class DatabaseWalk implements SnapshotHook {
  private readonly marks = new RefMarks();
  cursor = 0;
  done = false;
  private readonly visit = (pos: number): void => this.before(this.db, pos);

  constructor(
    readonly db: Database,
    readonly dbIndex: number,
    private readonly owner: Snapshot,
  ) {}

  before(db: Database, pos: number): void {
    const ref = db.table.refs[pos]!;
    if (this.marks.has(ref)) return;
    this.marks.set(ref);
    this.owner.emitted++;
    this.owner.sink.key(this.dbIndex, db, pos);
  }

  mark(ref: number): void {
    this.marks.set(ref);
  }

  clearing(db: Database): void {
    if (!this.owner.sink.skipFlushed(this.dbIndex)) {
      while (!this.done) this.step(1 << 20);
    }
    this.finish();
    db.snap = null;
  }

  /** Visits about `count` keys; true when the database is done. */
  step(count: number): boolean {
    if (this.done) return true;
    this.cursor = this.db.scan(this.cursor, count, this.visit);
    if (this.cursor === 0) this.finish();
    return this.done;
  }

  finish(): void {
    this.done = true;
    if (this.db.snap === this) this.db.snap = null;
  }
}

/**
 * A running snapshot of a set of databases. Drive it with step() (from a
 * timer, so clients run between steps) until it returns true; abort() stops
 * it and lets every database go.
 */
export class Snapshot {
  /** Keys handed to the sink so far. */
  emitted = 0;
  /** Keys present when the walk began. */
  readonly total: number;
  private readonly walks: DatabaseWalk[] = [];
  private next = 0;

  /** Starts a walk over `dbs` (their index in the array is the number the sink sees). */
  constructor(
    dbs: readonly Database[],
    readonly sink: SnapshotSink,
  ) {
    let total = 0;
    for (let i = 0; i < dbs.length; i++) {
      const db = dbs[i]!;
      if (db.snap !== null) throw new Error('a snapshot is already running');
      total += db.size;
    }
    for (let i = 0; i < dbs.length; i++) {
      const db = dbs[i]!;
      const walk = new DatabaseWalk(db, i, this);
      this.walks.push(walk);
      if (db.size === 0) walk.done = true;
      else db.snap = walk;
    }
    this.total = total;
  }

  /** Whether every database has been walked. */
  get done(): boolean {
    return this.next >= this.walks.length;
  }

  /** Visits about `count` keys; true when the snapshot is complete. */
  step(count: number): boolean {
    while (this.next < this.walks.length) {
      const walk = this.walks[this.next]!;
      if (!walk.step(count)) return false;
      this.next++;
      // A step ends with its database so the sink can close a section cheaply.
      return this.done;
    }
    return true;
  }

  /** Stops the walk; the databases stop paying for it at once. */
  abort(): void {
    for (const w of this.walks) w.finish();
    this.next = this.walks.length;
  }
}
