/**
 * One reading of the server's memory, in Redis's terms (getMemoryOverheadData
 * in object.c), shared by INFO memory, MEMORY STATS and MEMORY DOCTOR so the
 * three always agree.
 *
 * used     what maxmemory limits: item chunks, key tables, values outside
 *          the arena and client buffers (Redis: what zmalloc handed out)
 * active   what that holds: arena pages instead of chunks (allocator_active)
 * rss      the process, V8 heap and runtime included (allocator_resident)
 */
import type { Server } from '../server/server.js';

export interface DbOverhead {
  id: number;
  keys: number;
  /** The key table (Redis: the main dict). */
  main: number;
  /** Expiry fields of volatile keys (Redis: the expires dict). */
  expires: number;
}

export interface MemorySnapshot {
  used: number;
  peak: number;
  startup: number;
  clientsNormal: number;
  dbs: DbOverhead[];
  overhead: number;
  keys: number;
  dataset: number;
  /** used - startup: what the data and clients added. */
  net: number;
  active: number;
  rss: number;
  jsHeap: number;
  external: number;
  /** rss / used (INFO mem_fragmentation_ratio). */
  fragmentation: number;
  /** rss - used (INFO mem_fragmentation_bytes). */
  fragmentationBytes: number;
}

/** Bytes of the f64 expiry field a volatile key's item carries. */
const EXPIRE_FIELD = 8;

export function memorySnapshot(s: Server): MemorySnapshot {
  const m = process.memoryUsage();
  const used = s.engine.usedMemory();
  s.memoryPeak = Math.max(s.memoryPeak, used);
  const clientsNormal = s.clientBuffersBytes();
  const dbs: DbOverhead[] = [];
  let tables = 0;
  let keys = 0;
  let active = clientsNormal;
  s.engine.dbs.forEach((db, id) => {
    tables += db.table.bytes;
    keys += db.size;
    active += db.reservedMemory;
    if (db.size > 0) dbs.push({ id, keys: db.size, main: db.table.bytes, expires: db.volatileCount * EXPIRE_FIELD });
  });
  const overhead = s.memoryStartup + clientsNormal + tables;
  return {
    used,
    peak: s.memoryPeak,
    startup: s.memoryStartup,
    clientsNormal,
    dbs,
    overhead,
    keys,
    dataset: Math.max(0, used - overhead),
    net: used - s.memoryStartup,
    active,
    rss: m.rss,
    jsHeap: m.heapUsed,
    external: m.external,
    fragmentation: ratioOf(m.rss, Math.max(1, used)),
    fragmentationBytes: m.rss - used,
  };
}

/** a / b, 0 when b is 0 (Redis prints 0 rather than inf or nan). */
export function ratioOf(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
