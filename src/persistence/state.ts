/**
 * What INFO persistence, LASTSAVE and the MISCONF check read about snapshots,
 * the append-only file and loading. The RDB and AOF code own the fields they
 * update; this file only holds them and prints them in Redis 7.0's order.
 */

/** Loading progress while a file is being read at startup (or DEBUG RELOAD). */
export interface LoadingState {
  /** Unix seconds when loading started. */
  startTime: number;
  totalBytes: number;
  loadedBytes: number;
}

export class PersistenceState {
  /** Non-null while a file loads. */
  loading: LoadingState | null = null;
  /** Keys processed / total of the running save (INFO current_save_keys_*). */
  saveKeysProcessed = 0;
  saveKeysTotal = 0;

  /** Unix seconds of the last successful save (LASTSAVE); the start time until the first. */
  lastSaveTime = Math.floor(Date.now() / 1000);
  /** ms since the epoch when the running BGSAVE started, 0 when none runs. */
  bgsaveStartMs = 0;
  lastBgsaveOk = true;
  lastBgsaveTimeSec = -1;
  rdbSaves = 0;
  lastLoadKeysLoaded = 0;
  lastLoadKeysExpired = 0;
  /** Changes (server.dirty) since the last save. */
  dirtyAtLastSave = 0;

  aofEnabled = false;
  /** ms since the epoch when the running rewrite started, 0 when none runs. */
  aofRewriteStartMs = 0;
  aofRewriteScheduled = false;
  aofLastRewriteTimeSec = -1;
  aofLastBgrewriteOk = true;
  aofRewrites = 0;
  aofRewritesConsecutiveFailures = 0;
  aofLastWriteOk = true;
  /** strerror() of the failed AOF write or fsync while aofLastWriteOk is false (the MISCONF text). */
  aofLastWriteError = '';
  /** Extra lines (aof_current_size and friends) printed when the AOF is on. */
  aofDetails: () => string[] = () => [];

  /** Changes since the last save, given the server's change counter (INFO rdb_changes_since_last_save). */
  changesSinceSave(dirty: number): number {
    return dirty - this.dirtyAtLastSave;
  }
  /** A BGSAVE runs (INFO rdb_bgsave_in_progress). */
  get bgsaveInProgress(): boolean {
    return this.bgsaveStartMs > 0;
  }
  /** An AOF rewrite runs (INFO aof_rewrite_in_progress). */
  get aofRewriteInProgress(): boolean {
    return this.aofRewriteStartMs > 0;
  }

  /** The INFO persistence lines; `dirty` is the server's change counter. */
  infoLines(dirty: number, now = Date.now()): string[] {
    const ld = this.loading;
    const elapsed = (start: number): number => (start > 0 ? Math.floor((now - start) / 1000) : -1);
    const lines = [
      `loading:${ld !== null ? 1 : 0}`,
      'async_loading:0',
      'current_cow_peak:0',
      'current_cow_size:0',
      'current_cow_size_age:0',
      'current_fork_perc:0.00',
      `current_save_keys_processed:${this.saveKeysProcessed}`,
      `current_save_keys_total:${this.saveKeysTotal}`,
    ];
    if (ld !== null) {
      const perc = ld.totalBytes > 0 ? (ld.loadedBytes / ld.totalBytes) * 100 : 0;
      const secs = Math.max(1, Math.floor(now / 1000) - ld.startTime);
      const rate = ld.loadedBytes / secs;
      const eta = rate > 0 ? Math.floor((ld.totalBytes - ld.loadedBytes) / rate) : 1;
      lines.push(
        `loading_start_time:${ld.startTime}`,
        `loading_total_bytes:${ld.totalBytes}`,
        'loading_rdb_used_mem:0',
        `loading_loaded_bytes:${ld.loadedBytes}`,
        `loading_loaded_perc:${perc.toFixed(2)}`,
        `loading_eta_seconds:${eta}`,
      );
    }
    lines.push(
      `rdb_changes_since_last_save:${this.changesSinceSave(dirty)}`,
      `rdb_bgsave_in_progress:${this.bgsaveInProgress ? 1 : 0}`,
      `rdb_last_save_time:${this.lastSaveTime}`,
      `rdb_last_bgsave_status:${this.lastBgsaveOk ? 'ok' : 'err'}`,
      `rdb_last_bgsave_time_sec:${this.lastBgsaveTimeSec}`,
      `rdb_current_bgsave_time_sec:${elapsed(this.bgsaveStartMs)}`,
      `rdb_saves:${this.rdbSaves}`,
      'rdb_last_cow_size:0',
      `rdb_last_load_keys_expired:${this.lastLoadKeysExpired}`,
      `rdb_last_load_keys_loaded:${this.lastLoadKeysLoaded}`,
      `aof_enabled:${this.aofEnabled ? 1 : 0}`,
      `aof_rewrite_in_progress:${this.aofRewriteInProgress ? 1 : 0}`,
      `aof_rewrite_scheduled:${this.aofRewriteScheduled ? 1 : 0}`,
      `aof_last_rewrite_time_sec:${this.aofLastRewriteTimeSec}`,
      `aof_current_rewrite_time_sec:${elapsed(this.aofRewriteStartMs)}`,
      `aof_last_bgrewrite_status:${this.aofLastBgrewriteOk ? 'ok' : 'err'}`,
      `aof_rewrites:${this.aofRewrites}`,
      `aof_rewrites_consecutive_failures:${this.aofRewritesConsecutiveFailures}`,
      `aof_last_write_status:${this.aofLastWriteOk ? 'ok' : 'err'}`,
      'aof_last_cow_size:0',
      'module_fork_in_progress:0',
      'module_fork_last_cow_size:0',
    );
    if (this.aofEnabled) lines.push(...this.aofDetails());
    return lines;
  }
}
