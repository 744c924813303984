/**
 * The server's RDB duties, between the config and the file code in ./rdb/:
 * SAVE (synchronous, crash-safe), loading dir/dbfilename at startup and
 * DEBUG RELOAD, with Redis's log lines and PersistenceState kept current.
 * Knows no sockets; the Server passes itself as the host.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Engine } from '../engine/engine.js';
import { intsetLimit } from '../engine/types/set.js';
import type { Logger } from '../observability/log.js';
import { accessFieldFor, type RdbFileOptions } from './rdb/rdb-file.js';
import { loadRdbIntoDatabases, loadRdbIntoDatabasesAsync, type EngineLoadOptions, type EngineLoadResult } from './rdb/rdb-engine-load.js';
import type { LoadLimits } from './rdb/rdb-engine.js';
import { RdbFormatError } from './rdb/rdb-load.js';
import { RdbSaveError, saveDatabasesSync } from './rdb/rdb-save.js';
import { parseSaveRules } from './save-rules.js';
import type { LoadingState, PersistenceState } from './state.js';

/** What the RDB duties need from the server. */
export interface RdbHost {
  readonly engine: Engine;
  readonly config: Config;
  readonly log: Logger;
  readonly persistence: PersistenceState;
  readonly stats: { dirty: number };
}

/** A file that could not be loaded; the message names the file, the offset and the command to check it. */
export class RdbLoadError extends Error {}

/** dir/dbfilename. */
export function rdbFilePath(config: Config): string {
  return path.join(config.getString('dir'), config.getString('dbfilename'));
}

/** Whether `save` has rules (SHUTDOWN and FLUSHALL then save, as Redis's saveparamslen > 0). */
export function hasSaveRules(config: Config): boolean {
  try {
    return parseSaveRules(config.getString('save')).length > 0;
  } catch {
    return false;
  }
}

/** The writer's options from the config (rdbcompression, rdbchecksum, maxmemory-policy...). */
export function rdbFileOptions(host: RdbHost): RdbFileOptions {
  const c = host.config;
  return {
    compress: c.getBool('rdbcompression'),
    checksum: c.getBool('rdbchecksum'),
    access: accessFieldFor(c.getString('maxmemory-policy')),
    accessState: host.engine.stats,
    listFill: c.getNumber('list-max-listpack-size'),
    usedMem: host.engine.usedMemory(),
  };
}

/** The encoding limits a load rebuilds keys with. */
export function loadLimitsFromConfig(c: Config): LoadLimits {
  return {
    listFill: c.getNumber('list-max-listpack-size'),
    setMaxIntset: intsetLimit(c.getNumber('set-max-intset-entries')),
    hash: { maxEntries: c.getNumber('hash-max-listpack-entries'), maxValue: c.getNumber('hash-max-listpack-value') },
    zsetEntries: c.getNumber('zset-max-listpack-entries'),
    zsetValue: c.getNumber('zset-max-listpack-value'),
  };
}

/**
 * rdbSave(): writes every key to dir/dbfilename now. On success the save
 * time and counters move (`keepDirty`: not the change count, as FLUSHALL's
 * save); on failure Redis's messages are logged and the old file stays.
 */
export function rdbSaveSync(host: RdbHost, keepDirty = false): boolean {
  const p = host.persistence;
  const target = rdbFilePath(host.config);
  const start = Date.now();
  p.saveKeysTotal = host.engine.totalKeys();
  p.saveKeysProcessed = 0;
  try {
    saveDatabasesSync(target, host.engine.dbs, rdbFileOptions(host), start, () => p.saveKeysProcessed++);
  } catch (e) {
    const dir = host.config.getString('dir');
    if (e instanceof RdbSaveError && e.step === 'open') {
      host.log.warn(`Failed opening the temp RDB file ${path.basename(e.tmpFile)} (in server root dir ${dir}) for saving: ${e.cause.message}`);
    } else if (e instanceof RdbSaveError && e.step === 'rename') {
      host.log.warn(`Error moving temp DB file ${path.basename(e.tmpFile)} on the final destination ${target} (in server root dir ${dir}): ${e.cause.message}`);
    } else {
      host.log.warn(`Write error saving DB on disk: ${(e as Error).message}`);
    }
    return false;
  } finally {
    p.saveKeysTotal = 0;
    p.saveKeysProcessed = 0;
  }
  host.log.info('DB saved on disk');
  if (!keepDirty) p.dirtyAtLastSave = host.stats.dirty;
  p.lastSaveTime = Math.floor(Date.now() / 1000);
  p.lastBgsaveOk = true;
  p.rdbSaves++;
  return true;
}

/** The loader's options for `host`, logging the AUX fields as Redis does and updating the loading progress. */
function loadOptions(host: RdbHost, start: number): EngineLoadOptions {
  const log = host.log;
  const p = host.persistence;
  return {
    limits: loadLimitsFromConfig(host.config),
    access: host.engine.stats,
    nowMs: host.engine.clock.now(),
    checksum: host.config.getBool('rdbchecksum'),
    aux(key, value) {
      if (key === 'redis-ver') log.info(`Loading RDB produced by version ${value}`);
      else if (key === 'ctime') log.info(`RDB age ${Math.max(0, Math.floor(start / 1000) - Number(value))} seconds`);
      else if (key === 'used-mem') log.info(`RDB memory usage when created ${(Number(value) / (1024 * 1024)).toFixed(2)} Mb`);
      else if (!['redis-bits', 'aof-base', 'repl-stream-db', 'repl-id', 'repl-offset', 'lua', 'aof-preamble'].includes(key)) {
        log.debug(`Unrecognized RDB AUX field: '${key}'`);
      }
    },
    progress(loaded) {
      if (p.loading !== null) p.loading.loadedBytes = loaded;
    },
  };
}

/** Starts the loading progress; returns the progress it replaces (an AOF's, for its RDB preamble). */
function beginLoading(host: RdbHost, file: string, start: number): LoadingState | null {
  let total = 0;
  try {
    total = fs.statSync(file).size;
  } catch {
    // Reported by the load itself.
  }
  const outer = host.persistence.loading;
  host.persistence.loading = { startTime: Math.floor(start / 1000), totalBytes: total, loadedBytes: 0 };
  return outer;
}

function loaded(host: RdbHost, res: EngineLoadResult): EngineLoadResult {
  if (res.checksum === 'zero') host.log.info('RDB file was saved with checksum disabled: no check performed.');
  host.log.info(`Done loading RDB, keys loaded: ${res.keysLoaded}, keys expired: ${res.keysExpired}.`);
  host.persistence.lastLoadKeysLoaded = res.keysLoaded;
  host.persistence.lastLoadKeysExpired = res.keysExpired;
  return res;
}

function loadFailed(host: RdbHost, file: string, e: unknown): RdbLoadError {
  if (e instanceof RdbFormatError) {
    host.log.warn(`Internal error in RDB reading offset ${e.offset}, file ${file} -> ${e.reason}`);
    return new RdbLoadError(`Bad RDB file ${file} at offset ${e.offset}: ${e.reason}. Check it with: nencache check-rdb ${file}`);
  }
  return new RdbLoadError(`Fatal error loading the DB ${file}: ${(e as Error).message}`);
}

/**
 * rdbLoad(): reads `file` into the (empty) engine, logging as Redis does and
 * showing progress in PersistenceState.loading. Throws RdbLoadError.
 */
export function rdbLoadFile(host: RdbHost, file: string): EngineLoadResult {
  const start = Date.now();
  const outer = beginLoading(host, file, start);
  try {
    return loaded(host, loadRdbIntoDatabases(file, host.engine.dbs, loadOptions(host, start)));
  } catch (e) {
    throw loadFailed(host, file, e);
  } finally {
    host.persistence.loading = outer;
  }
}

/** rdbLoadFile() that awaits `pause` every few thousand keys, so clients get -LOADING meanwhile. */
export async function rdbLoadFileAsync(host: RdbHost, file: string, pause: () => Promise<void>): Promise<EngineLoadResult> {
  const start = Date.now();
  const outer = beginLoading(host, file, start);
  try {
    return loaded(host, await loadRdbIntoDatabasesAsync(file, host.engine.dbs, loadOptions(host, start), pause));
  } catch (e) {
    throw loadFailed(host, file, e);
  } finally {
    host.persistence.loading = outer;
  }
}

/**
 * The RDB preamble of an AOF file (rdbLoadRio with RDBFLAGS_AOF_PREAMBLE):
 * loaded in steps like rdbLoadFileAsync(), but inside the AOF's loading
 * progress (`progress` gets this file's bytes read) rather than its own.
 * Returns the offset just past the RDB, where the AOF tail starts.
 */
export async function rdbLoadAofPreambleAsync(host: RdbHost, file: string, pause: () => Promise<void>, progress: (loaded: number) => void): Promise<number> {
  const opts = { ...loadOptions(host, Date.now()), progress };
  try {
    return loaded(host, await loadRdbIntoDatabasesAsync(file, host.engine.dbs, opts, pause)).bytes;
  } catch (e) {
    throw loadFailed(host, file, e);
  }
}

/**
 * loadDataFromDisk(): at startup, with appendonly no, dir/dbfilename if it
 * exists, while the server already answers (-LOADING for most commands, as
 * Redis). Throws RdbLoadError (the server must then not start).
 */
export async function loadDataAtStartup(host: RdbHost, pause: () => Promise<void>): Promise<void> {
  if (host.config.getBool('appendonly')) return;
  const file = rdbFilePath(host.config);
  if (!fs.existsSync(file)) return;
  const start = process.hrtime.bigint();
  try {
    await rdbLoadFileAsync(host, file, pause);
  } catch (e) {
    host.log.warn('Terminating server after rdb file reading failure.');
    throw e;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  host.log.info(`DB loaded from disk: ${secs.toFixed(3)} seconds`);
}

/** DEBUG RELOAD: save (unless `save` is false), empty every database, load the file back. An error text on failure. */
export function debugReload(host: RdbHost, save = true): string | null {
  // DEBUG runs while loading (its 'loading' flag), but a reload then would
  // save a partial dataset and race the load still being applied.
  if (host.persistence.loading !== null) return 'LOADING Redis is loading the dataset in memory';
  // Redis answers a failed save with its bare shared.err.
  if (save && !rdbSaveSync(host)) return 'ERR';
  host.engine.flushAll();
  try {
    rdbLoadFile(host, rdbFilePath(host.config));
  } catch {
    return 'ERR Error trying to load the RDB dump, check server logs.';
  }
  host.log.warn('DB reloaded by DEBUG RELOAD');
  return null;
}
