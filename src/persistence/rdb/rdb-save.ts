/**
 * Crash-safe RDB files: the file is written as temp-<pid>.rdb in the target
 * directory, fsynced, renamed over the target and the directory fsynced, so
 * a crash at any point leaves either the old file or the new one whole.
 * On failure the temp file is removed and the old file is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../engine/keyspace.js';
import { RdbFileWriter, writeAllKeys, type RdbFileOptions, type RdbSink } from './rdb-file.js';

/** Which step of a save failed, for Redis's log wording. */
export class RdbSaveError extends Error {
  constructor(
    readonly step: 'open' | 'write' | 'rename',
    readonly tmpFile: string,
    override readonly cause: Error,
  ) {
    super(cause.message);
  }
}

/** A sink writing straight to a file descriptor. */
export class FdSink implements RdbSink {
  constructor(private readonly fd: number) {}
  write(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) off += fs.writeSync(this.fd, chunk, off, chunk.length - off);
  }
}

/** Name of the temp file a save writes in `dir` (Redis's temp-<pid>.rdb). */
export function tempRdbPath(dir: string): string {
  return path.join(dir, `temp-${process.pid}.rdb`);
}

/**
 * Writes `target` crash-safely: `fill` receives a sink over the temp file
 * and must write the whole file to it. Throws RdbSaveError.
 */
export function writeFileAtomicSync(target: string, fill: (sink: RdbSink) => void): void {
  const dir = path.dirname(target);
  const tmp = tempRdbPath(dir);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'w');
  } catch (e) {
    throw new RdbSaveError('open', tmp, e as Error);
  }
  let step: 'write' | 'rename' = 'write';
  try {
    try {
      fill(new FdSink(fd));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    step = 'rename';
    fs.renameSync(tmp, target);
    fsyncDir(dir);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Already gone (renamed or never created): nothing to clean.
    }
    throw new RdbSaveError(step, tmp, e as Error);
  }
}

/** Makes a rename durable (Redis's fsyncFileDir); some filesystems refuse it, which is not an error. */
function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // EINVAL/EBADF on filesystems that do not sync directories.
  } finally {
    fs.closeSync(fd);
  }
}

/** SAVE: every key of every database into `target`, crash-safely. Returns the number of keys written. */
export function saveDatabasesSync(target: string, dbs: readonly Database[], opts: RdbFileOptions, nowMs: number, onKey?: () => void): number {
  let keys = 0;
  writeFileAtomicSync(target, (sink) => {
    const w = new RdbFileWriter(sink, opts);
    w.begin();
    writeAllKeys(w, dbs, nowMs, onKey);
    w.end();
    keys = w.keys;
  });
  return keys;
}
