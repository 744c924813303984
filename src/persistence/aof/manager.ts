/**
 * The multi-part AOF on disk (Redis 7.0): `dir/appenddirname/` holding a base,
 * incr files and the manifest. Startup loads what the manifest names (base,
 * then incr files in order) or creates base + incr + manifest; appends go to
 * the last incr file through the writer. A rewrite is Redis's sequence:
 * startRewrite() opens the next incr file now, the caller fills the new base
 * from a snapshot, finishRewrite() swaps the manifest atomically and deletes
 * the old files (abortRewrite() keeps them). An old single-file AOF in dir
 * is adopted as the base at startup (Redis 7.0's upgrade), never rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../engine/engine.js';
import type { Logger } from '../../observability/log.js';
import type { PersistenceState } from '../state.js';
import { writeBase, type BaseSink } from './base.js';
import { AofLoadError } from './load.js';
import { loadAofFiles, type RdbBaseLoader } from './load-files.js';
import { aofNames, formatManifest, ManifestError, parseManifest, type AofFileInfo, type AofManifest } from './manifest.js';
import { Propagator } from './propagate.js';
import type { Replayer } from './replay.js';
import { AofWriter, type AofFs, type FsyncPolicy } from './writer.js';

export type { RdbBaseLoader };

export interface AofManagerOptions {
  dir: string;
  dirname: string;
  filename: string;
  policy: FsyncPolicy;
  loadTruncated: boolean;
  state: PersistenceState;
  log: Logger;
  fs?: AofFs;
  onFatal?: (message: string) => void;
  /** Required only to load a file with an RDB preamble (a `.base.rdb`, an old AOF); the base this writer makes is RESP. */
  loadRdbBase?: RdbBaseLoader;
}

/** A rewrite in progress: the caller writes the new base into baseSink, then calls finishRewrite. */
export interface RewriteJob {
  readonly baseSink: BaseSink & { close(): void };
  /** The temp file the base goes to (renamed by finishRewrite). */
  readonly tempBasePath: string;
  readonly baseSeq: number;
  /** Incr files that the new base makes obsolete. */
  readonly obsoleteIncr: AofFileInfo[];
}

export class AofManager {
  readonly dirPath: string;
  readonly manifestPath: string;
  manifest: AofManifest = { base: null, history: [], incr: [] };
  writer!: AofWriter;
  readonly propagator: Propagator;
  /** Size of the base and the incr files before the open one (aof_current_size = this + writer.size). */
  private closedSize = 0;
  /** aof_rewrite_base_size: the AOF size after loading or the last rewrite. */
  baseSize = 0;
  private rewriting: RewriteJob | null = null;
  /** Highest file number a previous AOF used (enable()): new files are numbered above it. */
  private seqFloor = 0;

  private constructor(private readonly o: AofManagerOptions) {
    this.dirPath = path.join(o.dir, o.dirname);
    this.manifestPath = path.join(this.dirPath, aofNames.manifest(o.filename));
    this.propagator = new Propagator({
      command: (db, argv) => this.writer.command(db, argv),
      commandArgs: (db, args) => this.writer.commandArgs(db, args),
      flushed: () => this.writer.flushed(),
    });
  }

  /**
   * Startup with appendonly yes: adopts an old single-file AOF as the base
   * (upgrade), loads the AOF into the engine through `replay` in steps
   * (awaiting `pause` between them) when there is one, else creates it
   * from the (empty) dataset. Nothing is appended until this resolves: the
   * caller attaches the writer in the same turn as loading ends. Throws
   * AofLoadError when the server must not start.
   */
  static async open(o: AofManagerOptions, engine: Engine, replay: Replayer, pause: () => Promise<void>): Promise<AofManager> {
    const m = new AofManager(o);
    const hadManifest = fs.existsSync(m.manifestPath);
    m.manifest = m.readManifest();
    const upgrade = m.needsUpgrade();
    if (upgrade) m.upgradePrepare();
    if (hadManifest || upgrade) await m.load(replay, pause);
    else m.create(engine);
    m.openIncrForAppend();
    m.baseSize = m.currentSize;
    o.state.aofEnabled = true;
    o.state.aofLastWriteOk = true;
    o.state.aofDetails = () => m.details();
    return m;
  }

  /**
   * appendonly yes at run time: nothing is loaded (the dataset is live);
   * files an earlier AOF left become history, appends go to a new incr file
   * from now on, and the caller starts a rewrite at once to write the base
   * (until it ends, the manifest has no base: Redis's AOF_WAIT_REWRITE).
   */
  static enable(o: AofManagerOptions): AofManager {
    const m = new AofManager(o);
    fs.mkdirSync(m.dirPath, { recursive: true });
    if (fs.existsSync(m.manifestPath)) {
      try {
        const old = parseManifest(fs.readFileSync(m.manifestPath, 'latin1'));
        const files = [...(old.base !== null ? [old.base] : []), ...old.incr, ...old.history];
        for (const f of files) m.seqFloor = Math.max(m.seqFloor, f.seq);
        m.manifest.history = files.map((f) => ({ ...f, type: 'h' as const }));
      } catch {
        // An unreadable manifest is replaced; its files are left where they are.
      }
    }
    m.openIncrForAppend(m.seqFloor + 1);
    o.state.aofEnabled = true;
    o.state.aofLastWriteOk = true;
    o.state.aofDetails = () => m.details();
    return m;
  }

  /**
   * BGREWRITEAOF with appendonly no: Redis 7.0 still writes a base, and the
   * manifest then names only that base; the files of an earlier AOF go.
   * Nothing is touched until finish(); abort() drops the temp base.
   */
  static offlineRewrite(o: AofManagerOptions): { tempBasePath: string; finish(rdbPreamble: boolean): void; abort(): void } {
    const m = new AofManager(o);
    fs.mkdirSync(m.dirPath, { recursive: true });
    let old: AofFileInfo[] = [];
    if (fs.existsSync(m.manifestPath)) {
      try {
        const prev = parseManifest(fs.readFileSync(m.manifestPath, 'latin1'));
        old = [...(prev.base !== null ? [prev.base] : []), ...prev.incr, ...prev.history];
      } catch {
        // An unreadable manifest is replaced; its files are left where they are.
      }
    }
    const seq = old.reduce((max, f) => Math.max(max, f.seq), 0) + 1;
    const tempBasePath = m.filePath(`temp-rewriteaof-bg-${process.pid}.aof`);
    const st = o.state;
    st.aofRewriteStartMs = Date.now();
    return {
      tempBasePath,
      finish: (rdbPreamble) => {
        const base: AofFileInfo = { name: aofNames.base(o.filename, seq, rdbPreamble), seq, type: 'b' };
        fs.renameSync(tempBasePath, m.filePath(base.name));
        o.log.info(`Successfully renamed the temporary AOF base file ${path.basename(tempBasePath)} into ${base.name}`);
        m.manifest = { base, history: old.map((f) => ({ ...f, type: 'h' as const })), incr: [] };
        m.persistManifest();
        m.deleteHistory();
        st.aofLastRewriteTimeSec = Math.round((Date.now() - st.aofRewriteStartMs) / 1000);
        st.aofRewriteStartMs = 0;
        st.aofLastBgrewriteOk = true;
        st.aofRewritesConsecutiveFailures = 0;
        st.aofRewrites++;
        o.log.info('Background AOF rewrite finished successfully');
      },
      abort: () => {
        fs.rmSync(tempBasePath, { force: true });
        st.aofRewriteStartMs = 0;
        st.aofLastBgrewriteOk = false;
        st.aofRewritesConsecutiveFailures++;
      },
    };
  }

  /** Whether a rewrite is under way. */
  get rewriteRunning(): boolean {
    return this.rewriting !== null;
  }

  get currentSize(): number {
    return this.closedSize + (this.writer?.size ?? 0);
  }

  private filePath(name: string): string {
    return path.join(this.dirPath, name);
  }

  /** The manifest on disk, or an empty one when there is none; throws AofLoadError for one Redis would refuse. */
  private readManifest(): AofManifest {
    if (!fs.existsSync(this.manifestPath)) return { base: null, history: [], incr: [] };
    try {
      return parseManifest(fs.readFileSync(this.manifestPath, 'latin1'));
    } catch (err) {
      const msg = err instanceof ManifestError ? err.message : `Can't open the AOF manifest ${this.manifestPath} for reading: ${(err as Error).message}`;
      this.o.log.warn(msg);
      throw new AofLoadError(msg);
    }
  }

  /**
   * Whether dir holds an old single-file AOF to adopt (loadAppendOnlyFiles'
   * three cases): no AOF directory; a manifest naming nothing; or a manifest
   * naming only that file as base while it is not yet in the directory (a
   * crash between writing the manifest and moving the file).
   */
  private needsUpgrade(): boolean {
    const { dir, filename } = this.o;
    if (!isFile(path.join(dir, filename))) return false;
    const m = this.manifest;
    if (!fs.existsSync(this.dirPath)) return true;
    if (m.base === null && m.incr.length === 0) return true;
    return m.base !== null && m.incr.length === 0 && m.base.name === filename && !fs.existsSync(this.filePath(filename));
  }

  /**
   * aofUpgradePrepare(): the old file becomes the base (seq 1, its name
   * kept), recorded in the manifest before it is moved into the directory,
   * so a crash at any point is retried at the next start.
   */
  private upgradePrepare(): void {
    const { dir, dirname, filename, log } = this.o;
    if (fs.existsSync(this.filePath(filename))) {
      const msg = `Can't upgrade the old AOF file ${filename}: a file of that name is already in the append-only dir ${dirname}`;
      log.warn(msg);
      throw new AofLoadError(msg);
    }
    try {
      fs.mkdirSync(this.dirPath, { recursive: true });
    } catch (err) {
      const msg = `Can't open or create append-only dir ${dirname}: ${(err as Error).message}`;
      log.warn(msg);
      throw new AofLoadError(msg);
    }
    this.manifest.base = { name: filename, seq: 1, type: 'b' };
    this.persistManifest();
    try {
      fs.renameSync(path.join(dir, filename), this.filePath(filename));
    } catch (err) {
      const msg = `Error trying to move the old AOF file ${filename} into dir ${dirname}: ${(err as Error).message}`;
      log.warn(msg);
      throw new AofLoadError(msg);
    }
    fsyncDir(this.dirPath);
    log.info(`Successfully migrated an old-style AOF file (${filename}) into the AOF directory (${dirname}).`);
  }

  private async load(replay: Replayer, pause: () => Promise<void>): Promise<void> {
    const files = [...(this.manifest.base !== null ? [this.manifest.base] : []), ...this.manifest.incr];
    await loadAofFiles(
      {
        dirPath: this.dirPath,
        filename: this.o.filename,
        manifestPath: this.manifestPath,
        files,
        loadTruncated: this.o.loadTruncated,
        state: this.o.state,
        log: this.o.log,
        loadRdbBase: this.o.loadRdbBase,
        pause,
      },
      replay,
    );
    for (const f of files) this.closedSize += fs.statSync(this.filePath(f.name)).size;
    // Files the manifest marks as history belonged to a finished rewrite: they go now.
    this.deleteHistory();
  }

  /** No AOF yet: a base from the current dataset, then (openIncrForAppend) an incr file and the manifest. */
  private create(engine: Engine): void {
    fs.mkdirSync(this.dirPath, { recursive: true });
    const seq = 1;
    const name = aofNames.base(this.o.filename, seq, false);
    this.o.log.info(`Creating AOF base file ${name} on server start`);
    const tmp = this.filePath(`temp-${name}`);
    writeFileDurably(tmp, (sink) => writeBase(engine, sink));
    fs.renameSync(tmp, this.filePath(name));
    this.manifest.base = { name, seq, type: 'b' };
    this.closedSize += fs.statSync(this.filePath(name)).size;
  }

  /** Opens the last incr file for appending, or creates the next one (and records it in the manifest). */
  private openIncrForAppend(newSeq = 1): void {
    const last = this.manifest.incr[this.manifest.incr.length - 1];
    let name: string;
    if (last !== undefined) {
      name = last.name;
      this.o.log.info(`Opening AOF incr file ${name} on server start`);
      const size = fs.statSync(this.filePath(name)).size;
      this.closedSize -= size;
    } else {
      const seq = newSeq;
      name = aofNames.incr(this.o.filename, seq);
      this.o.log.info(`Creating AOF incr file ${name} on ${newSeq === 1 ? 'server start' : 'AOF enable'}`);
      this.manifest.incr.push({ name, seq, type: 'i' });
    }
    const fd = fs.openSync(this.filePath(name), 'a');
    const size = fs.fstatSync(fd).size;
    if (last === undefined) this.persistManifest();
    this.writer = new AofWriter({ fd, size, policy: this.o.policy, state: this.o.state, log: this.o.log, fs: this.o.fs, onFatal: this.o.onFatal });
  }

  /** Writes the manifest atomically: temp file, fsync, rename, fsync of the directory. */
  persistManifest(): void {
    const tmp = this.filePath(aofNames.tempManifest(this.o.filename));
    writeFileDurably(tmp, (sink) => sink.write(Buffer.from(formatManifest(this.manifest), 'latin1')));
    fs.renameSync(tmp, this.manifestPath);
    fsyncDir(this.dirPath);
  }

  private deleteHistory(): void {
    if (this.manifest.history.length === 0) return;
    for (const h of this.manifest.history) {
      // Off the loop, as Redis's bg_unlink: freeing a big file's blocks can take milliseconds.
      fs.unlink(this.filePath(h.name), () => undefined);
      this.o.log.info(`Removing the history file ${h.name} in the background`);
    }
    this.manifest.history = [];
    this.persistManifest();
  }

  /** INFO persistence lines shown while the AOF is on (Redis 7.0 order). */
  details(): string[] {
    return [
      `aof_current_size:${this.currentSize}`,
      `aof_base_size:${this.baseSize}`,
      `aof_pending_rewrite:0`,
      `aof_buffer_length:${this.writer.pending}`,
      `aof_pending_bio_fsync:${this.writer.fsyncPending ? 1 : 0}`,
      `aof_delayed_fsync:0`,
    ];
  }

  // ---- rewrite (BGREWRITEAOF) seams ----------------------------------------

  /**
   * Starts a rewrite: what is buffered goes to the current incr file, then
   * appends move to a new incr file (next seq), recorded in the manifest at
   * once so a crash during the rewrite still loads everything. The caller
   * writes the new base (writeBase, or an RDB preamble) into job.baseSink from
   * a snapshot taken now, then calls finishRewrite(job) or abortRewrite(job).
   */
  startRewrite(openBase = true): RewriteJob {
    if (this.rewriting !== null) throw new Error('Background append only file rewriting already in progress');
    // Under always what was acknowledged is synced already; otherwise the old file is synced off the loop below.
    if (this.writer.policy === 'always') this.writer.flushAndSync();
    else this.writer.flushTail();
    const obsoleteIncr = [...this.manifest.incr];
    const lastSeq = obsoleteIncr.length > 0 ? obsoleteIncr[obsoleteIncr.length - 1]!.seq : 0;
    const incr: AofFileInfo = { name: aofNames.incr(this.o.filename, lastSeq + 1), seq: lastSeq + 1, type: 'i' };
    const fd = fs.openSync(this.filePath(incr.name), 'a');
    const oldFd = this.writer.fd;
    this.closedSize += this.writer.size;
    this.writer.switchTo(fd, 0);
    this.writer.retire(oldFd);
    this.manifest.incr.push(incr);
    this.persistManifest();
    this.o.log.info(`Creating AOF incr file ${incr.name} on background rewrite`);
    const baseSeq = Math.max(this.manifest.base?.seq ?? 0, this.seqFloor) + 1;
    const tempBasePath = this.filePath(`temp-rewriteaof-bg-${process.pid}.aof`);
    // openBase false: the caller writes tempBasePath itself (a background snapshot file).
    const tfd = openBase ? fs.openSync(tempBasePath, 'w') : -1;
    const baseSink = {
      write: (chunk: Buffer): void => {
        let off = 0;
        while (off < chunk.length) off += fs.writeSync(tfd, chunk, off, chunk.length - off);
      },
      close: (): void => {
        if (tfd < 0) return;
        fs.fsyncSync(tfd);
        fs.closeSync(tfd);
      },
    };
    this.rewriting = { baseSink, tempBasePath, baseSeq, obsoleteIncr };
    this.o.state.aofRewriteStartMs = Date.now();
    return this.rewriting;
  }

  /** Installs the new base: rename, manifest swapped atomically (old base and incr files become history), history deleted. */
  finishRewrite(job: RewriteJob, rdbPreamble = false): void {
    if (this.rewriting !== job) throw new Error('not the running rewrite');
    job.baseSink.close();
    const base: AofFileInfo = { name: aofNames.base(this.o.filename, job.baseSeq, rdbPreamble), seq: job.baseSeq, type: 'b' };
    fs.renameSync(job.tempBasePath, this.filePath(base.name));
    const old = this.manifest;
    const history = [...old.history, ...(old.base !== null ? [{ ...old.base, type: 'h' as const }] : []), ...job.obsoleteIncr.map((f) => ({ ...f, type: 'h' as const }))];
    this.manifest = { base, history, incr: old.incr.filter((f) => !job.obsoleteIncr.includes(f)) };
    this.persistManifest();
    this.deleteHistory();
    this.closedSize = fs.statSync(this.filePath(base.name)).size;
    for (const f of this.manifest.incr.slice(0, -1)) this.closedSize += fs.statSync(this.filePath(f.name)).size;
    this.baseSize = this.currentSize;
    this.rewriting = null;
    const st = this.o.state;
    st.aofLastRewriteTimeSec = Math.round((Date.now() - st.aofRewriteStartMs) / 1000);
    st.aofRewriteStartMs = 0;
    st.aofLastBgrewriteOk = true;
    st.aofRewrites++;
    this.o.log.info('Background AOF rewrite finished successfully');
  }

  /** Drops a failed rewrite's temp base; the new incr file stays in the manifest (nothing is lost). */
  abortRewrite(job: RewriteJob): void {
    if (this.rewriting !== job) return;
    try {
      job.baseSink.close();
    } catch {
      // The sink may be what failed; the temp file goes either way.
    }
    fs.rmSync(job.tempBasePath, { force: true });
    this.rewriting = null;
    const st = this.o.state;
    st.aofRewriteStartMs = 0;
    st.aofLastBgrewriteOk = false;
    st.aofRewritesConsecutiveFailures++;
  }

  /** appendonly no, or shutdown: flush, fsync, close. */
  close(): void {
    this.o.log.info('Calling fsync() on the AOF file.');
    this.writer.close();
    this.o.state.aofEnabled = false;
    this.o.state.aofDetails = () => [];
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Creates `p` with what `fill` writes, fsynced before it is closed. */
function writeFileDurably(p: string, fill: (sink: BaseSink) => void): void {
  const fd = fs.openSync(p, 'w');
  try {
    fill({
      write(chunk) {
        let off = 0;
        while (off < chunk.length) off += fs.writeSync(fd, chunk, off, chunk.length - off);
      },
    });
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}
