/**
 * Writes a point-in-time snapshot of the engine to a file in the background,
 * the way Redis's forked child does (BGSAVE, BGREWRITEAOF): the engine
 * snapshot (../engine/snapshot.ts) is walked in steps of about a millisecond
 * between which clients are served, the encoder's output is written with
 * async I/O, and the file only replaces its target once complete and fsynced
 * (temp file, fsync, rename, fsync of the directory). A failed or aborted run
 * leaves the old file untouched and removes its temp file.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Snapshot } from '../engine/snapshot.js';
import type { Database } from '../engine/keyspace.js';

/** Turns keys into file bytes: an RDB writer, or an AOF base of commands. */
export interface SnapshotEncoder {
  /** The file header, before any key. */
  begin(): void;
  /** Encodes the key at `pos` (as it was when the snapshot began). */
  key(dbIndex: number, db: Database, pos: number): void;
  /** The file trailer, after every key. */
  end(): void;
  /** Bytes encoded since the last call, or null when none. */
  take(): Buffer | null;
}

export interface BackgroundFileOptions {
  /** The file to replace once the snapshot is complete. */
  target: string;
  /** The temp file written meanwhile (same directory, so the rename is atomic). */
  temp: string;
  /** Wall time per step before clients get the event loop back. */
  stepMs?: number;
  /** FLUSHDB/FLUSHALL during the walk may drop that database's remaining keys (true for an AOF base). */
  skipFlushed?: boolean;
  /** fsync every this many bytes written (Redis's rdb-save-incremental-fsync: 4 MB), 0 = only at the end. */
  fsyncEvery?: number;
}

/** Thrown by run() when abort() stopped it. */
export class SnapshotAborted extends Error {
  constructor() {
    super('snapshot aborted');
  }
}

/** One background snapshot into one file. */
export class BackgroundFile {
  private snapshot: Snapshot | null = null;
  private aborted = false;
  /** Bytes written to the temp file so far. */
  written = 0;

  constructor(
    private readonly dbs: readonly Database[],
    private readonly encoder: SnapshotEncoder,
    private readonly options: BackgroundFileOptions,
  ) {}

  /** Keys present when the snapshot began. */
  get keysTotal(): number {
    return this.snapshot?.total ?? 0;
  }
  /** Keys encoded so far. */
  get keysProcessed(): number {
    return this.snapshot?.emitted ?? 0;
  }

  /** Stops the walk now; run() then rejects with SnapshotAborted and removes the temp file. */
  abort(): void {
    this.aborted = true;
    this.snapshot?.abort();
  }

  /** Walks, encodes and writes; resolves once the target holds the snapshot. */
  async run(): Promise<void> {
    const { temp, target } = this.options;
    const stepMs = this.options.stepMs ?? 1;
    const fsyncEvery = this.options.fsyncEvery ?? 0;
    let synced = 0;
    // The point in time is the call (as Redis's fork in the command), before any await.
    const skip = this.options.skipFlushed ?? false;
    const snapshot = new Snapshot(this.dbs, { key: (i, db, pos) => this.encoder.key(i, db, pos), skipFlushed: () => skip });
    this.snapshot = snapshot;
    // Keys written before the file opens are encoded at once: the header must come first.
    this.encoder.begin();
    let fh;
    try {
      fh = await open(temp, 'w');
    } catch (e) {
      snapshot.abort();
      throw e;
    }
    try {
      if (this.aborted) throw new SnapshotAborted();
      for (;;) {
        const deadline = performance.now() + stepMs;
        let done = snapshot.done;
        while (!done && !this.aborted && performance.now() < deadline) done = snapshot.step(64);
        if (this.aborted) throw new SnapshotAborted();
        if (done) this.encoder.end();
        const chunk = this.encoder.take();
        if (chunk !== null && chunk.length > 0) {
          // Clients run while this write is in flight; keys they change are encoded first, into the next chunk.
          await fh.write(chunk, 0, chunk.length);
          this.written += chunk.length;
          if (fsyncEvery > 0 && this.written - synced >= fsyncEvery) {
            await fh.datasync();
            synced = this.written;
          }
        } else if (!done) {
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (this.aborted) throw new SnapshotAborted();
        if (done) break;
      }
      await fh.sync();
      await fh.close();
    } catch (e) {
      snapshot.abort();
      await fh.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    try {
      await rename(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    await syncDirectory(dirname(target));
  }
}

/** fsync of a directory, so a rename in it survives a power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
