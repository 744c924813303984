/**
 * The disk tier: append-only segment files of records (./record.ts), placed
 * by TierRef (which holds its segment and offset: the in-RAM index is the
 * refs themselves, one Set per segment). A dropped record is flagged dead in
 * place and counted as dead space; a mostly dead segment is compacted (live
 * records copied forward, one at a time, off the hot path) and removed.
 * Over the byte budget, whole segments go, oldest first (FIFO), and their
 * keys are evicted through the owner. A segment is closed only when no read
 * or write on it is in flight.
 */
import { bigBuffers } from '../arena/big-buffers.js';
import type { SegmentDir, SegmentFile } from './files.js';
import { EXPIRE_AT, FLAG_DEAD, FLAGS_AT, HEADER, announcedKeyLength, crcOf, decodeHead, encodeHead, type RecordHead } from './record.js';
import { TierState, type TierRef } from './tier-ref.js';

/** A segment file and its accounting. */
export class Segment {
  /** Records placed here that are live. */
  readonly refs = new Set<TierRef>();
  /** Bytes of records that are dead. */
  dead = 0;
  readers = 0;
  writing = 0;
  /** Being removed: reads in flight finish, nothing new starts. */
  doomed = false;
  compacting = false;
  closed = false;
  /**
   * In-place record updates (dead flag, expiry), one after another: two
   * writes to one offset on the thread pool could land in either order.
   */
  patches: Promise<void> = Promise.resolve();

  constructor(
    readonly id: number,
    readonly file: SegmentFile,
    /** Reserved end: the next record goes here. */
    public size: number,
  ) {}
}

export interface DiskStoreOptions {
  /** Byte budget of all segment files; 0 = none (tier-disk-max). */
  maxBytes: number;
  /** A segment is sealed once it reaches this size. */
  segmentBytes: number;
}

/** What the store needs from its owner. */
export interface DiskOwner {
  /** The budget dropped a segment: evict this ref's key (it must end up calling kill()). */
  evict(ref: TierRef): void;
  /** Something went wrong in the background (logged by the server). */
  warn(msg: string, err?: unknown): void;
}

/** A valid record met while recovering. */
export interface FoundRecord {
  head: RecordHead;
  key: Buffer;
  seg: Segment;
  off: number;
  /** Set by adopt(). */
  kept?: boolean;
}

/** Disk tier counters (INFO tiering). */
export interface DiskStats {
  items: number;
  liveBytes: number;
  fileBytes: number;
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
  compactions: number;
  evictedSegments: number;
  tornTails: number;
}

const segName = (id: number): string => `seg-${String(id).padStart(6, '0')}.ntier`;
const SEG_RE = /^seg-(\d{6,})\.ntier$/;

export class DiskStore {
  readonly stats: DiskStats = {
    items: 0, liveBytes: 0, fileBytes: 0, reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0, compactions: 0, evictedSegments: 0, tornTails: 0,
  };
  /** Open segments, oldest first; the last is the active one. */
  private readonly segs: Segment[] = [];
  private nextId = 1;
  private seq = 1;
  private compacting = false;
  /** Set by close(): no segment is reserved or opened after it. */
  private closed = false;
  /** Record writes in flight, which close() lets finish. */
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly dir: SegmentDir,
    readonly options: DiskStoreOptions,
    private readonly owner: DiskOwner,
  ) {}

  /** Segments open (tests and INFO). */
  get segmentCount(): number {
    return this.segs.length;
  }

  /**
   * Writes `stored` (the value as `codec` made it) as a record for `ref`
   * and places the ref there. False when it cannot fit under the budget
   * even after dropping old segments: the caller evicts the key.
   */
  async append(ref: TierRef, stored: Buffer, codec: number, db: number, expire: number): Promise<boolean> {
    const valueCrc = await crcOf(stored);
    const head = encodeHead({ codec, db, klen: ref.key.length, stored: stored.length, size: ref.size, seq: this.seq++, valueCrc, flags: 0, expire }, ref.key);
    const at = this.reserve(head.length + stored.length);
    if (at === null) return false;
    const [seg, off] = at;
    try {
      await this.tracked(seg.file.write([head, stored], off));
    } finally {
      seg.writing--;
    }
    this.stats.writes++;
    this.stats.bytesWritten += head.length + stored.length;
    this.place(ref, seg, off, head.length + stored.length, stored.length, codec);
    this.settle(seg);
    return true;
  }

  /** The stored bytes of a ref on disk (positioned read on the pool). */
  async read(ref: TierRef): Promise<Buffer> {
    const seg = ref.seg as Segment;
    // From the big-buffer pool: a value read back and dropped unseen is reused.
    const out = bigBuffers.take(ref.stored).subarray(0, ref.stored);
    seg.readers++;
    try {
      await seg.file.read(out, ref.off + ref.recLen - ref.stored);
    } finally {
      seg.readers--;
      this.settle(seg);
    }
    this.stats.reads++;
    this.stats.bytesRead += ref.stored;
    return out;
  }

  /** The blocking form of read(). */
  readSync(ref: TierRef): Buffer {
    const out = Buffer.allocUnsafeSlow(ref.stored);
    (ref.seg as Segment).file.readSync(out, ref.off + ref.recLen - ref.stored);
    this.stats.reads++;
    this.stats.bytesRead += ref.stored;
    return out;
  }

  /** Drops a ref's record: flagged dead on disk, counted as dead space, maybe compacted away. */
  kill(ref: TierRef): void {
    const seg = ref.seg as Segment | null;
    if (seg === null || !seg.refs.delete(ref)) return;
    ref.seg = null;
    this.stats.items--;
    this.stats.liveBytes -= ref.recLen;
    seg.dead += ref.recLen;
    if (!seg.doomed) this.patch(seg, ref.off + FLAGS_AT, Buffer.of(FLAG_DEAD));
    this.maybeCompact(seg);
  }

  /** Rewrites a live record's expiry in place (EXPIRE and PERSIST on a key on disk). */
  setExpire(ref: TierRef, atMs: number): void {
    const seg = ref.seg as Segment | null;
    if (seg === null || seg.doomed) return;
    const b = Buffer.allocUnsafe(8);
    b.writeDoubleLE(atMs, 0);
    this.patch(seg, ref.off + EXPIRE_AT, b);
  }

  /** Removes every segment file (tier-restart discard, and FLUSHALL leaves files to compaction). */
  async discard(): Promise<void> {
    for (const name of this.dir.list()) if (SEG_RE.test(name)) await this.dir.remove(name);
  }

  /**
   * Scans every segment (oldest first), verifying each record's checksums;
   * a torn or corrupt record ends its segment, which is truncated there.
   * Returns the valid records; the caller keeps the ones it wants with
   * adopt() and the rest become dead space.
   */
  async scan(): Promise<FoundRecord[]> {
    const ids = this.dir.list().map((n) => SEG_RE.exec(n)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
    const found: FoundRecord[] = [];
    for (const id of ids) {
      const file = this.dir.open(segName(id));
      const len = file.length;
      const seg = new Segment(id, file, len);
      let at = 0;
      while (at < len) {
        const rec = await this.recordAt(file, at, len);
        if (rec === null) break;
        if (!(rec.head.flags & FLAG_DEAD)) found.push({ head: rec.head, key: rec.key, seg, off: at });
        if (rec.head.seq >= this.seq) this.seq = rec.head.seq + 1;
        at += rec.len;
      }
      if (at < len) {
        this.owner.warn(`tier: ${segName(id)} truncated at ${at} of ${len} bytes (torn or corrupt record)`);
        this.stats.tornTails++;
        await file.truncate(at);
        seg.size = at;
      }
      seg.dead = at;
      this.stats.fileBytes += at;
      this.segs.push(seg);
      this.nextId = id + 1;
    }
    return found;
  }

  /** Places a ref on a record scan() found. */
  adopt(ref: TierRef, r: FoundRecord): void {
    const len = HEADER + r.head.klen + r.head.stored;
    r.seg.dead -= len;
    r.kept = true;
    this.place(ref, r.seg, r.off, len, r.head.stored, r.head.codec);
  }

  /** After adopting: flags the records not kept and compacts segments left mostly dead. */
  finishRecovery(found: readonly FoundRecord[]): void {
    for (const r of found) {
      if (r.kept !== true) this.patch(r.seg, r.off + FLAGS_AT, Buffer.of(FLAG_DEAD));
    }
    for (const seg of [...this.segs]) this.maybeCompact(seg);
  }

  /** Closes the segment files once their pending record updates are written (a restart reads them). */
  async close(): Promise<void> {
    // No segment is opened after this (an append whose checksum was still
    // on the CRC thread used to roll a new one after close), and writes
    // already placed finish before their files close.
    this.closed = true;
    await Promise.allSettled([...this.writes]);
    const segs = this.segs.splice(0);
    await Promise.all(segs.map((s) => s.patches));
    for (const s of segs) {
      if (s.closed) continue;
      // settle() must not close it again when a late compaction drops it.
      s.closed = true;
      s.file.close();
    }
  }

  // ---- internals -----------------------------------------------------------

  private async recordAt(file: SegmentFile, at: number, len: number): Promise<{ head: RecordHead; key: Buffer; len: number } | null> {
    if (len - at < HEADER) return null;
    const h = Buffer.allocUnsafe(HEADER);
    await file.read(h, at);
    const klen = announcedKeyLength(h);
    if (klen === 0 || at + HEADER + klen > len) return null;
    const hk = Buffer.allocUnsafe(HEADER + klen);
    await file.read(hk, at);
    const head = decodeHead(hk);
    if (head === null) return null;
    const recLen = HEADER + klen + head.stored;
    if (at + recLen > len) return null;
    // Pool memory, so a big value's checksum runs on the CRC thread.
    const mem = bigBuffers.take(head.stored);
    try {
      const v = mem.subarray(0, head.stored);
      await file.read(v, at + HEADER + klen);
      if ((await crcOf(v)) !== head.valueCrc) return null;
    } finally {
      bigBuffers.release(mem);
    }
    return { head, key: hk.subarray(HEADER), len: recLen };
  }

  private place(ref: TierRef, seg: Segment, off: number, recLen: number, stored: number, codec: number): void {
    ref.seg = seg;
    ref.off = off;
    ref.recLen = recLen;
    ref.stored = stored;
    ref.codec = codec;
    seg.refs.add(ref);
    this.stats.items++;
    this.stats.liveBytes += recLen;
  }

  /** Reserves `len` bytes at the end of the active segment, dropping old segments over budget; null when it cannot fit. */
  private reserve(len: number): [Segment, number] | null {
    if (this.closed) return null;
    const max = this.options.maxBytes;
    if (max > 0 && len > max) return null;
    let active = this.segs[this.segs.length - 1];
    if (active === undefined || active.doomed || active.size >= this.options.segmentBytes) active = this.roll();
    while (max > 0 && this.stats.fileBytes + len > max) {
      const victim = this.segs.find((s) => s !== active && !s.doomed && s.writing === 0);
      if (victim === undefined) {
        // Only the active segment is left: seal it so it can go next time.
        if (active.writing === 0 && active.size > 0) {
          active = this.roll();
          continue;
        }
        return null;
      }
      this.dropSegment(victim, true);
    }
    const off = active.size;
    active.size += len;
    active.writing++;
    this.stats.fileBytes += len;
    return [active, off];
  }

  /** A record write that close() lets finish. */
  private tracked(w: Promise<void>): Promise<void> {
    this.writes.add(w);
    return w.finally(() => this.writes.delete(w));
  }

  private roll(): Segment {
    const id = this.nextId++;
    const seg = new Segment(id, this.dir.open(segName(id)), 0);
    this.segs.push(seg);
    return seg;
  }

  /** Removes a segment: its live keys are evicted when `evict`, else it must hold none. */
  private dropSegment(seg: Segment, evict: boolean): void {
    seg.doomed = true;
    if (evict) {
      this.stats.evictedSegments++;
      for (const ref of [...seg.refs]) {
        this.owner.evict(ref);
        if (ref.seg === seg) this.kill(ref); // the owner could not find its key: drop the record anyway
      }
    }
    this.stats.fileBytes -= seg.size;
    const i = this.segs.indexOf(seg);
    if (i >= 0) this.segs.splice(i, 1);
    this.settle(seg);
  }

  /** Closes and deletes a doomed segment once nothing is in flight on it. */
  private settle(seg: Segment): void {
    if (!seg.doomed || seg.readers !== 0 || seg.writing !== 0 || seg.compacting || seg.closed) return;
    seg.closed = true;
    seg.file.close();
    this.dir.remove(seg.file.name).catch((err: unknown) => this.owner.warn('tier: cannot remove segment', err));
  }

  private patch(seg: Segment, at: number, bytes: Buffer): void {
    seg.writing++;
    seg.patches = seg.patches
      .then(() => seg.file.write([bytes], at))
      .catch((err: unknown) => this.owner.warn('tier: cannot update a record', err))
      .finally(() => {
        seg.writing--;
        this.settle(seg);
      });
  }

  /** A sealed segment with no live record goes at once; one more than half dead is compacted. */
  private maybeCompact(seg: Segment): void {
    if (seg.doomed || seg === this.segs[this.segs.length - 1]) return;
    if (seg.refs.size === 0) return this.dropSegment(seg, false);
    if (seg.dead * 2 > seg.size && !this.compacting) void this.compact(seg);
  }

  /** Copies a segment's live records forward one at a time, then removes it. */
  private async compact(seg: Segment): Promise<void> {
    this.compacting = true;
    seg.compacting = true;
    try {
      for (const ref of [...seg.refs]) {
        if (ref.seg !== seg || ref.state !== TierState.DISK) continue;
        // Each record passes through pool memory: compaction under load must not churn the GC.
        const mem = bigBuffers.take(ref.recLen);
        const whole = mem.subarray(0, ref.recLen);
        let dst: Segment;
        let off: number;
        let codec: number;
        try {
          seg.readers++;
          try {
            await seg.file.read(whole, ref.off);
          } finally {
            seg.readers--;
          }
          const head = decodeHead(whole.subarray(0, whole.length - ref.stored));
          if (head === null || ref.seg !== seg) continue;
          codec = head.codec;
          const key = whole.subarray(HEADER, HEADER + head.klen);
          const fresh = encodeHead({ ...head, seq: this.seq++, flags: 0 }, key);
          const at = this.reserve(whole.length);
          if (at === null) break;
          [dst, off] = at;
          try {
            await this.tracked(dst.file.write([fresh, whole.subarray(HEADER + head.klen)], off));
          } finally {
            dst.writing--;
          }
        } finally {
          bigBuffers.release(mem);
        }
        this.stats.bytesWritten += whole.length;
        if (ref.seg === seg && seg.refs.delete(ref)) {
          seg.dead += ref.recLen;
          this.stats.items--;
          this.stats.liveBytes -= ref.recLen;
          this.place(ref, dst, off, whole.length, ref.stored, codec);
        } else {
          this.patch(dst, off + FLAGS_AT, Buffer.of(FLAG_DEAD));
          dst.dead += whole.length;
        }
      }
      this.stats.compactions++;
    } catch (err) {
      this.owner.warn('tier: compaction failed', err);
    } finally {
      seg.compacting = false;
      this.compacting = false;
    }
    if (seg.refs.size === 0 && !seg.doomed) this.dropSegment(seg, false);
    else this.settle(seg);
    // Another segment may have crossed the threshold meanwhile.
    for (const s of this.segs) {
      if (!s.doomed && s !== this.segs[this.segs.length - 1] && s.dead * 2 > s.size) {
        void this.compact(s);
        break;
      }
    }
  }
}
