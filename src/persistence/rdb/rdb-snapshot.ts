/**
 * An RDB file as a background snapshot's encoder: the engine snapshot hands
 * keys one at a time (the walk's and the pre-images of keys written meanwhile,
 * databases interleaved), the RDB writer turns them into chunks, and
 * BackgroundFile takes those chunks between steps.
 */
import type { Database } from '../../engine/keyspace.js';
import type { SnapshotEncoder } from '../background-file.js';
import { RdbFileWriter, type RdbFileOptions } from './rdb-file.js';

export class RdbSnapshotEncoder implements SnapshotEncoder {
  private chunks: Buffer[] = [];
  private readonly writer: RdbFileWriter;

  /** `atMs`: the moment the snapshot stands for (IDLE times are counted to it). */
  constructor(
    options: RdbFileOptions,
    private readonly atMs: number,
  ) {
    this.writer = new RdbFileWriter({ write: (c) => this.chunks.push(c) }, options);
  }

  begin(): void {
    this.writer.begin();
  }

  key(dbIndex: number, db: Database, pos: number): void {
    this.writer.key(dbIndex, db, pos, this.atMs);
  }

  end(): void {
    this.writer.end();
  }

  take(): Buffer | null {
    const c = this.chunks;
    if (c.length === 0) return null;
    this.chunks = [];
    return c.length === 1 ? c[0]! : Buffer.concat(c);
  }
}
