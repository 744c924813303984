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
import type { PersistenceState } from './state.js';

/** One `save` rule: snapshot after `seconds` when at least `changes` writes happened. */
export interface SaveRule {
  seconds: number;
  changes: number;
}

/** The `save` config value ("3600 1 300 100", "" for none) as rules. */
export function parseSaveRules(v: string): SaveRule[] {
  const words = v.trim().split(/\s+/).filter((w) => w !== '');
  const rules: SaveRule[] = [];
  for (let i = 0; i + 1 < words.length; i += 2) rules.push({ seconds: Number(words[i]), changes: Number(words[i + 1]) });
  return rules;
}

/** Redis's CONFIG_BGSAVE_RETRY_DELAY: seconds before a failed save is retried by the rules. */
const RETRY_DELAY_S = 5;

/** What the coordinator needs from the server. */
export interface BgsaveHost {
  readonly config: Config;
  readonly engine: Engine;
  readonly log: Logger;
  readonly persistence: PersistenceState;
  /** The server's change counter (server.dirty). */
  dirty(): number;
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
      temp: join(dir, `temp-${process.pid}.rdb`),
      fsyncEvery: h.config.getBool('rdb-save-incremental-fsync') ? 4 * 1024 * 1024 : 0,
    });
    const st = h.persistence;
    const dirtyAtStart = h.dirty();
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
      st.lastBgsaveTimeSec = Math.round((Date.now() - started) / 1000);
      st.bgsaveStartMs = 0;
      this.job = null;
      this.running = null;
    });
    return this.running;
  }

  /** Stops a running save (FLUSHALL, SHUTDOWN): the old file stays; resolves once it has let go. */
  async abort(): Promise<void> {
    const running = this.running;
    if (this.job === null || running === null) return;
    this.host.log.info(`Killing RDB child: ${process.pid}`);
    this.job.abort();
    await running;
  }

  /** Waits for the running save, if any; true when there was none or it succeeded. */
  async wait(): Promise<boolean> {
    return this.running === null ? true : this.running;
  }

  /** Called by the cron: starts a scheduled save or one the `save` rules ask for. */
  cron(nowMs: number): void {
    if (this.job !== null || this.host.otherJobRunning()) return;
    if (this.scheduled) {
      void this.start();
      return;
    }
    const st = this.host.persistence;
    const now = Math.floor(nowMs / 1000);
    const changes = this.host.dirty() - st.dirtyAtLastSave;
    for (const rule of parseSaveRules(this.host.config.getString('save'))) {
      if (changes >= rule.changes && now - st.lastSaveTime > rule.seconds && (now - this.lastTry > RETRY_DELAY_S || st.lastBgsaveOk)) {
        this.host.log.info(`${rule.changes} changes in ${rule.seconds} seconds. Saving...`);
        void this.start();
        return;
      }
    }
  }
}
