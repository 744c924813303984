/**
 * Prometheus metrics of one server, computed at scrape time from the same
 * figures INFO prints (./figures.ts, ./memory-report.ts, PersistenceState):
 * each server owns a private prom-client Registry whose metrics fill
 * themselves in collect(), so commands pay nothing. Counters follow INFO
 * through CONFIG RESETSTAT (Prometheus reads the drop as a counter reset).
 */
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { Server } from '../server/server.js';
import { SubKind, type CommandStat } from '../commands/context.js';
import { memorySnapshot, type MemorySnapshot } from './memory-report.js';
import { clientBufferPeaks, commandStatRows, errorCodeRows, keyspaceRows, tierFigures, uptimeSeconds, type KeyspaceRow } from './figures.js';

/** Everything one scrape reads, taken once so metrics of one scrape agree with each other. */
interface Scrape {
  now: number;
  mem: MemorySnapshot;
  peaks: { input: number; output: number };
  keyspace: KeyspaceRow[];
  commands: [string, CommandStat][];
  tier: Record<string, number> | null;
}

type Kind = 'gauge' | 'counter';
/** Label value -> sample value, for metrics with one label. */
type Rows = Iterable<readonly [string, number]>;

/**
 * INFO tiering field -> [metric, kind, help, tier label]. Every field
 * tierFigures() prints has a row (a test checks it). INFO's tier_ram_* are
 * the compressed-RAM tier; values still plain in RAM are the keyspace itself.
 */
export const TIER_METRICS: Record<string, readonly [string, Kind, string, string?]> = {
  tier_keys: ['tier_keys', 'gauge', 'Keys whose value lives in a tier (compressed RAM, in flight or disk).'],
  tier_ram_items: ['tier_items', 'gauge', 'Values held by each tier.', 'compressed'],
  tier_ram_bytes: ['tier_bytes', 'gauge', 'Bytes of the values held by each tier (compressed size in RAM, record size on disk).', 'compressed'],
  tier_inflight_bytes: ['tier_inflight_bytes', 'gauge', 'Bytes being compressed or written to disk.'],
  tier_disk_items: ['tier_items', 'gauge', '', 'disk'],
  tier_disk_bytes: ['tier_bytes', 'gauge', '', 'disk'],
  tier_disk_file_bytes: ['tier_disk_file_bytes', 'gauge', 'Bytes of the disk tier segment files, dead records included.'],
  tier_disk_segments: ['tier_disk_segments', 'gauge', 'Open disk tier segment files.'],
  tier_demotions: ['tier_demotions_total', 'counter', 'Values demoted from RAM into a tier instead of being evicted.'],
  tier_promotions: ['tier_promotions_total', 'counter', 'Values brought back from a tier into RAM.'],
  tier_blocking_loads: ['tier_blocking_loads_total', 'counter', 'Values read back synchronously, holding the event loop.'],
  tier_spills: ['tier_spills_total', 'counter', 'Compressed values moved from RAM to disk over the compressed-RAM budget.'],
  tier_disk_reads: ['tier_disk_reads_total', 'counter', 'Records read from the disk tier.'],
  tier_disk_writes: ['tier_disk_writes_total', 'counter', 'Records written to the disk tier.'],
  tier_disk_bytes_read: ['tier_disk_read_bytes_total', 'counter', 'Bytes read from the disk tier.'],
  tier_disk_bytes_written: ['tier_disk_written_bytes_total', 'counter', 'Bytes written to the disk tier.'],
  tier_compactions: ['tier_compactions_total', 'counter', 'Disk tier segments compacted.'],
  tier_disk_evicted_segments: ['tier_disk_evicted_segments_total', 'counter', 'Disk tier segments dropped over tier-disk-max.'],
  tier_disk_evicted_keys: ['tier_disk_evicted_keys_total', 'counter', 'Keys lost with segments dropped over tier-disk-max.'],
  tier_disk_rejected: ['tier_disk_rejected_total', 'counter', 'Values the disk tier refused (over its budget): evicted instead.'],
  tier_recovered_keys: ['tier_recovered_keys_total', 'counter', 'Keys rebuilt from disk tier segments at start.'],
  tier_torn_tails: ['tier_torn_tails_total', 'counter', 'Segments found with a torn last record at start.'],
  tier_errors: ['tier_errors_total', 'counter', 'Tier I/O or codec failures.'],
};

/** prom-client's Node process metrics, made once per process (they observe the process, not a server). */
let processMetrics: Metric[] | null = null;

function sharedProcessMetrics(): Metric[] {
  if (processMetrics === null) {
    const r = new Registry();
    collectDefaultMetrics({ register: r, prefix: 'nencache_' });
    // getMetricsAsArray() returns the metric instances (its declared type is the JSON shape).
    processMetrics = r.getMetricsAsArray() as unknown as Metric[];
  }
  return processMetrics;
}

/** One server's registry and the scrape that fills it. */
export class ServerMetrics {
  private readonly registry = new Registry();
  private current: Scrape | null = null;

  constructor(private readonly s: Server) {
    this.defineServer();
    this.defineMemory();
    this.definePersistence();
    this.defineKeyspace();
    if (s.engine.tier !== null) this.defineTiering();
    for (const m of sharedProcessMetrics()) this.registry.registerMetric(m);
  }

  /** Content-Type of scrape()'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of every metric, read now. */
  async scrape(): Promise<string> {
    this.current = this.read();
    // The collect() callbacks run synchronously inside metrics(), before its first await.
    const text = this.registry.metrics();
    this.current = null;
    return text;
  }

  private read(): Scrape {
    const s = this.s;
    return {
      now: Date.now(),
      mem: memorySnapshot(s),
      peaks: clientBufferPeaks(s),
      keyspace: keyspaceRows(s),
      commands: commandStatRows(s),
      tier: tierFigures(s),
    };
  }

  private snap(): Scrape {
    return this.current ?? this.read();
  }

  /** A metric without labels. */
  private one(kind: Kind, name: string, help: string, value: (x: Scrape) => number): void {
    const snap = (): Scrape => this.snap();
    const cfg = { name: `nencache_${name}`, help, registers: [this.registry] };
    if (kind === 'gauge') {
      new Gauge({ ...cfg, collect() { this.set(value(snap())); } });
    } else {
      new Counter({ ...cfg, collect() { this.reset(); this.inc(value(snap())); } });
    }
  }

  /** A metric with one label; only the rows given this scrape are exported. */
  private rows(kind: Kind, name: string, help: string, label: string, rows: (x: Scrape) => Rows): void {
    const snap = (): Scrape => this.snap();
    const cfg = { name: `nencache_${name}`, help, labelNames: [label], registers: [this.registry] };
    if (kind === 'gauge') {
      new Gauge({ ...cfg, collect() { this.reset(); for (const [l, v] of rows(snap())) this.set({ [label]: l }, v); } });
    } else {
      new Counter({ ...cfg, collect() { this.reset(); for (const [l, v] of rows(snap())) this.inc({ [label]: l }, v); } });
    }
  }

  private defineServer(): void {
    const s = this.s;
    const st = (): typeof s.stats => s.stats;
    this.one('gauge', 'uptime_seconds', 'Seconds since the server started (INFO uptime_in_seconds).', (x) => uptimeSeconds(s, x.now));
    this.one('gauge', 'connected_clients', 'Client connections, excluding replicas (INFO connected_clients).', () => s.clientCount());
    this.one('gauge', 'blocked_clients', 'Clients waiting in a blocking command or on a tier read (INFO blocked_clients).', () => s.blocking.count);
    this.one('gauge', 'maxclients', 'The maxclients setting.', () => s.config.getNumber('maxclients'));
    this.one('gauge', 'client_recent_max_input_buffer_bytes', 'Largest client query buffer now.', (x) => x.peaks.input);
    this.one('gauge', 'client_recent_max_output_buffer_bytes', 'Largest unsent client output now.', (x) => x.peaks.output);
    this.one('counter', 'connections_received_total', 'Connections accepted (INFO total_connections_received).', () => st().totalConnections);
    this.one('counter', 'rejected_connections_total', 'Connections refused by maxclients or protected mode.', () => st().rejectedConnections);
    this.one('counter', 'commands_processed_total', 'Commands run (INFO total_commands_processed).', () => st().totalCommands);
    this.one('gauge', 'instantaneous_ops_per_sec', 'Commands per second over the last samples.', () => s.opsPerSec);
    this.one('counter', 'net_input_bytes_total', 'Bytes read from clients.', () => st().netInputBytes);
    this.one('counter', 'net_output_bytes_total', 'Bytes written to clients.', () => st().netOutputBytes);
    this.one('counter', 'error_replies_total', 'Error replies sent (INFO total_error_replies).', () => st().totalErrorReplies);
    this.rows('counter', 'errors_total', 'Error replies by code, the first word of the reply (INFO errorstats).', 'code', () => errorCodeRows(s));
    this.one('gauge', 'pubsub_channels', 'Channels with subscribers.', () => s.pubsubRegistry.count(SubKind.CHANNEL));
    this.one('gauge', 'pubsub_patterns', 'Patterns with subscribers.', () => s.pubsubRegistry.count(SubKind.PATTERN));
    this.one('gauge', 'pubsubshard_channels', 'Shard channels with subscribers.', () => s.pubsubRegistry.count(SubKind.SHARD));
    this.one('counter', 'keyspace_hits_total', 'Key lookups that found the key.', () => s.engine.stats.hits);
    this.one('counter', 'keyspace_misses_total', 'Key lookups that did not find the key.', () => s.engine.stats.misses);
    this.one('counter', 'expired_keys_total', 'Keys removed because their TTL passed.', () => s.engine.stats.expiredKeys);
    this.one('counter', 'evicted_keys_total', 'Keys evicted under maxmemory.', () => s.engine.eviction.evictedKeys);
    this.one('counter', 'expire_cycle_cpu_seconds_total', 'Time spent in the active expire cycle.', () => s.engine.expireCycleMs / 1000);
    const cmds = (f: (c: CommandStat) => number) => (x: Scrape): Rows => x.commands.map(([name, c]) => [name, f(c)] as const);
    this.rows('counter', 'commands_total', 'Calls by command (INFO commandstats calls).', 'cmd', cmds((c) => c.calls));
    this.rows('counter', 'commands_duration_seconds_total', 'Time spent in each command (INFO commandstats usec).', 'cmd', cmds((c) => c.usec / 1e6));
    this.rows('counter', 'commands_rejected_calls_total', 'Calls refused before running (arity, ACL, OOM...).', 'cmd', cmds((c) => c.rejected));
    this.rows('counter', 'commands_failed_calls_total', 'Calls that ran and answered an error.', 'cmd', cmds((c) => c.failed));
  }

  private defineMemory(): void {
    const mem = (name: string, help: string, v: (m: MemorySnapshot) => number): void => this.one('gauge', name, help, (x) => v(x.mem));
    mem('memory_used_bytes', 'Memory counted against maxmemory (INFO used_memory).', (m) => m.used);
    mem('memory_rss_bytes', 'Resident set size of the process (INFO used_memory_rss).', (m) => m.rss);
    mem('memory_peak_bytes', 'Highest used memory seen (INFO used_memory_peak).', (m) => m.peak);
    mem('memory_startup_bytes', 'Used memory of the empty server (INFO used_memory_startup).', (m) => m.startup);
    mem('memory_overhead_bytes', 'Used memory that is not data: key tables, client buffers, startup.', (m) => m.overhead);
    mem('memory_dataset_bytes', 'Used memory minus overhead (INFO used_memory_dataset).', (m) => m.dataset);
    mem('memory_allocator_active_bytes', 'Arena pages holding the data (INFO allocator_active).', (m) => m.active);
    mem('memory_clients_normal_bytes', 'Client buffers (INFO mem_clients_normal).', (m) => m.clientsNormal);
    mem('memory_fragmentation_ratio', 'RSS over used memory (INFO mem_fragmentation_ratio).', (m) => m.fragmentation);
    mem('memory_fragmentation_bytes', 'RSS minus used memory (INFO mem_fragmentation_bytes).', (m) => m.fragmentationBytes);
    this.one('gauge', 'memory_max_bytes', 'The maxmemory setting; 0 means no limit.', () => this.s.config.getNumber('maxmemory'));
    this.one('counter', 'maxmemory_pressure_events_total', 'Times used memory went above 90% of maxmemory.', () => this.s.engine.eviction.pressureEvents);
  }

  private definePersistence(): void {
    const s = this.s;
    const p = s.persistence;
    const flag = (b: boolean): number => (b ? 1 : 0);
    this.one('gauge', 'loading', '1 while a dataset loads at start (INFO loading).', () => flag(p.loading !== null));
    this.one('gauge', 'rdb_changes_since_last_save', 'Writes since the last snapshot.', () => p.changesSinceSave(s.stats.dirty));
    this.one('gauge', 'rdb_bgsave_in_progress', '1 while a BGSAVE runs.', () => flag(p.bgsaveInProgress));
    this.one('gauge', 'rdb_last_save_timestamp_seconds', 'Unix time of the last successful save (LASTSAVE).', () => p.lastSaveTime);
    this.one('gauge', 'rdb_last_bgsave_status', '1 when the last BGSAVE succeeded, 0 when it failed.', () => flag(p.lastBgsaveOk));
    this.one('gauge', 'rdb_last_bgsave_duration_seconds', 'Duration of the last BGSAVE; -1 before the first.', () => p.lastBgsaveTimeSec);
    this.one('counter', 'rdb_saves_total', 'Snapshots written since start.', () => p.rdbSaves);
    this.one('gauge', 'aof_enabled', '1 while appendonly is yes.', () => flag(p.aofEnabled));
    this.one('gauge', 'aof_rewrite_in_progress', '1 while an AOF rewrite runs.', () => flag(p.aofRewriteInProgress));
    this.one('gauge', 'aof_rewrite_scheduled', '1 when a rewrite waits for a running save.', () => flag(p.aofRewriteScheduled));
    this.one('gauge', 'aof_last_bgrewrite_status', '1 when the last AOF rewrite succeeded, 0 when it failed.', () => flag(p.aofLastBgrewriteOk));
    this.one('gauge', 'aof_last_write_status', '1 when the last AOF write succeeded, 0 when it failed.', () => flag(p.aofLastWriteOk));
    this.one('counter', 'aof_rewrites_total', 'AOF rewrites since start.', () => p.aofRewrites);
  }

  private defineKeyspace(): void {
    const s = this.s;
    this.rows('gauge', 'db_keys', 'Keys in each non-empty database (INFO keyspace keys).', 'db', (x) => x.keyspace.map((r) => [String(r.db), r.keys] as const));
    this.rows('gauge', 'db_expires', 'Keys with a TTL in each non-empty database (INFO keyspace expires).', 'db', (x) =>
      x.keyspace.map((r) => [String(r.db), r.expires] as const));
    this.one('gauge', 'tiering_enabled', '1 when tiering is on; the nencache_tier_* metrics exist only then.', () => (s.engine.tier !== null ? 1 : 0));
  }

  private defineTiering(): void {
    // Fields that share a metric (the per-tier ones) become one metric with a tier label.
    const byMetric = new Map<string, { kind: Kind; help: string; fields: [string, string | undefined][] }>();
    for (const [field, [name, kind, help, tier]] of Object.entries(TIER_METRICS)) {
      const m = byMetric.get(name) ?? { kind, help, fields: [] };
      if (help !== '') m.help = help;
      m.fields.push([field, tier]);
      byMetric.set(name, m);
    }
    for (const [name, m] of byMetric) {
      const get = (x: Scrape, field: string): number => x.tier?.[field] ?? 0;
      const [[first, tier]] = m.fields as [[string, string | undefined]];
      if (tier === undefined) this.one(m.kind, name, m.help, (x) => get(x, first));
      else this.rows(m.kind, name, m.help, 'tier', (x) => m.fields.map(([f, t]) => [t!, get(x, f)] as const));
    }
  }
}
