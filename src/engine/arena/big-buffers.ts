/**
 * Recycles the memory of big string values (SETs of megabytes). Connections
 * take frame buffers from here; the object table gives a value's buffer back
 * when the value goes, but only if nothing besides the table ever saw it (no
 * reply, snapshot, tier or command read it): a read may have handed it to a
 * socket write or a file write that still runs. Reusing the same
 * ArrayBuffers keeps V8's external-memory count still (every ~64 MiB of
 * fresh buffers used to force a mark-compact) and spares the page faults of
 * new memory, as Redis's allocator reuses freed pages.
 *
 * The memory is SharedArrayBuffers, so that a thread can read a value
 * without a copy (the disk tier's checksums, ../tier/crc-thread.ts); to
 * the rest of the process they are plain Buffers.
 *
 * A returned buffer waits one event-loop turn before reuse, because the
 * parser that filled it may still be parsing the rest of that read from it.
 * A reply written by reference pins its buffer instead of exposing it (the
 * GET path): a value dropped while pinned is recycled when its last socket
 * write completes.
 */

/** Smallest request served from the pool; smaller ones are plain allocations. */
export const POOL_MIN = 256 * 1024;

/** Size classes are 1/16 of a power of two apart: at most 6.25 % unused. */
function classOf(n: number): number {
  const step = 2 ** Math.max(0, Math.floor(Math.log2(n)) - 4);
  return Math.ceil(n / step) * step;
}

/** A pooled buffer serves requests of its class and up to two classes below (≤ 12.5 % more unused). */
const REUSE_SLACK = 1.125;

export class BigBuffers {
  /** Pool buffers that only their current owner has seen. */
  private readonly fresh = new WeakSet<ArrayBufferLike>();
  /** Pooled buffers, oldest first: the oldest go when the pool is full. */
  private idle: ArrayBufferLike[] = [];
  /** Socket writes in flight per fresh buffer. */
  private readonly pins = new Map<ArrayBufferLike, number>();
  /** Fresh buffers released while pinned: recycled at their last unpin. */
  private readonly doomed = new Set<ArrayBufferLike>();
  private retired: ArrayBufferLike[] = [];
  private flushScheduled = false;
  private pooledBytes = 0;
  private takenSinceTrim = false;
  private trimTimer: NodeJS.Timeout | null = null;

  /** `maxPooled`: bytes kept for reuse at most; the rest is left to the GC. */
  constructor(public maxPooled = 64 * 1024 * 1024) {}

  /** Bytes held for reuse now. */
  get pooled(): number {
    return this.pooledBytes;
  }

  /** A buffer of at least `n` bytes, uninitialised, that the caller owns alone. */
  readonly take = (n: number): Buffer => {
    if (n < POOL_MIN) return Buffer.allocUnsafe(n);
    const size = classOf(n);
    this.takenSinceTrim = true;
    // Newest first: a few hundred entries at most (maxPooled / POOL_MIN), scanned per big allocation.
    const idle = this.idle;
    for (let i = idle.length - 1; i >= 0; i--) {
      const ab = idle[i]!;
      if (ab.byteLength < size || ab.byteLength > size * REUSE_SLACK) continue;
      idle.splice(i, 1);
      this.pooledBytes -= ab.byteLength;
      this.fresh.add(ab);
      return Buffer.from(ab);
    }
    const ab = new SharedArrayBuffer(size);
    this.fresh.add(ab);
    return Buffer.from(ab);
  };

  /** Someone other than the owner read bytes of this buffer: it is never recycled. */
  exposed(b: Uint8Array): void {
    this.fresh.delete(b.buffer as ArrayBuffer);
  }

  /**
   * A write of `b` by reference starts (a reply to a socket); true when the
   * caller must unpin() its ArrayBuffer once the write completed or failed.
   */
  pin(b: Uint8Array): boolean {
    const ab = b.buffer;
    if (!this.fresh.has(ab)) return false;
    this.pins.set(ab, (this.pins.get(ab) ?? 0) + 1);
    return true;
  }

  unpin(ab: ArrayBufferLike): void {
    const n = this.pins.get(ab);
    if (n === undefined) return;
    if (n > 1) {
      this.pins.set(ab, n - 1);
      return;
    }
    this.pins.delete(ab);
    if (this.doomed.delete(ab) && this.fresh.has(ab)) this.retire(ab);
  }

  /** The owner lets go of `b`: recycled after this turn (and its pinned writes) if nobody else saw it. */
  release(b: Uint8Array): void {
    const ab = b.buffer;
    if (!this.fresh.has(ab)) return;
    if (this.pins.has(ab)) this.doomed.add(ab);
    else this.retire(ab);
  }

  private retire(ab: ArrayBufferLike): void {
    this.fresh.delete(ab);
    this.retired.push(ab);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    // Memory nobody takes again within a second or two goes back to the GC.
    if (this.trimTimer === null) this.trimTimer = setInterval(this.trim, 1000).unref();
    const retired = this.retired;
    this.retired = [];
    for (const ab of retired) {
      if (ab.byteLength > this.maxPooled) continue;
      this.idle.push(ab);
      this.pooledBytes += ab.byteLength;
    }
    // Full: the buffers idle longest go to the GC (their size may no longer be asked for).
    let drop = 0;
    while (this.pooledBytes > this.maxPooled) this.pooledBytes -= this.idle[drop++]!.byteLength;
    if (drop > 0) this.idle = this.idle.slice(drop);
  };

  /** Drops every pooled buffer when none was taken since the last call. */
  readonly trim = (): void => {
    if (!this.takenSinceTrim) {
      this.idle = [];
      this.pooledBytes = 0;
      if (this.trimTimer !== null) clearInterval(this.trimTimer);
      this.trimTimer = null;
    }
    this.takenSinceTrim = false;
  };
}

/** The process's pool, shared by every server and engine in it. */
export const bigBuffers = new BigBuffers();
