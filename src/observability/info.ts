/**
 * INFO text, section by section, with Redis 7.0's field names and order so
 * tools that parse INFO (redis-cli, exporters, client libraries) read it.
 * Sections: the default set, plus commandstats and latencystats with
 * "all"/"everything". Values are real or the true constant for a feature this
 * server lacks (no forks, replication, scripting, defrag: zeros); a field we
 * cannot measure is left out rather than faked (used_cpu_*_main_thread off
 * Linux, as Redis). Extra fields (nencache_version, node_version,
 * used_memory_js_heap, used_memory_external) tell what we are.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Server } from '../server/server.js';
import { SubKind } from '../commands/context.js';
import { lruClock } from '../engine/keyspace.js';
import { formatBytesHuman } from './human.js';
import { formatPercentiles } from './latency-histogram.js';
import { memorySnapshot, ratioOf } from './memory-report.js';
import { clientBufferPeaks, commandLatencyRows, commandStatRows, errorCodeRows, keyspaceRows, tierFigures, uptimeSeconds } from './figures.js';

import { NENCACHE_VERSION, REDIS_COMPAT_VERSION } from './version.js';

export { NENCACHE_VERSION, REDIS_COMPAT_VERSION };

export const DEFAULT_SECTIONS = [
  'server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace',
];
const ALL_EXTRA = ['commandstats', 'latencystats'];

type Lines = string[];

function server(s: Server, out: Lines): void {
  const now = Date.now();
  const up = uptimeSeconds(s, now);
  out.push(
    `redis_version:${REDIS_COMPAT_VERSION}`,
    `nencache_version:${NENCACHE_VERSION}`,
    'redis_git_sha1:00000000',
    'redis_git_dirty:0',
    'redis_build_id:0',
    'redis_mode:standalone',
    `os:${os.type()} ${os.release()} ${os.arch()}`,
    `arch_bits:${process.arch.includes('64') ? 64 : 32}`,
    'monotonic_clock:POSIX clock_gettime',
    'multiplexing_api:epoll',
    'atomicvar_api:c11-builtin',
    'gcc_version:0.0.0',
    `process_id:${process.pid}`,
    'process_supervised:no',
    `run_id:${s.runId}`,
    `tcp_port:${s.port}`,
    `server_time_usec:${now * 1000}`,
    `uptime_in_seconds:${up}`,
    `uptime_in_days:${Math.floor(up / 86400)}`,
    `hz:${s.config.getNumber('hz')}`,
    `configured_hz:${s.config.getNumber('hz')}`,
    `lru_clock:${lruClock(now)}`,
    `executable:${process.argv[1] ?? ''}`,
    `config_file:${s.configFile}`,
    'io_threads_active:0',
    `node_version:${process.version}`,
  );
}

function clients(s: Server, out: Lines): void {
  const peaks = clientBufferPeaks(s);
  out.push(
    `connected_clients:${s.clientCount()}`,
    'cluster_connections:0',
    `maxclients:${s.config.getNumber('maxclients')}`,
    `client_recent_max_input_buffer:${peaks.input}`,
    `client_recent_max_output_buffer:${peaks.output}`,
    `blocked_clients:${s.blocking.count}`,
    'tracking_clients:0',
    `clients_in_timeout_table:${s.blocking.inTimeoutTable}`,
  );
}

const ratio = (a: number, b: number): string => ratioOf(a, b).toFixed(2);

function memory(s: Server, out: Lines): void {
  const m = memorySnapshot(s);
  const used = m.used;
  const maxmemory = s.config.getNumber('maxmemory');
  const total = os.totalmem();
  const active = m.active;
  const clientsMem = m.clientsNormal;
  const dataset = m.dataset;
  const net = m.net;
  out.push(
    `used_memory:${used}`,
    `used_memory_human:${formatBytesHuman(used)}`,
    `used_memory_rss:${m.rss}`,
    `used_memory_rss_human:${formatBytesHuman(m.rss)}`,
    `used_memory_peak:${m.peak}`,
    `used_memory_peak_human:${formatBytesHuman(m.peak)}`,
    `used_memory_peak_perc:${((used / m.peak) * 100).toFixed(2)}%`,
    `used_memory_overhead:${m.overhead}`,
    `used_memory_startup:${m.startup}`,
    `used_memory_dataset:${dataset}`,
    `used_memory_dataset_perc:${(net > 0 ? (dataset * 100) / net : 0).toFixed(2)}%`,
    `allocator_allocated:${used}`,
    `allocator_active:${active}`,
    `allocator_resident:${m.rss}`,
    `total_system_memory:${total}`,
    `total_system_memory_human:${formatBytesHuman(total)}`,
    // No scripting engine: no Lua or function VM memory.
    'used_memory_lua:0',
    'used_memory_vm_eval:0',
    'used_memory_lua_human:0B',
    'used_memory_scripts_eval:0',
    'number_of_cached_scripts:0',
    'number_of_functions:0',
    'number_of_libraries:0',
    'used_memory_vm_functions:0',
    'used_memory_vm_total:0',
    'used_memory_vm_total_human:0B',
    'used_memory_functions:0',
    'used_memory_scripts:0',
    'used_memory_scripts_human:0B',
    `maxmemory:${maxmemory}`,
    `maxmemory_human:${formatBytesHuman(maxmemory)}`,
    `maxmemory_policy:${s.config.getString('maxmemory-policy')}`,
    `allocator_frag_ratio:${ratio(active, used)}`,
    `allocator_frag_bytes:${active - used}`,
    `allocator_rss_ratio:${ratio(m.rss, active)}`,
    `allocator_rss_bytes:${m.rss - active}`,
    'rss_overhead_ratio:1.00',
    'rss_overhead_bytes:0',
    `mem_fragmentation_ratio:${m.fragmentation.toFixed(2)}`,
    `mem_fragmentation_bytes:${m.fragmentationBytes}`,
    'mem_not_counted_for_evict:0',
    'mem_replication_backlog:0',
    'mem_total_replication_buffers:0',
    'mem_clients_slaves:0',
    `mem_clients_normal:${clientsMem}`,
    'mem_cluster_links:0',
    'mem_aof_buffer:0',
    'mem_allocator:v8',
    'active_defrag_running:0',
    'lazyfree_pending_objects:0',
    'lazyfreed_objects:0',
    `used_memory_js_heap:${m.jsHeap}`,
    `maxmemory_pressure_events:${s.engine.eviction.pressureEvents}`,
    `used_memory_external:${m.external}`,
  );
}

function persistence(s: Server, out: Lines): void {
  out.push(...s.persistence.infoLines(s.stats.dirty));
}

/** Network rates between two INFO calls (at least 100 ms apart), in KiB/s like Redis's *_kbps. */
const netSamples = new WeakMap<Server, { time: number; input: number; output: number; inKbps: number; outKbps: number }>();

function netRates(s: Server): [number, number] {
  const now = Date.now();
  const st = s.stats;
  let prev = netSamples.get(s);
  if (prev === undefined) {
    prev = { time: s.startTime, input: 0, output: 0, inKbps: 0, outKbps: 0 };
    netSamples.set(s, prev);
  }
  const dt = now - prev.time;
  if (dt >= 100) {
    prev.inKbps = Math.max(0, st.netInputBytes - prev.input) / dt / 1.024;
    prev.outKbps = Math.max(0, st.netOutputBytes - prev.output) / dt / 1.024;
    prev.time = now;
    prev.input = st.netInputBytes;
    prev.output = st.netOutputBytes;
  }
  return [prev.inKbps, prev.outKbps];
}

function stats(s: Server, out: Lines): void {
  const st = s.stats;
  const ks = s.engine.stats;
  const [inKbps, outKbps] = netRates(s);
  out.push(
    `total_connections_received:${st.totalConnections}`,
    `total_commands_processed:${st.totalCommands}`,
    `instantaneous_ops_per_sec:${s.opsPerSec}`,
    `total_net_input_bytes:${st.netInputBytes}`,
    `total_net_output_bytes:${st.netOutputBytes}`,
    'total_net_repl_input_bytes:0',
    'total_net_repl_output_bytes:0',
    `instantaneous_input_kbps:${inKbps.toFixed(2)}`,
    `instantaneous_output_kbps:${outKbps.toFixed(2)}`,
    'instantaneous_input_repl_kbps:0.00',
    'instantaneous_output_repl_kbps:0.00',
    `rejected_connections:${st.rejectedConnections}`,
    'sync_full:0',
    'sync_partial_ok:0',
    'sync_partial_err:0',
    `expired_keys:${ks.expiredKeys}`,
    `expired_stale_perc:${ks.expiredStalePerc.toFixed(2)}`,
    'expired_time_cap_reached_count:0',
    `expire_cycle_cpu_milliseconds:${Math.round(s.engine.expireCycleMs)}`,
    `evicted_keys:${s.engine.eviction.evictedKeys}`,
    'evicted_clients:0',
    'total_eviction_exceeded_time:0',
    'current_eviction_exceeded_time:0',
    `keyspace_hits:${ks.hits}`,
    `keyspace_misses:${ks.misses}`,
    `pubsub_channels:${s.pubsubRegistry.count(SubKind.CHANNEL)}`,
    `pubsub_patterns:${s.pubsubRegistry.count(SubKind.PATTERN)}`,
    `pubsubshard_channels:${s.pubsubRegistry.count(SubKind.SHARD)}`,
    'latest_fork_usec:0',
    'total_forks:0',
    'migrate_cached_sockets:0',
    'slave_expires_tracked_keys:0',
    'active_defrag_hits:0',
    'active_defrag_misses:0',
    'active_defrag_key_hits:0',
    'active_defrag_key_misses:0',
    'total_active_defrag_time:0',
    'current_active_defrag_time:0',
    'tracking_total_keys:0',
    'tracking_total_items:0',
    'tracking_total_prefixes:0',
    'unexpected_error_replies:0',
    `total_error_replies:${st.totalErrorReplies}`,
    'dump_payload_sanitizations:0',
    `total_reads_processed:${st.totalReads}`,
    `total_writes_processed:${st.totalWrites}`,
    'io_threaded_reads_processed:0',
    'io_threaded_writes_processed:0',
    `reply_buffer_shrinks:${st.replyBufferShrinks}`,
    `reply_buffer_expands:${st.replyBufferExpands}`,
  );
}

function replication(s: Server, out: Lines): void {
  out.push(
    'role:master',
    'connected_slaves:0',
    'master_failover_state:no-failover',
    `master_replid:${s.runId}`,
    'master_replid2:0000000000000000000000000000000000000000',
    'master_repl_offset:0',
    'second_repl_offset:-1',
    'repl_backlog_active:0',
    'repl_backlog_size:1048576',
    'repl_backlog_first_byte_offset:0',
    'repl_backlog_histlen:0',
  );
}

function cpu(_s: Server, out: Lines): void {
  const u = process.resourceUsage();
  out.push(
    `used_cpu_sys:${(u.systemCPUTime / 1e6).toFixed(6)}`,
    `used_cpu_user:${(u.userCPUTime / 1e6).toFixed(6)}`,
    'used_cpu_sys_children:0.000000',
    'used_cpu_user_children:0.000000',
  );
  // As Redis, only where the OS reports a thread's own times (Linux: RUSAGE_THREAD there, /proc here).
  const main = mainThreadCpu();
  if (main !== null) out.push(`used_cpu_sys_main_thread:${main.sys.toFixed(6)}`, `used_cpu_user_main_thread:${main.user.toFixed(6)}`);
}

/** CPU seconds of the calling thread (INFO runs on the main one), from /proc in clock ticks of 1/100 s; null off Linux. */
function mainThreadCpu(): { user: number; sys: number } | null {
  let text: string;
  try {
    text = readFileSync('/proc/thread-self/stat', 'latin1');
  } catch {
    return null;
  }
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const user = Number(f[11]);
  const sys = Number(f[12]);
  return Number.isFinite(user) && Number.isFinite(sys) ? { user: user / 100, sys: sys / 100 } : null;
}

function errorstats(s: Server, out: Lines): void {
  for (const [code, n] of errorCodeRows(s)) out.push(`errorstat_${code}:count=${n}`);
}

function keyspace(s: Server, out: Lines): void {
  for (const r of keyspaceRows(s)) out.push(`db${r.db}:keys=${r.keys},expires=${r.expires},avg_ttl=0`);
}

function commandstats(s: Server, out: Lines): void {
  for (const [name, st] of commandStatRows(s)) {
    const per = st.calls > 0 ? (st.usec / st.calls).toFixed(2) : '0.00';
    out.push(`cmdstat_${name}:calls=${st.calls},usec=${st.usec},usec_per_call=${per},rejected_calls=${st.rejected},failed_calls=${st.failed}`);
  }
}

/** latency-tracking: one line per command called since the start or CONFIG RESETSTAT. */
function latencystats(s: Server, out: Lines): void {
  if (!s.commandLog.latencyTracking) return;
  const text = s.config.getString('latency-tracking-info-percentiles');
  const percentiles = text === '' ? [] : text.split(' ').map(Number);
  for (const [name, h] of commandLatencyRows(s)) out.push(`latency_percentiles_usec_${name}:${formatPercentiles(h, percentiles)}`);
}

/** NenCache's tiers (src/engine/tier/): present only with tiering on. */
function tiering(s: Server, out: Lines): void {
  const f = tierFigures(s);
  if (f === null) return;
  out.push('tiering_enabled:1');
  for (const name in f) out.push(`${name}:${f[name]}`);
}

const SECTIONS: Record<string, [string, (s: Server, out: Lines) => void]> = {
  server: ['Server', server],
  clients: ['Clients', clients],
  memory: ['Memory', memory],
  persistence: ['Persistence', persistence],
  stats: ['Stats', stats],
  replication: ['Replication', replication],
  cpu: ['CPU', cpu],
  modules: ['Modules', () => {}],
  errorstats: ['Errorstats', errorstats],
  cluster: ['Cluster', (_s, out) => out.push('cluster_enabled:0')],
  keyspace: ['Keyspace', keyspace],
  commandstats: ['Commandstats', commandstats],
  latencystats: ['Latencystats', latencystats],
  tiering: ['Tiering', tiering],
};

/**
 * Builds INFO for the requested lowercase section names; "default",
 * "all" and "everything" expand as in Redis. Unknown names are ignored.
 */
export function buildInfo(s: Server, requested: ReadonlySet<string>, all: boolean): string {
  let names: string[];
  if (requested.size === 0 || requested.has('default')) names = [...DEFAULT_SECTIONS];
  else names = [];
  if (all || requested.has('all') || requested.has('everything')) names = [...DEFAULT_SECTIONS, ...ALL_EXTRA];
  // The tiering section joins the default set only when tiering is on, so INFO stays Redis's otherwise.
  if (names.length > 0 && s.engine.tier !== null) names.push('tiering');
  for (const r of requested) if (SECTIONS[r] && !names.includes(r)) names.push(r);
  const order = [...DEFAULT_SECTIONS.slice(0, 8), 'commandstats', 'errorstats', 'latencystats', 'cluster', 'keyspace', 'tiering'];
  names = order.filter((n) => names.includes(n));
  const parts: string[] = [];
  for (const name of names) {
    const [title, fill] = SECTIONS[name]!;
    const lines: Lines = [];
    fill(s, lines);
    if (name === 'tiering' && lines.length === 0) continue;
    parts.push(`# ${title}\r\n` + lines.map((l) => l + '\r\n').join(''));
  }
  return parts.join('\r\n');
}
