/**
 * The numbers INFO prints and /metrics exports, each computed once here so the
 * two cannot drift: INFO formats them as text, metrics.ts as Prometheus
 * samples. Pure reads of server state; nothing here is on a command's path.
 */
import type { CommandStat } from '../commands/context.js';
import type { LatencyHistogram } from './latency-histogram.js';
import type { Server } from '../server/server.js';

/** Whole seconds since the server started (INFO uptime_in_seconds). */
export function uptimeSeconds(s: Server, now = Date.now()): number {
  return Math.floor((now - s.startTime) / 1000);
}

/** Largest query buffer and unsent output of any client now (INFO client_recent_max_*). */
export function clientBufferPeaks(s: Server): { input: number; output: number } {
  let input = 0;
  let output = 0;
  for (const c of s.clients()) {
    input = Math.max(input, c.parser.queryBufferLength);
    output = Math.max(output, c.socket.writableLength);
  }
  return { input, output };
}

/** One non-empty database of INFO keyspace. */
export interface KeyspaceRow {
  db: number;
  keys: number;
  expires: number;
}

/** The databases holding keys, in index order (INFO keyspace lists only those). */
export function keyspaceRows(s: Server): KeyspaceRow[] {
  const rows: KeyspaceRow[] = [];
  s.engine.dbs.forEach((db, i) => {
    if (db.size > 0) rows.push({ db: i, keys: db.size, expires: db.volatileCount });
  });
  return rows;
}

/** Commands and subcommands that were called, rejected or failed, by full name ("client|list"), table order. */
export function commandStatRows(s: Server): [string, CommandStat][] {
  const used = (st: CommandStat): boolean => st.calls + st.rejected + st.failed > 0;
  return s.table.everyEntry()
    .filter((e) => used(e.stat))
    .map((e) => [e.fullName, e.stat]);
}

/** Commands with a latency histogram (a call recorded since the start or CONFIG RESETSTAT), as INFO latencystats lists them. */
export function commandLatencyRows(s: Server): [string, LatencyHistogram][] {
  const rows: [string, LatencyHistogram][] = [];
  for (const e of s.table.everyEntry()) if (e.latency !== null) rows.push([e.fullName, e.latency]);
  return rows;
}

/** Error reply counts by code (the reply's first word), sorted by code as INFO errorstats prints them. */
export function errorCodeRows(s: Server): [string, number][] {
  return [...s.stats.errorCodes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * INFO tiering's numeric fields after `tiering_enabled:1`, named and ordered
 * as INFO prints them; null with tiering off (INFO leaves the section out).
 * metrics.ts maps every name to a metric, and a test holds it to that.
 */
export function tierFigures(s: Server): Record<string, number> | null {
  const t = s.engine.tier;
  if (t === null) return null;
  const d = t.disk.stats;
  const c = t.counters;
  return {
    tier_keys: t.refs,
    tier_ram_items: t.ramItems,
    tier_ram_bytes: t.ramCompressedBytes,
    tier_inflight_bytes: t.pendingBytes,
    tier_disk_items: d.items,
    tier_disk_bytes: d.liveBytes,
    tier_disk_file_bytes: d.fileBytes,
    tier_disk_segments: t.disk.segmentCount,
    tier_demotions: c.demotions,
    tier_promotions: c.promotions,
    tier_blocking_loads: c.syncLoads,
    tier_spills: c.spills,
    tier_disk_reads: d.reads,
    tier_disk_writes: d.writes,
    tier_disk_bytes_read: d.bytesRead,
    tier_disk_bytes_written: d.bytesWritten,
    tier_compactions: d.compactions,
    tier_disk_evicted_segments: d.evictedSegments,
    tier_disk_evicted_keys: c.diskEvictions,
    tier_disk_rejected: c.diskRejects,
    tier_recovered_keys: c.recovered,
    tier_torn_tails: d.tornTails,
    tier_errors: c.failures,
  };
}
