/**
 * Loads an RDB file into the engine's databases (rdbLoad): each key is
 * rebuilt with the current encoding limits, keys already expired are
 * skipped and counted, IDLE/FREQ set the access field as the policy reads
 * it. A duplicate key or a database number out of range is a format error.
 */
import fs from 'node:fs';
import type { AccessState } from '../../engine/eviction/access.js';
import type { Database } from '../../engine/keyspace.js';
import { putStringAt } from '../../engine/types/string.js';
import { setAccessFromRdb, storeKey, type LoadLimits } from './rdb-engine.js';
import { RdbFormatError, parseRdbFile, parseRdbFileAsync, type RdbParseResult, type RdbVisitor } from './rdb-load.js';

export interface EngineLoadOptions {
  limits: LoadLimits;
  access: AccessState;
  /** Keys expiring before this (ms) are skipped. */
  nowMs: number;
  /** Verify the trailer (rdbchecksum). */
  checksum: boolean;
  aux?: RdbVisitor['aux'];
  progress?: RdbVisitor['progress'];
}

export interface EngineLoadResult extends RdbParseResult {
  keysLoaded: number;
  keysExpired: number;
}

/** The visitor that stores entries into `dbs`, and its counts. */
function engineVisitor(path: string, dbs: readonly Database[], opts: EngineLoadOptions): { visitor: RdbVisitor; counts: { loaded: number; expired: number } } {
  const counts = { loaded: 0, expired: 0 };
  let db: Database = dbs[0]!;
  const fileSize = fs.statSync(path).size;
  const visitor: RdbVisitor = {
    aux: opts.aux,
    progress: opts.progress,
    selectDb(index, offset) {
      if (index >= dbs.length) {
        throw new RdbFormatError(offset, `FATAL: Data file was created with a Redis server configured to handle more than ${dbs.length} databases. Exiting`);
      }
      db = dbs[index]!;
    },
    resizeDb(size) {
      // A hint: a key takes at least 4 bytes of the file, so a corrupt count cannot make us reserve more than it holds.
      db.reserve(Math.min(size, Math.floor(fileSize / 4)));
    },
    entry(e) {
      // rdbLoad on a master: a key already expired is not created.
      if (e.expireMs !== -1 && e.expireMs < opts.nowMs) {
        counts.expired++;
        return;
      }
      const k = e.key;
      // A key already there is overwritten, which DBSIZE tells (one lookup instead of two).
      const before = db.size;
      const pos = storeKey(db, k, 0, k.length, e.value, opts.limits);
      if (db.size === before) throw new RdbFormatError(e.offset, `Duplicated key '${k.toString('latin1')}' found in RDB file (DB ${e.db})`);
      if (e.expireMs !== -1) db.setExpire(pos, e.expireMs);
      if (e.idle >= 0 || e.freq >= 0) setAccessFromRdb(db, opts.access, pos, e.freq, e.idle);
      counts.loaded++;
    },
    stringEntry(dbIndex, key, ks, ke, value, vs, ve, expireMs, idle, freq, offset) {
      if (expireMs !== -1 && expireMs < opts.nowMs) {
        counts.expired++;
        return;
      }
      const before = db.size;
      const pos = putStringAt(db, key, ks, ke, value, vs, ve);
      if (db.size === before) throw new RdbFormatError(offset, `Duplicated key '${key.toString('latin1', ks, ke)}' found in RDB file (DB ${dbIndex})`);
      if (expireMs !== -1) db.setExpire(pos, expireMs);
      if (idle >= 0 || freq >= 0) setAccessFromRdb(db, opts.access, pos, freq, idle);
      counts.loaded++;
    },
  };
  return { visitor, counts };
}

/** Reads `path` into `dbs` (which should be empty). Throws RdbFormatError, or an fs error when the file cannot be read. */
export function loadRdbIntoDatabases(path: string, dbs: readonly Database[], opts: EngineLoadOptions): EngineLoadResult {
  const { visitor, counts } = engineVisitor(path, dbs, opts);
  const res = parseRdbFile(path, visitor, { checksum: opts.checksum });
  return { ...res, keysLoaded: counts.loaded, keysExpired: counts.expired };
}

/** loadRdbIntoDatabases() awaiting `pause` every few thousand keys (the server serves -LOADING meanwhile). */
export async function loadRdbIntoDatabasesAsync(path: string, dbs: readonly Database[], opts: EngineLoadOptions, pause: () => Promise<void>): Promise<EngineLoadResult> {
  const { visitor, counts } = engineVisitor(path, dbs, opts);
  const res = await parseRdbFileAsync(path, visitor, pause, { checksum: opts.checksum });
  return { ...res, keysLoaded: counts.loaded, keysExpired: counts.expired };
}
