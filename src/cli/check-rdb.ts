/**
 * `nencache check-rdb <file>`: reads an RDB file as the server would (every
 * opcode, every value decoded, the checksum verified) without storing
 * anything, and prints a summary in redis-check-rdb's style. Exit status 0
 * when the file is sound, 1 with the offset of the first problem otherwise.
 */
import fs from 'node:fs';
import { RdbFormatError, parseRdbFile, type RdbEntry } from '../persistence/rdb/rdb-load.js';

/** The type name of an RDB type byte (as redis-check-rdb's rdb_type_string). */
const TYPE_NAMES: Record<number, string> = {
  0: 'string', 1: 'list-linked', 2: 'set-hashtable', 3: 'zset-v1', 4: 'hash-hashtable', 5: 'zset-v2',
  9: 'hash-zipmap', 10: 'list-ziplist', 11: 'set-intset', 12: 'zset-ziplist', 13: 'hash-ziplist',
  14: 'quicklist', 16: 'hash-listpack', 17: 'zset-listpack', 18: 'quicklist-v2',
};

/** Where the check writes: stdout lines, and a progress bar on a TTY. */
export interface CheckOutput {
  out(line: string): void;
  /** Null when stderr is not a terminal (no bar). */
  bar: ((loaded: number, total: number) => void) | null;
  clearBar(): void;
}

/** A hand-drawn progress bar on one stderr line, redrawn at most every 1 %. */
function terminalBar(): Pick<CheckOutput, 'bar' | 'clearBar'> {
  if (!process.stderr.isTTY) return { bar: null, clearBar: () => {} };
  let last = -1;
  return {
    bar(loaded, total) {
      const perc = total > 0 ? Math.floor((loaded / total) * 100) : 100;
      if (perc === last) return;
      last = perc;
      const width = 40;
      const full = Math.round((perc / 100) * width);
      process.stderr.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(perc).padStart(3)}% ${loaded}/${total} bytes`);
    },
    clearBar() {
      if (last >= 0) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Checks `file`; returns the exit status (0 sound, 1 not). */
export function checkRdb(file: string, output?: CheckOutput): number {
  const o = output ?? { out: (l: string) => console.log(l), ...terminalBar() };
  const perDb = new Map<number, { keys: number; expires: number }>();
  const perType = new Map<string, number>();
  let keys = 0;
  let expires = 0;
  let expired = 0;
  const now = Date.now();
  o.out(`[offset 0] Checking RDB file ${file}`);
  try {
    if (!fs.existsSync(file)) throw new Error(`Cannot check RDB that is not a file: ${file}`);
    const res = parseRdbFile(file, {
      aux(key, value, offset) {
        o.out(`[offset ${offset}] AUX FIELD ${key} = '${value}'`);
      },
      selectDb(index, offset) {
        o.out(`[offset ${offset}] Selecting DB ID ${index}`);
      },
      entry(e: RdbEntry) {
        keys++;
        const d = perDb.get(e.db) ?? { keys: 0, expires: 0 };
        d.keys++;
        if (e.expireMs !== -1) {
          d.expires++;
          expires++;
          if (e.expireMs < now) expired++;
        }
        perDb.set(e.db, d);
        const t = TYPE_NAMES[e.type] ?? `type-${e.type}`;
        perType.set(t, (perType.get(t) ?? 0) + 1);
      },
      progress: o.bar ?? undefined,
    });
    o.clearBar();
    const sum = res.checksum === 'ok' ? 'Checksum OK' : res.checksum === 'zero' ? 'RDB file was saved with checksum disabled: no check performed.' : 'No checksum (RDB version < 5)';
    o.out(`[offset ${res.bytes}] ${sum}`);
    o.out(`[offset ${res.bytes}] \\o/ RDB looks OK! \\o/`);
    summary(o, keys, expires, expired, perDb, perType);
    return 0;
  } catch (e) {
    o.clearBar();
    o.out('--- RDB ERROR DETECTED ---');
    if (e instanceof RdbFormatError) o.out(`[offset ${e.offset}] ${e.reason}`);
    else o.out(`[offset 0] ${(e as Error).message}`);
    summary(o, keys, expires, expired, perDb, perType);
    return 1;
  }
}

function summary(
  o: CheckOutput, keys: number, expires: number, expired: number,
  perDb: Map<number, { keys: number; expires: number }>, perType: Map<string, number>,
): void {
  o.out(`[info] ${keys} keys read`);
  o.out(`[info] ${expires} expires`);
  o.out(`[info] ${expired} already expired`);
  for (const [db, d] of [...perDb].sort((a, b) => a[0] - b[0])) o.out(`[info] db${db}: ${d.keys} keys, ${d.expires} expires`);
  for (const [t, n] of [...perType].sort()) o.out(`[info] ${t}: ${n} keys`);
}
