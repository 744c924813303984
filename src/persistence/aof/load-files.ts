/**
 * loadAppendOnlyFiles(): replays the files a manifest names (base, then incr
 * files in order) with one loading progress over their total size, in steps
 * (see load.ts) so the server answers -LOADING meanwhile. A file starting
 * with "REDIS" is an RDB preamble, loaded in steps too, then its RESP tail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../observability/log.js';
import type { PersistenceState } from '../state.js';
import { AofLoadError, loadAofFile, type LoadStatus } from './load.js';
import type { AofFileInfo } from './manifest.js';
import { isRdbPreamble } from './reader.js';
import type { Replayer } from './replay.js';

/**
 * Loads the RDB preamble of an AOF file into the engine (supplied by the RDB
 * file code), awaiting `pause` between steps and reporting the bytes read;
 * resolves to the offset just past the RDB, where commands may follow.
 */
export type RdbBaseLoader = (filePath: string, pause: () => Promise<void>, progress: (loaded: number) => void) => Promise<number>;

export interface LoadFilesOptions {
  dirPath: string;
  /** appendfilename: a file of that name is an old-style AOF moved in by the upgrade (its own log lines). */
  filename: string;
  manifestPath: string;
  files: readonly AofFileInfo[];
  loadTruncated: boolean;
  state: PersistenceState;
  log: Logger;
  loadRdbBase?: RdbBaseLoader;
  pause: () => Promise<void>;
}

/** Replays every file into `replay`; throws AofLoadError (or the RDB loader's error) when the server must not start. */
export async function loadAofFiles(o: LoadFilesOptions, replay: Replayer): Promise<void> {
  const { log, state } = o;
  let total = 0;
  for (const f of o.files) {
    const p = path.join(o.dirPath, f.name);
    if (!fs.existsSync(p)) {
      const msg = `The append log file ${f.name} doesn't exist: No such file or directory`;
      log.warn(msg);
      throw new AofLoadError(msg);
    }
    total += fs.statSync(p).size;
  }
  state.loading = { startTime: Math.floor(Date.now() / 1000), totalBytes: total, loadedBytes: 0 };
  const start = performance.now();
  let before = 0;
  try {
    for (let i = 0; i < o.files.length; i++) {
      const f = o.files[i]!;
      const p = path.join(o.dirPath, f.name);
      const t0 = performance.now();
      const progress = (n: number): void => {
        state.loading!.loadedBytes = before + n;
      };
      const startAt = await loadPreamble(o, f, p, progress);
      const status: LoadStatus = await loadAofFile(
        replay,
        { path: p, name: f.name, truncatedOk: o.loadTruncated, last: i === o.files.length - 1, manifestPath: o.manifestPath, log, startAt, progress },
        o.pause,
      );
      before += fs.statSync(p).size;
      state.loading!.loadedBytes = before;
      if (status !== 'empty') {
        log.info(`DB loaded from ${f.type === 'b' ? 'base' : 'incr'} file ${f.name}: ${((performance.now() - t0) / 1000).toFixed(3)} seconds`);
      }
    }
  } finally {
    state.loading = null;
  }
  log.info(`DB loaded from append only file: ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
}

/** Loads the RDB preamble of the file at `p` if it has one; returns where its commands start. */
async function loadPreamble(o: LoadFilesOptions, f: AofFileInfo, p: string, progress: (n: number) => void): Promise<number> {
  if (!isRdbPreamble(readHead(p))) return 0;
  // The old single-file AOF keeps its name as the base, and Redis words its lines for it.
  const oldStyle = f.name === o.filename;
  o.log.info(oldStyle ? 'Reading RDB preamble from AOF file...' : 'Reading RDB base file on AOF loading...');
  if (o.loadRdbBase === undefined) {
    const msg = `The AOF file ${f.name} has an RDB preamble and no RDB loader was given to the AOF (AofManagerOptions.loadRdbBase)`;
    o.log.warn(msg);
    throw new AofLoadError(msg);
  }
  let end: number;
  try {
    end = await o.loadRdbBase(p, o.pause, progress);
  } catch (e) {
    o.log.warn(oldStyle ? `Error reading the RDB preamble of the AOF file ${f.name}, AOF loading aborted` : `Error reading the RDB base file ${f.name}, AOF loading aborted`);
    throw e;
  }
  progress(end);
  if (oldStyle) o.log.info('Reading the remaining AOF tail...');
  return end;
}

function readHead(p: string): Buffer {
  const fd = fs.openSync(p, 'r');
  try {
    const b = Buffer.alloc(5);
    const n = fs.readSync(fd, b, 0, 5, 0);
    return b.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}
