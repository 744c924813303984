/**
 * The AOF writer: owns the open incr file and the in-memory tail, and makes
 * replies wait for durability. While the tail holds bytes, every client's
 * output is held (Connection.send); one setImmediate per event-loop turn
 * writes the tail and releases the held clients: many clients share one
 * write. Under appendfsync always the turn's batch is an epoch: its clients
 * are released when an fdatasync that started after the batch was written
 * completes. That fdatasync runs off the loop, so the next batches are read,
 * executed and written meanwhile and the next fdatasync covers all of them
 * (group commit); no reply, not even a read's, leaves while a write it may
 * have seen is not yet on disk. everysec fdatasyncs off the loop at most once
 * a second; a failed write or fsync turns aof_last_write_status to err until
 * a retry succeeds (Redis 7.0).
 */
import fs from 'node:fs';
import type { Args } from '../../commands/args.js';
import type { PropArg } from '../../commands/context.js';
import type { Logger } from '../../observability/log.js';
import type { PersistenceState } from '../state.js';
import { CommandBuffer } from './encode.js';
import { strerror } from './errno.js';
import type { CommandSink } from './propagate.js';

export type FsyncPolicy = 'always' | 'everysec' | 'no';

/** The file calls the writer makes; tests inject failures through it. */
export interface AofFs {
  write(fd: number, buf: Buffer, offset: number, length: number): number;
  fdatasync(fd: number): void;
  fdatasyncAsync(fd: number, cb: (err: Error | null) => void): void;
}

export const realFs: AofFs = {
  write: (fd, buf, offset, length) => fs.writeSync(fd, buf, offset, length),
  fdatasync: (fd) => fs.fdatasyncSync(fd),
  fdatasyncAsync: (fd, cb) => fs.fdatasync(fd, (err) => cb(err)),
};

/** A client whose output waits for the AOF (the server's Connection). */
export interface HeldOutput {
  releaseHeld(): void;
}

/**
 * Under always, a batch at least this big is fdatasynced off the loop so the
 * next batches run meanwhile; a smaller one is fdatasynced on the loop,
 * where it costs less than the thread handoff.
 */
const ASYNC_FSYNC_MIN = 16 * 1024;

/** Redis logs a persistent write error at most this often (AOF_WRITE_LOG_ERROR_RATE). */
const LOG_ERROR_EVERY_MS = 30_000;

export interface AofWriterOptions {
  fd: number;
  /** Bytes already in the file (appends go at the end). */
  size: number;
  policy: FsyncPolicy;
  state: PersistenceState;
  log: Logger;
  fs?: AofFs;
  /** Redis exits when an always-fsync AOF cannot be written; the CLI passes process exit. */
  onFatal?: (message: string) => void;
}

export class AofWriter implements CommandSink {
  readonly buffer = new CommandBuffer();
  fd: number;
  policy: FsyncPolicy;
  /** Bytes written to the current incr file (aof_current_size contribution). */
  size: number;
  /** True from the first byte fed until the turn's batch is written: clients' output is held meanwhile. */
  holding = false;
  /** Held clients and the epoch (batch) of their latest held output. */
  private readonly waiting = new Map<HeldOutput, number>();
  /** The always-policy batch being gathered; written batches are below it. */
  private epoch = 1;
  /** The last batch written to the file. */
  private writtenEpoch = 0;
  /** Bumped when appends move to another file: an fsync of the old one then proves nothing about the new. */
  private generation = 0;
  private scheduled = false;
  private readonly fs: AofFs;
  private readonly state: PersistenceState;
  private readonly log: Logger;
  private readonly onFatal: (message: string) => void;
  private writeErr: string | null = null;
  private fsyncErr: string | null = null;
  private lastErrorLog = 0;
  private fsyncInFlight = false;
  private lastFsync = Date.now();
  /** size at the last fdatasync: nothing to sync when equal. */
  private syncedSize: number;
  private fsyncTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(o: AofWriterOptions) {
    this.fd = o.fd;
    this.size = o.size;
    this.syncedSize = o.size;
    this.policy = o.policy;
    this.state = o.state;
    this.log = o.log;
    this.fs = o.fs ?? realFs;
    this.onFatal =
      o.onFatal ??
      ((m) => {
        this.log.fatal(m);
        process.exit(1);
      });
  }

  // ---- CommandSink ---------------------------------------------------------

  command(db: number, argv: readonly PropArg[]): void {
    this.buffer.command(db, argv);
  }
  commandArgs(db: number, args: Args): void {
    this.buffer.commandArgs(db, args);
  }
  flushed(): void {
    this.holding = true;
    this.schedule();
  }

  /** A client has output held until the current batch is durable. */
  hold(c: HeldOutput): void {
    this.waiting.set(c, this.epoch);
    this.schedule();
  }

  /** Bytes fed but not yet written (aof_buffer_length). */
  get pending(): number {
    return this.buffer.pending;
  }
  get fsyncPending(): boolean {
    return this.fsyncInFlight;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flushBatch());
  }

  /** One turn's batch: write it, then release the held clients (under always, once an fdatasync covers it). */
  flushBatch(): void {
    this.scheduled = false;
    if (this.closed) return this.release();
    const before = this.size;
    const ok = this.writeTail();
    if (this.policy === 'always') {
      if (!ok) return;
      this.writtenEpoch = this.epoch++;
      if (!this.fsyncInFlight) {
        if (this.size === this.syncedSize) return this.releaseUpTo(this.writtenEpoch);
        if (this.size - before < ASYNC_FSYNC_MIN) return this.syncNow();
      }
      this.alwaysFsync();
      return;
    }
    if (this.policy === 'everysec') this.everysecFsync();
    this.release();
  }

  /** A small batch: fdatasync on the loop, as Redis does, and release it at once. */
  private syncNow(): void {
    try {
      this.fs.fdatasync(this.fd);
    } catch (err) {
      this.onFatal(`Can't persist AOF for fsync error when the AOF fsync policy is 'always': ${strerror(err)}. Exiting...`);
      return;
    }
    this.syncedSize = this.size;
    this.releaseUpTo(this.writtenEpoch);
  }

  /**
   * Starts an fdatasync of everything written so far unless one is running
   * (its completion starts the next): one fsync in flight, each covering
   * every batch written before it started.
   */
  private alwaysFsync(): void {
    if (this.fsyncInFlight || this.closed) return;
    this.fsyncInFlight = true;
    const target = this.size;
    const epoch = this.writtenEpoch;
    const generation = this.generation;
    this.fs.fdatasyncAsync(this.fd, (err) => {
      this.fsyncInFlight = false;
      if (this.closed) return;
      if (generation === this.generation) {
        if (err !== null) {
          // As Redis: acknowledged writes can no longer be promised durable.
          this.onFatal(`Can't persist AOF for fsync error when the AOF fsync policy is 'always': ${strerror(err)}. Exiting...`);
          return;
        }
        this.syncedSize = Math.max(this.syncedSize, target);
        this.lastFsync = Date.now();
        this.releaseUpTo(epoch);
      }
      this.afterFsync();
    });
  }

  /** After any fdatasync: the next one when batches were written meanwhile, else every batch is durable. */
  private afterFsync(): void {
    if (this.policy !== 'always') return;
    if (this.size !== this.syncedSize) this.alwaysFsync();
    else this.releaseUpTo(this.writtenEpoch);
  }

  private releaseUpTo(epoch: number): void {
    for (const [c, e] of this.waiting) {
      if (e > epoch) continue;
      this.waiting.delete(c);
      c.releaseHeld();
    }
    this.settle();
  }

  /** Output stops being held once nothing written is waiting for its fsync. */
  private settle(): void {
    if (this.buffer.pending === 0 && this.waiting.size === 0 && (this.policy !== 'always' || (this.size === this.syncedSize && !this.fsyncInFlight))) {
      this.holding = false;
    }
  }

  private release(): void {
    this.writtenEpoch = this.epoch - 1;
    if (this.waiting.size !== 0) {
      const held = [...this.waiting.keys()];
      this.waiting.clear();
      for (const c of held) c.releaseHeld();
    }
    this.holding = false;
  }

  /** Writes the tail; false when some of it could not be written (it stays for the retry). */
  private writeTail(): boolean {
    const n = this.buffer.pending;
    if (n === 0) return true;
    const bytes = this.buffer.bytes();
    let written = 0;
    try {
      while (written < n) {
        const k = this.fs.write(this.fd, bytes, written, n - written);
        if (k <= 0) break;
        written += k;
      }
    } catch (err) {
      this.buffer.consume(written);
      this.size += written;
      this.writeFailed(strerror(err), written, n);
      return false;
    }
    this.buffer.consume(written);
    this.size += written;
    if (written < n) {
      this.writeFailed('No space left on device', written, n);
      return false;
    }
    if (this.writeErr !== null) {
      this.writeErr = null;
      this.log.warn('AOF write error looks solved, Redis can write again.');
      this.updateStatus();
    }
    return true;
  }

  private writeFailed(reason: string, written: number, expected: number): void {
    if (this.policy === 'always') {
      this.log.warn(written > 0 ? `Short write while writing to the AOF file: (nwritten=${written}, expected=${expected})` : `Error writing to the AOF file: ${reason}`);
      this.onFatal("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
      return;
    }
    const now = Date.now();
    if (this.writeErr === null || now - this.lastErrorLog >= LOG_ERROR_EVERY_MS) {
      this.lastErrorLog = now;
      this.log.warn(written > 0 ? `Short write while writing to the AOF file: (nwritten=${written}, expected=${expected})` : `Error writing to the AOF file: ${reason}`);
    }
    this.writeErr = reason;
    this.updateStatus();
    // serverCron retries a failed AOF write once a second.
    if (this.retryTimer === null) {
      this.retryTimer = setInterval(() => {
        if (this.writeErr === null || this.closed) {
          clearInterval(this.retryTimer!);
          this.retryTimer = null;
          return;
        }
        this.holding = true;
        this.flushBatch();
      }, 1000);
      this.retryTimer.unref();
    }
  }

  private updateStatus(): void {
    const err = this.writeErr ?? this.fsyncErr;
    this.state.aofLastWriteOk = err === null;
    this.state.aofLastWriteError = err ?? '';
  }

  /** everysec: one fdatasync off the loop when a second has passed, else a timer for when it has. */
  private everysecFsync(): void {
    if (this.size === this.syncedSize || this.fsyncInFlight || this.closed) return;
    const wait = this.lastFsync + 1000 - Date.now();
    if (wait > 0) {
      if (this.fsyncTimer === null) {
        this.fsyncTimer = setTimeout(() => {
          this.fsyncTimer = null;
          this.everysecFsync();
        }, wait);
        this.fsyncTimer.unref();
      }
      return;
    }
    this.fsyncInFlight = true;
    this.lastFsync = Date.now();
    const target = this.size;
    this.fs.fdatasyncAsync(this.fd, (err) => {
      this.fsyncInFlight = false;
      if (err !== null) {
        this.log.warn(`Fail to fsync the AOF file: ${strerror(err)}`);
        this.fsyncErr = strerror(err);
      } else {
        this.syncedSize = Math.max(this.syncedSize, target);
        this.fsyncErr = null;
      }
      this.updateStatus();
      if (this.policy === 'always') this.afterFsync();
      else if (this.size !== this.syncedSize) this.everysecFsync();
    });
  }

  /** Writes and fsyncs what is pending (shutdown, rewrite start, appendonly no); errors are logged. */
  flushAndSync(): void {
    this.writeTail();
    try {
      if (this.size !== this.syncedSize) this.fs.fdatasync(this.fd);
      this.syncedSize = this.size;
    } catch (err) {
      this.log.warn(`Fail to fsync the AOF file: ${strerror(err)}`);
    }
    this.release();
  }

  /** Writes what is pending and releases the held clients, with no fsync: the file is retired next. */
  flushTail(): void {
    this.writeTail();
    this.release();
  }

  /** Syncs and closes a file appends have left, off the event loop (Redis's background close job). */
  retire(fd: number): void {
    this.fs.fdatasyncAsync(fd, () => fs.close(fd, () => undefined));
  }

  /** Moves appends to another file (a rewrite's new incr file); the caller flushed this one. */
  switchTo(fd: number, size: number): void {
    // A new file replays on its own from database 0 (as Redis loads each file with a fresh client): select again.
    this.buffer.selectedDb = -1;
    this.fd = fd;
    this.size = size;
    this.syncedSize = size;
    this.generation++;
  }

  /** Stops: flushes, fsyncs, forgets timers, then closes the fd (after an fsync still running). */
  close(): void {
    this.flushAndSync();
    this.closed = true;
    const fd = this.fd;
    const closeFd = (): void => {
      try {
        fs.closeSync(fd);
      } catch {
        // Already closed: nothing more to release.
      }
    };
    if (this.fsyncInFlight) this.fs.fdatasyncAsync(fd, closeFd);
    else closeFd();
    if (this.fsyncTimer !== null) clearTimeout(this.fsyncTimer);
    if (this.retryTimer !== null) clearInterval(this.retryTimer);
    this.fsyncTimer = this.retryTimer = null;
  }
}
