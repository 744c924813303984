/**
 * BGREWRITEAOF and the automatic rewrite, as Redis 7.0's
 * rewriteAppendOnlyFileBackground() over BackgroundFile instead of fork():
 * appends move to a new incr file at the same instant the engine snapshot
 * begins, the new base (RDB preamble or commands) is written from the
 * snapshot in steps while clients are served, then the manifest swaps
 * atomically. One background job at a time: a rewrite asked for during a
 * BGSAVE is scheduled, as Redis does.
 */
import type { Config } from '../../config/config.js';
import type { Engine } from '../../engine/engine.js';
import type { Logger } from '../../observability/log.js';
import { BackgroundFile, SnapshotAborted } from '../background-file.js';
import { RdbSnapshotEncoder } from '../rdb/rdb-snapshot.js';
import type { RdbFileOptions } from '../rdb/rdb-file.js';
import type { PersistenceState } from '../state.js';
import { RespBaseEncoder } from './base.js';
import { AofManager } from './manager.js';
import type { FsyncPolicy } from './writer.js';

export interface RewriteHost {
  readonly config: Config;
  readonly engine: Engine;
  readonly log: Logger;
  readonly persistence: PersistenceState;
  /** The open AOF, or null when appendonly is no. */
  aof(): AofManager | null;
  /** Whether a BGSAVE holds the snapshot. */
  bgsaveRunning(): boolean;
  /** The RDB writer's options now (for an RDB preamble). */
  rdbOptions(): RdbFileOptions;
}

export class AofRewriter {
  private job: BackgroundFile | null = null;
  /** Asked for while a BGSAVE ran: starts when it ends (INFO aof_rewrite_scheduled). */
  get scheduled(): boolean {
    return this.host.persistence.aofRewriteScheduled;
  }
  set scheduled(v: boolean) {
    this.host.persistence.aofRewriteScheduled = v;
  }
  private running: Promise<boolean> | null = null;

  constructor(private readonly host: RewriteHost) {}

  get inProgress(): boolean {
    return this.job !== null;
  }

  /** BGREWRITEAOF: the reply, an error or a status. */
  command(): { error: boolean; text: string } {
    if (this.job !== null) return { error: true, text: 'ERR Background append only file rewriting already in progress' };
    if (this.host.bgsaveRunning()) {
      this.scheduled = true;
      return { error: false, text: 'Background append only file rewriting scheduled' };
    }
    void this.start();
    return { error: false, text: 'Background append only file rewriting started' };
  }

  /**
   * Starts a rewrite now (the caller checked nothing else runs); resolves
   * true once the new base and manifest are in place.
   */
  start(): Promise<boolean> {
    const h = this.host;
    if (this.job !== null) return Promise.resolve(false);
    const m = h.aof();
    const preamble = h.config.getBool('aof-use-rdb-preamble');
    const now = Date.now();
    const c = h.config;
    // With the AOF on, appends move to a new incr file in the same tick the snapshot begins.
    const online = m !== null ? m.startRewrite(false) : null;
    const rewrite =
      online !== null
        ? { tempBasePath: online.tempBasePath, finish: (p: boolean) => m!.finishRewrite(online, p), abort: () => m!.abortRewrite(online) }
        : AofManager.offlineRewrite({
            dir: c.getString('dir'),
            dirname: c.getString('appenddirname'),
            filename: c.getString('appendfilename'),
            policy: c.getString('appendfsync') as FsyncPolicy,
            loadTruncated: c.getBool('aof-load-truncated'),
            state: h.persistence,
            log: h.log,
          });
    const encoder = preamble ? new RdbSnapshotEncoder({ ...h.rdbOptions(), aofBase: true }, now) : new RespBaseEncoder(now);
    const job = new BackgroundFile(h.engine.dbs, encoder, {
      target: rewrite.tempBasePath,
      temp: `${rewrite.tempBasePath}.part`,
      // A flush during the walk is in the new incr file: the base need not keep what it removed (no incr file without the AOF).
      skipFlushed: online !== null,
      fsyncEvery: h.config.getBool('aof-rewrite-incremental-fsync') ? 4 * 1024 * 1024 : 0,
    });
    this.job = job;
    this.scheduled = false;
    h.log.info(`Background append only file rewriting started by pid ${process.pid}`);
    const run = job.run().then(
      () => {
        h.log.info(`Successfully created the temporary AOF base file ${rewrite.tempBasePath.split('/').pop()}`);
        try {
          rewrite.finish(preamble);
          return true;
        } catch (e) {
          rewrite.abort();
          h.log.warn(`Background AOF rewrite failed to install its base: ${(e as Error).message}`);
          return false;
        }
      },
      (e: unknown) => {
        rewrite.abort();
        if (e instanceof SnapshotAborted) h.log.warn('Background AOF rewrite terminated by signal 10');
        else h.log.warn(`Background AOF rewrite terminated with error: ${(e as Error).message}`);
        return false;
      },
    );
    this.running = run.finally(() => {
      this.job = null;
      this.running = null;
    });
    return this.running;
  }

  /** Stops a running rewrite (appendonly no, shutdown): the old base and manifest stay valid. */
  abort(): void {
    if (this.job === null) return;
    this.host.log.info(`Killing running AOF rewrite child: ${process.pid}`);
    this.job.abort();
  }

  /** Waits for the running rewrite, if any. */
  async wait(): Promise<boolean> {
    return this.running === null ? true : this.running;
  }

  /** The cron: a scheduled rewrite, or auto-aof-rewrite-percentage / min-size, once nothing else runs. */
  cron(): void {
    const h = this.host;
    if (this.job !== null || h.bgsaveRunning()) return;
    if (this.scheduled) {
      void this.start();
      return;
    }
    const m = h.aof();
    if (m === null) return;
    const perc = h.config.getNumber('auto-aof-rewrite-percentage');
    const size = m.currentSize;
    if (perc <= 0 || size <= h.config.getNumber('auto-aof-rewrite-min-size')) return;
    const base = m.baseSize > 0 ? m.baseSize : 1;
    const growth = Math.floor((size * 100) / base) - 100;
    if (growth >= perc) {
      h.log.info(`Starting automatic rewriting of AOF on ${growth}% growth`);
      void this.start();
    }
  }
}
