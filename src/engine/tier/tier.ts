/**
 * RAM -> compressed RAM -> disk. Eviction hands demote() a victim: a string
 * of at least minSize bytes leaves the keyspace's accounting for a TierRef,
 * is compressed on the pool (kept while the compressed budget allows, the
 * oldest spilled to disk beyond it), or written to disk as is when it does
 * not compress. Reads get the value back with load() (async; the server
 * holds the client meanwhile) or, for readers that did not wait, loadSync().
 * Bytes in flight are counted in RAM (ramBytes) and apart (pendingBytes), so
 * eviction sees the progress it made without hiding the memory.
 */
import { Encoding, KeyType, NO_KEY } from '../status.js';
import type { Database } from '../keyspace.js';
import type { Clock } from '../clock.js';
import { Codec, compress, decompress, decompressSync, worthCompressing } from './codec.js';
import { DiskStore, type FoundRecord } from './disk-store.js';
import type { SegmentDir } from './files.js';
import { TierRef, TierState, demotable, tierRef, type TierOwner } from './tier-ref.js';
import { bigBuffers } from '../arena/big-buffers.js';

export interface TierOptions {
  codec: Codec;
  /** Smaller string values are evicted as without tiering (tier-min-size). */
  minSize: number;
  /** Budget of compressed bytes in RAM (tier-ram-compressed-max; 0 = skip that tier). */
  ramMax: number;
  /** Above this many bytes in flight, eviction reports failure (server writes wait) until I/O catches up. */
  pendingMax: number;
  /** tier-disk-max; 0 = no limit. */
  diskMax: number;
  segmentBytes: number;
}

/** Counters for INFO tiering. */
export interface TierCounters {
  demotions: number;
  promotions: number;
  syncLoads: number;
  spills: number;
  diskEvictions: number;
  diskRejects: number;
  recovered: number;
  failures: number;
}

export class Tier implements TierOwner {
  readonly counters: TierCounters = { demotions: 0, promotions: 0, syncLoads: 0, spills: 0, diskEvictions: 0, diskRejects: 0, recovered: 0, failures: 0 };
  readonly disk: DiskStore;
  /** Live refs in the keyspace; dispatch looks at keys only when non-zero. */
  refs = 0;
  /** Bytes the tier holds in RAM (raw in flight + compressed). */
  ramBytes = 0;
  /** Part of ramBytes being compressed or written. */
  pendingBytes = 0;
  /** Settled compressed values, oldest first (the spill order). */
  private readonly compressed = new Set<TierRef>();
  private compressedBytes = 0;
  /** Resolvers of whenDrained(). */
  private drainWaiters: (() => void)[] = [];
  /** Told of keys the disk budget evicted (the engine counts them). */
  onDiskEvict: (() => void) | null = null;
  warn: (msg: string, err?: unknown) => void = () => {};

  constructor(
    readonly options: TierOptions,
    dir: SegmentDir,
    private readonly dbs: () => Database[],
    private readonly clock: Clock,
  ) {
    this.disk = new DiskStore(dir, { maxBytes: options.diskMax, segmentBytes: options.segmentBytes }, {
      evict: (ref) => this.evictFromDisk(ref),
      warn: (m, e) => this.warn(m, e),
    });
  }

  /** Settled compressed values in RAM and their bytes. */
  get ramItems(): number {
    return this.compressed.size;
  }
  get ramCompressedBytes(): number {
    return this.compressedBytes;
  }

  // ---- demotion --------------------------------------------------------------

  /** Eviction's hook: demotes the key at `pos` instead of deleting it; false when it is not for the tier. */
  demote(db: Database, pos: number): boolean {
    const v = demotable(db, pos, this.options.minSize);
    if (v === null) return false;
    const ref = new TierRef(this, db, db.keyBytes(pos), v.length, v);
    db.swapValue(pos, ref);
    this.hold(ref, v, true);
    this.refs++;
    TierRef.live++;
    this.counters.demotions++;
    void this.settle(ref, v);
    return true;
  }

  /** Eviction's sampling filter: keys already tiered free nothing more. */
  isTiered(db: Database, pos: number): boolean {
    return tierRef(db, pos) !== null;
  }

  /** Moves the oldest compressed value to disk; false when there is none. */
  spillOne(): boolean {
    const first = this.compressed.values().next();
    if (first.done === true) return false;
    const ref = first.value;
    this.compressed.delete(ref);
    this.compressedBytes -= ref.data!.length;
    ref.state = TierState.SPILLING;
    ref.inflight = true;
    this.pendingBytes += ref.data!.length;
    this.counters.spills++;
    void this.toDisk(ref, ref.data!, ref.codec);
    return true;
  }

  private async settle(ref: TierRef, v: Buffer): Promise<void> {
    const codec = this.options.codec;
    if (codec !== Codec.NONE && this.options.ramMax > 0 && worthCompressing(v)) {
      let c: Buffer | null = null;
      try {
        c = await compress(codec, v);
      } catch (err) {
        this.warn('tier: compression failed', err);
      }
      if (ref.state === TierState.DEAD) return;
      if (c !== null && c.length < v.length * 0.9) {
        this.unhold(ref);
        bigBuffers.release(v);
        ref.codec = codec;
        ref.state = TierState.COMPRESSED;
        this.hold(ref, c, false);
        this.compressed.add(ref);
        this.compressedBytes += c.length;
        while (this.compressedBytes > this.options.ramMax && this.spillOne());
        return;
      }
    }
    await this.toDisk(ref, v, Codec.NONE);
  }

  private async toDisk(ref: TierRef, stored: Buffer, codec: Codec): Promise<void> {
    const db = ref.db as Database;
    const pos = db.findAt(ref.key, 0, ref.key.length);
    const expire = pos !== NO_KEY && tierRef(db, pos) === ref ? db.expireAt(pos) : 0;
    let ok = false;
    try {
      ok = await this.disk.append(ref, stored, codec, Math.max(0, this.dbs().indexOf(db)), expire);
    } catch (err) {
      this.counters.failures++;
      this.warn('tier: disk write failed', err);
    }
    if (ref.state === TierState.DEAD) {
      if (ok) this.disk.kill(ref);
      return;
    }
    if (!ok) {
      // Neither RAM nor disk has room: the key is evicted after all.
      this.counters.diskRejects++;
      this.deleteKey(ref);
      return;
    }
    this.unhold(ref);
    ref.state = TierState.DISK;
    // An EXPIRE or PERSIST while the record was being written.
    const at = db.findAt(ref.key, 0, ref.key.length);
    if (at !== NO_KEY && tierRef(db, at) === ref && db.expireAt(at) !== expire) this.disk.setExpire(ref, db.expireAt(at));
    // On disk and out of the keyspace: the raw value's memory may serve the next big SET.
    bigBuffers.release(stored);
  }

  // ---- promotion -------------------------------------------------------------

  /**
   * Starts bringing the value of key buf[s, e) back into RAM; null when
   * there is nothing to wait for (not tiered, expired, or installed at once).
   */
  loadKey(db: Database, buf: Uint8Array, s: number, e: number): Promise<void> | null {
    const pos = db.findAt(buf, s, e);
    if (pos === NO_KEY) return null;
    const ref = tierRef(db, pos);
    if (ref === null) return null;
    const at = db.expireAt(pos);
    if (at !== 0 && at <= this.clock.now()) return null;
    if (ref.data !== null && ref.codec === Codec.NONE) {
      // Still in flight, raw: nothing to read. The disk write may still be reading it: never recycled.
      bigBuffers.exposed(ref.data);
      this.install(ref, ref.data);
      return null;
    }
    return (ref.loading ??= this.load(ref));
  }

  /** For the KV-chunk API: resolves once the key's value is in RAM (or known absent). */
  prefetch(db: Database, key: Uint8Array): Promise<void> {
    return this.loadKey(db, key, 0, key.length) ?? Promise.resolve();
  }

  private async load(ref: TierRef): Promise<void> {
    try {
      const data = ref.data;
      const stored = data !== null ? data : await this.disk.read(ref);
      const v = await decompress(ref.codec, stored, ref.size);
      if (v !== stored) bigBuffers.release(stored);
      this.install(ref, v);
    } catch (err) {
      // The key stays tiered; a reader that needs it will try loadSync().
      this.counters.failures++;
      this.warn('tier: load failed', err);
    } finally {
      ref.loading = null;
    }
  }

  /** Puts a loaded value back in the key, if the key still holds this ref. */
  private install(ref: TierRef, v: Buffer): void {
    if (ref.state === TierState.DEAD) return;
    const db = ref.db as Database;
    const pos = db.findAt(ref.key, 0, ref.key.length);
    if (pos === NO_KEY || tierRef(db, pos) !== ref) return;
    db.swapValue(pos, v);
    db.touchAt(pos);
    this.promoted(ref);
  }

  // ---- TierOwner -------------------------------------------------------------

  loadSync(ref: TierRef): Buffer {
    this.counters.syncLoads++;
    const stored = ref.data !== null ? ref.data : this.disk.readSync(ref);
    // The caller (a snapshot, EXEC) may keep it while a disk write still reads it.
    if (stored === ref.data) bigBuffers.exposed(stored);
    return decompressSync(ref.codec, stored, ref.size);
  }

  promoted(ref: TierRef): void {
    this.counters.promotions++;
    this.release(ref);
  }

  expireChanged(ref: TierRef, atMs: number): void {
    // A record still being written is checked when its write ends (toDisk).
    if (ref.state === TierState.DISK) this.disk.setExpire(ref, atMs);
  }

  dropped(ref: TierRef): void {
    this.release(ref);
  }

  private release(ref: TierRef): void {
    if (ref.state === TierState.DEAD) return;
    if (ref.state === TierState.COMPRESSED) {
      this.compressed.delete(ref);
      this.compressedBytes -= ref.data!.length;
    }
    this.unhold(ref);
    ref.state = TierState.DEAD;
    this.refs--;
    TierRef.live--;
    if (ref.seg !== null) this.disk.kill(ref);
  }

  // ---- disk budget, recovery ---------------------------------------------------

  private evictFromDisk(ref: TierRef): void {
    this.counters.diskEvictions++;
    this.onDiskEvict?.();
    this.deleteKey(ref);
  }

  private deleteKey(ref: TierRef): void {
    const db = ref.db as Database;
    const pos = db.findAt(ref.key, 0, ref.key.length);
    if (pos !== NO_KEY && tierRef(db, pos) === ref) db.removeAt(pos);
    else this.release(ref);
  }

  /**
   * Opens the disk tier: `recover` puts every live, unexpired record whose
   * key is not already in the keyspace back as a tiered key (the latest
   * record of a key wins); otherwise the segments are deleted.
   */
  async open(recover: boolean): Promise<void> {
    if (!recover) return this.disk.discard();
    const found = await this.disk.scan();
    const best = new Map<string, FoundRecord>();
    for (const r of found) {
      const id = `${r.head.db}:${r.key.toString('latin1')}`;
      const prev = best.get(id);
      if (prev === undefined || prev.head.seq < r.head.seq) best.set(id, r);
    }
    const dbs = this.dbs();
    const now = this.clock.now();
    for (const r of best.values()) {
      const db = dbs[r.head.db];
      if (db === undefined || (r.head.expire !== 0 && r.head.expire <= now)) continue;
      if (db.findAt(r.key, 0, r.key.length) !== NO_KEY) continue;
      const key = Buffer.from(r.key);
      const ref = new TierRef(this, db, key, r.head.size, null);
      ref.state = TierState.DISK;
      this.disk.adopt(ref, r);
      const pos = db.putAt(key, 0, key.length, KeyType.STRING, Encoding.RAW, ref);
      if (r.head.expire !== 0) db.setExpire(pos, r.head.expire);
      this.refs++;
      TierRef.live++;
      this.counters.recovered++;
    }
    this.disk.finishRecovery(found);
  }

  /** Whether the bytes in flight are over their bound (eviction then fails). */
  get backlogged(): boolean {
    return this.pendingBytes > this.options.pendingMax;
  }

  /** Resolves once the bytes in flight are back within their bound. */
  whenDrained(): Promise<void> {
    if (!this.backlogged) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Closes the disk tier once pending record updates are on disk. */
  close(): Promise<void> {
    return this.disk.close();
  }

  private hold(ref: TierRef, data: Buffer, inflight: boolean): void {
    ref.data = data;
    ref.inflight = inflight;
    this.ramBytes += data.length;
    if (inflight) this.pendingBytes += data.length;
  }

  private unhold(ref: TierRef): void {
    const d = ref.data;
    if (d === null) return;
    this.ramBytes -= d.length;
    if (ref.inflight) this.pendingBytes -= d.length;
    ref.data = null;
    ref.inflight = false;
    if (this.drainWaiters.length !== 0 && !this.backlogged) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }
}
