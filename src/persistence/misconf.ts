/**
 * Redis's writeCommandsDeniedByDiskError(): write commands (and PING) are
 * refused with -MISCONF while the last background save failed (with
 * stop-writes-on-bgsave-error and save rules set) or the AOF cannot be
 * written or fsynced. Dispatch calls this only when one of the flags is down.
 */
import type { Config } from '../config/config.js';
import type { PersistenceState } from './state.js';

/** shared.bgsaveerr, without the leading '-' and CRLF. */
export const MISCONF_RDB =
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

/** The error text refusing writes now, or null when writes are allowed. */
export function diskErrorText(ps: PersistenceState, config: Config): string | null {
  if (!ps.lastBgsaveOk && config.getBool('stop-writes-on-bgsave-error') && config.getString('save').trim() !== '') return MISCONF_RDB;
  if (ps.aofEnabled && !ps.aofLastWriteOk) return `MISCONF Errors writing to the AOF file: ${ps.aofLastWriteError}`;
  return null;
}
