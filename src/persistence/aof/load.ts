/**
 * Loads one AOF file by replaying its commands (loadSingleAppendOnlyFile):
 * streamed in chunks, in steps of at most STEP_COMMANDS commands, 5 ms or
 * one chunk read, awaiting `pause` between steps so clients get -LOADING
 * meanwhile, progress reported for INFO loading_*. A frame cut by the end of
 * the last file is a truncated tail (kept up to the last complete command
 * when aof-load-truncated allows, the file then truncated there); a
 * malformed frame anywhere is a corrupt file. Errors carry Redis's wording.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Args } from '../../commands/args.js';
import type { Logger } from '../../observability/log.js';
import { STEP_KEYS } from '../rdb/rdb-load.js';
import { runFileStepsPaused } from '../file-steps.js';
import { Frame, FrameReader } from './reader.js';
import type { Replayer } from './replay.js';

const CHUNK = 4 * 1024 * 1024;

/**
 * Commands replayed between two pauses at most: the RDB loader's step, so
 * key-load-delay's pause (µs per key × STEP_KEYS) means about the same for
 * both. 4096 SETs usually take ~2.5 ms here (1M keys in ~0.6 s), but up to
 * 40 ms while the key table grows, hence also a time budget per step.
 */
export const STEP_COMMANDS = STEP_KEYS;
/** A step also ends once it has run this long (checked every 256 commands). */
const STEP_MS = 5;

export type LoadStatus = 'ok' | 'empty' | 'truncated';

/** Loading failed: the server must not start. */
export class AofLoadError extends Error {}

export interface LoadFileOptions {
  /** Path of the file, and its name as logs show it. */
  path: string;
  name: string;
  /** aof-load-truncated, and whether this is the last file (only its tail may be cut). */
  truncatedOk: boolean;
  last: boolean;
  /** Path of the manifest, for the repair hint. */
  manifestPath: string;
  log: Logger;
  /** Where the commands start: past an RDB preamble, else 0. */
  startAt?: number;
  /** Called before each pause with the bytes of this file replayed so far (Redis's loadingIncrProgress). */
  progress?: (loaded: number) => void;
}

/** Replays one file into `replay`, awaiting `pause` between steps. */
export function loadAofFile(replay: Replayer, o: LoadFileOptions, pause: () => Promise<void>): Promise<LoadStatus> {
  return runFileStepsPaused(o.path, (fd) => loadSteps(fd, replay, o), pause);
}

function* loadSteps(fd: number, replay: Replayer, o: LoadFileOptions): Generator<void, LoadStatus, void> {
  // Each file is replayed by a fresh client, on database 0, as Redis's loadSingleAppendOnlyFile().
  replay.reset();
  const size = fs.fstatSync(fd).size;
  if (size === 0) return 'empty';
  const reader = new FrameReader();
  const args = new Args();
  const start = o.startAt ?? 0;
  let win = Buffer.alloc(0);
  let winStart = start; // file offset of win[0]
  let fileAt = start;
  let p = 0;
  let validUpTo = start;
  let validBeforeMulti = start;
  let sinceStep = 0;
  let stepStart = performance.now();
  for (;;) {
    const r = reader.read(win, p, win.length);
    if (r === Frame.OK || r === Frame.SKIPPED) {
      if (r === Frame.OK) {
        args.bind(win, reader.offs, reader.lens, reader.argc);
        const isMulti = args.len(0) === 5 && args.is(0, 'multi');
        if (isMulti) validBeforeMulti = validUpTo;
        if (!replay.run(args)) {
          const msg = `Unknown command '${args.str(0)}' reading the append only file ${o.name}`;
          o.log.warn(msg);
          throw new AofLoadError(msg);
        }
      }
      p = reader.end;
      validUpTo = winStart + p;
      // The window stays valid across the pause: nothing but this loop reads or moves it.
      if (++sinceStep === STEP_COMMANDS || ((sinceStep & 255) === 0 && performance.now() - stepStart > STEP_MS)) {
        sinceStep = 0;
        o.progress?.(validUpTo);
        yield;
        stepStart = performance.now();
      }
      continue;
    }
    if (r === Frame.BAD) {
      const msg = `Bad file format reading the append only file ${o.name} at offset ${winStart + p}: make a backup of your AOF file, then use nencache check-aof --fix ${o.manifestPath}`;
      o.log.warn(msg);
      throw new AofLoadError(msg);
    }
    // TRUNCATED: read more, or the file really ends here.
    if (fileAt < size) {
      const rest = win.subarray(p);
      const want = Math.max(CHUNK, rest.length + 1);
      const next = Buffer.allocUnsafe(rest.length + Math.min(want, size - fileAt));
      rest.copy(next, 0);
      const n = fs.readSync(fd, next, rest.length, next.length - rest.length, fileAt);
      if (n <= 0) break;
      fileAt += n;
      winStart += p;
      win = n === next.length - rest.length ? next : next.subarray(0, rest.length + n);
      p = 0;
      // A chunk read bounds a step too, whatever the size of its commands.
      if (sinceStep > 0) {
        sinceStep = 0;
        o.progress?.(winStart);
        yield;
        stepStart = performance.now();
      }
      continue;
    }
    if (p === win.length && replay.queued === null) return 'ok';
    break;
  }
  // The data ends inside a frame, or inside MULTI ... EXEC (handled as a short read, as Redis).
  if (replay.queued !== null) {
    if (p === win.length) o.log.warn(`Revert incomplete MULTI/EXEC transaction in AOF file ${o.name}`);
    replay.queued = null;
    validUpTo = validBeforeMulti;
  }
  if (o.truncatedOk && o.last) {
    o.log.warn(`!!! Warning: short read while loading the AOF file ${o.name}!!!`);
    o.log.warn(`!!! Truncating the AOF ${o.name} at offset ${validUpTo} !!!`);
    fs.truncateSync(o.path, validUpTo);
    o.log.warn(`AOF ${o.name} loaded anyway because aof-load-truncated is enabled`);
    return 'truncated';
  }
  if (o.truncatedOk) {
    const msg = 'Fatal error: the truncated file is not the last file';
    o.log.warn(msg);
    throw new AofLoadError(msg);
  }
  const msg = `Unexpected end of file reading the append only file ${o.name} at offset ${validUpTo}. You can: 1) Make a backup of your AOF file, then use nencache check-aof --fix ${o.manifestPath}. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.`;
  o.log.warn(msg);
  throw new AofLoadError(msg);
}
