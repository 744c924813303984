/**
 * BGSAVE and the `save <seconds> <changes>` rules, as Redis's
 * rdbSaveBackground() and serverCron() drive them, over BackgroundFile
 * instead of fork(): one background job at a time (a save or an AOF
 * rewrite, as Redis allows one child), a scheduled save runs when the other
 * job ends, and a failed save is retried after 5 s.
 */
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../observability/log.js';
import { BackgroundFile, SnapshotAborted, type SnapshotEncoder } from './background-file.js';
import { parseSaveRules } from './save-rules.js';
import type { PersistenceState } from './state.js';

/** Redis's CONFIG_BGSAVE_RETRY_DELAY: seconds before a failed save is retried by the rules. */
const RETRY_DELAY_S = 5;

/** What the coordinator needs from the server. */
export interface BgsaveHost {
  readonly config: Config;
  readonly engine: Engine;
  readonly log: Logger;
  readonly persistence: PersistenceState;
  /** The server's change counter (server.dirty). */
  changes(): number;
  /** An encoder for an RDB file of the engine, as of now. */
  rdbEncoder(): SnapshotEncoder;
  /** Whether another background job (an AOF rewrite) holds the snapshot. */
  otherJobRunning(): boolean;
}

export class BackgroundSaver {
  private job: BackgroundFile | null = null;
  private running: Promise<boolean> | null = null;
  /** BGSAVE SCHEDULE waiting for the other job to end. */
  scheduled = false;
  /** Unix seconds of the last attempt, for the retry delay. */
  private lastTry = 0;

  constructor(private readonly host: BgsaveHost) {}

  get inProgress(): boolean {
    return this.job !== null;
  }

  /** Keys done and total of the running save (INFO current_save_keys_*). */
  progress(): [number, number] {
    return this.job === null ? [0, 0] : [this.job.keysProcessed, this.job.keysTotal];
  }

  /** BGSAVE [SCHEDULE]: the reply text, an error (starting with ERR) or a status. */
  command(schedule: boolean): { error: boolean; text: string } {
    if (this.job !== null) return { error: true, text: 'ERR Background save already in progress' };
    if (this.host.otherJobRunning()) {
      if (!schedule) {
        return {
          error: true,
          text: "ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.",
        };
      }
      this.scheduled = true;
      return { error: false, text: 'Background saving scheduled' };
    }
    this.start();
    return { error: false, text: 'Background saving started' };
  }

  /**
   * Starts a background save; resolves true once the file is in place, false
   * when it failed or was aborted. The caller checked that nothing else runs.
   */
  start(): Promise<boolean> {
    const h = this.host;
    const dir = h.config.getString('dir');
    const target = join(dir, h.config.getString('dbfilename'));
    const job = new BackgroundFile(h.engine.dbs, h.rdbEncoder(), {
      target,
      // Not SAVE's temp-<pid>.rdb: a SAVE may run while an aborted BGSAVE still lets go of its file.
      temp: join(dir, `temp-bg-${process.pid}.rdb`),
      fsyncEvery: h.config.getBool('rdb-save-incremental-fsync') ? 4 * 1024 * 1024 : 0,
    });
    const st = h.persistence;
    const dirtyAtStart = h.changes();
    const started = Date.now();
    this.job = job;
    this.scheduled = false;
    this.lastTry = Math.floor(started / 1000);
    st.bgsaveStartMs = started;
    h.log.info(`Background saving started by pid ${process.pid}`);
    const run = job.run().then(
      () => {
        st.dirtyAtLastSave = dirtyAtStart;
        st.lastSaveTime = Math.floor(Date.now() / 1000);
        st.lastBgsaveOk = true;
        st.rdbSaves++;
        h.log.info('DB saved on disk');
        h.log.info('Background saving terminated with success');
        return true;
      },
      (e: unknown) => {
        if (e instanceof SnapshotAborted) {
          h.log.warn('Background saving terminated by signal 10');
        } else {
          st.lastBgsaveOk = false;
          h.log.warn(`Write error saving DB on disk: ${(e as Error).message}`);
          h.log.warn('Background saving error');
        }
        return false;
      },
    );
    this.running = run.finally(() => {
      st.saveKeysProcessed = 0;
      st.saveKeysTotal = 0;
      st.lastBgsaveTimeSec = Math.round((Date.now() - started) / 1000);
      st.bgsaveStartMs = 0;
      this.job = null;
      this.running = null;
    });
    return this.running;
  }

  /**
   * Stops a running save at once (FLUSHALL, SHUTDOWN, as Redis kills its
   * child): the walk lets the databases go now, the old file stays, and the
   * temp file is removed in the background.
   */
  abort(): void {
    if (this.job === null) return;
    this.host.log.info(`Killing RDB child: ${process.pid}`);
    this.job.abort();
  }

  /** Waits for the running save, if any; true when there was none or it succeeded. */
  async wait(): Promise<boolean> {
    return this.running === null ? true : this.running;
  }

  private rulesText = '';
  private rulesParsed: readonly { seconds: number; changes: number }[] = [];

  private rules(): readonly { seconds: number; changes: number }[] {
    const v = this.host.config.getString('save');
    if (v !== this.rulesText) {
      this.rulesText = v;
      try {
        this.rulesParsed = parseSaveRules(v);
      } catch {
        this.rulesParsed = [];
      }
    }
    return this.rulesParsed;
  }

  /** Called by the cron: progress for INFO, then a scheduled save or one the `save` rules ask for. */
  cron(nowMs: number): void {
    const st = this.host.persistence;
    if (this.job !== null) {
      st.saveKeysProcessed = this.job.keysProcessed;
      st.saveKeysTotal = this.job.keysTotal;
      return;
    }
    if (this.host.otherJobRunning()) return;
    if (this.scheduled) {
      void this.start();
      return;
    }
    const now = Math.floor(nowMs / 1000);
    const changes = this.host.changes() - st.dirtyAtLastSave;
    for (const rule of this.rules()) {
      if (changes >= rule.changes && now - st.lastSaveTime > rule.seconds && (now - this.lastTry > RETRY_DELAY_S || st.lastBgsaveOk)) {
        this.host.log.info(`${rule.changes} changes in ${rule.seconds} seconds. Saving...`);
        void this.start();
        return;
      }
    }
  }
}
