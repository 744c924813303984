// INFO [section [section ...]] — sections and field names checked against Redis 7.0.15's INFO everything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from './wire.js';

/** Field names per section, in order, as Redis 7.0.15 prints them (INFO everything, no keys or stats yet). */
const REDIS_FIELDS: Record<string, string[]> = {
  server: ['redis_version', 'redis_git_sha1', 'redis_git_dirty', 'redis_build_id', 'redis_mode', 'os', 'arch_bits', 'monotonic_clock', 'multiplexing_api', 'atomicvar_api', 'gcc_version', 'process_id', 'process_supervised', 'run_id', 'tcp_port', 'server_time_usec', 'uptime_in_seconds', 'uptime_in_days', 'hz', 'configured_hz', 'lru_clock', 'executable', 'config_file', 'io_threads_active'],
  clients: ['connected_clients', 'cluster_connections', 'maxclients', 'client_recent_max_input_buffer', 'client_recent_max_output_buffer', 'blocked_clients', 'tracking_clients', 'clients_in_timeout_table'],
  memory: ['used_memory', 'used_memory_human', 'used_memory_rss', 'used_memory_rss_human', 'used_memory_peak', 'used_memory_peak_human', 'used_memory_peak_perc', 'used_memory_overhead', 'used_memory_startup', 'used_memory_dataset', 'used_memory_dataset_perc', 'allocator_allocated', 'allocator_active', 'allocator_resident', 'total_system_memory', 'total_system_memory_human', 'used_memory_lua', 'used_memory_vm_eval', 'used_memory_lua_human', 'used_memory_scripts_eval', 'number_of_cached_scripts', 'number_of_functions', 'number_of_libraries', 'used_memory_vm_functions', 'used_memory_vm_total', 'used_memory_vm_total_human', 'used_memory_functions', 'used_memory_scripts', 'used_memory_scripts_human', 'maxmemory', 'maxmemory_human', 'maxmemory_policy', 'allocator_frag_ratio', 'allocator_frag_bytes', 'allocator_rss_ratio', 'allocator_rss_bytes', 'rss_overhead_ratio', 'rss_overhead_bytes', 'mem_fragmentation_ratio', 'mem_fragmentation_bytes', 'mem_not_counted_for_evict', 'mem_replication_backlog', 'mem_total_replication_buffers', 'mem_clients_slaves', 'mem_clients_normal', 'mem_cluster_links', 'mem_aof_buffer', 'mem_allocator', 'active_defrag_running', 'lazyfree_pending_objects', 'lazyfreed_objects'],
  persistence: ['loading', 'async_loading', 'current_cow_peak', 'current_cow_size', 'current_cow_size_age', 'current_fork_perc', 'current_save_keys_processed', 'current_save_keys_total', 'rdb_changes_since_last_save', 'rdb_bgsave_in_progress', 'rdb_last_save_time', 'rdb_last_bgsave_status', 'rdb_last_bgsave_time_sec', 'rdb_current_bgsave_time_sec', 'rdb_saves', 'rdb_last_cow_size', 'rdb_last_load_keys_expired', 'rdb_last_load_keys_loaded', 'aof_enabled', 'aof_rewrite_in_progress', 'aof_rewrite_scheduled', 'aof_last_rewrite_time_sec', 'aof_current_rewrite_time_sec', 'aof_last_bgrewrite_status', 'aof_rewrites', 'aof_rewrites_consecutive_failures', 'aof_last_write_status', 'aof_last_cow_size', 'module_fork_in_progress', 'module_fork_last_cow_size'],
  stats: ['total_connections_received', 'total_commands_processed', 'instantaneous_ops_per_sec', 'total_net_input_bytes', 'total_net_output_bytes', 'total_net_repl_input_bytes', 'total_net_repl_output_bytes', 'instantaneous_input_kbps', 'instantaneous_output_kbps', 'instantaneous_input_repl_kbps', 'instantaneous_output_repl_kbps', 'rejected_connections', 'sync_full', 'sync_partial_ok', 'sync_partial_err', 'expired_keys', 'expired_stale_perc', 'expired_time_cap_reached_count', 'expire_cycle_cpu_milliseconds', 'evicted_keys', 'evicted_clients', 'total_eviction_exceeded_time', 'current_eviction_exceeded_time', 'keyspace_hits', 'keyspace_misses', 'pubsub_channels', 'pubsub_patterns', 'pubsubshard_channels', 'latest_fork_usec', 'total_forks', 'migrate_cached_sockets', 'slave_expires_tracked_keys', 'active_defrag_hits', 'active_defrag_misses', 'active_defrag_key_hits', 'active_defrag_key_misses', 'total_active_defrag_time', 'current_active_defrag_time', 'tracking_total_keys', 'tracking_total_items', 'tracking_total_prefixes', 'unexpected_error_replies', 'total_error_replies', 'dump_payload_sanitizations', 'total_reads_processed', 'total_writes_processed', 'io_threaded_reads_processed', 'io_threaded_writes_processed', 'reply_buffer_shrinks', 'reply_buffer_expands'],
  replication: ['role', 'connected_slaves', 'master_failover_state', 'master_replid', 'master_replid2', 'master_repl_offset', 'second_repl_offset', 'repl_backlog_active', 'repl_backlog_size', 'repl_backlog_first_byte_offset', 'repl_backlog_histlen'],
  cpu: ['used_cpu_sys', 'used_cpu_user', 'used_cpu_sys_children', 'used_cpu_user_children', 'used_cpu_sys_main_thread', 'used_cpu_user_main_thread'],
  cluster: ['cluster_enabled'],
};

/** Fields left out where they cannot be measured (see src/observability/info.ts): a thread's own CPU time off Linux, as Redis. */
const OMITTED = new Set(process.platform === 'linux' ? [] : ['used_cpu_sys_main_thread', 'used_cpu_user_main_thread']);
/** Fields we add. */
const EXTRA = new Set(['nencache_version', 'node_version', 'used_memory_js_heap', 'used_memory_external', 'maxmemory_pressure_events']);

const EVERYTHING = ['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules', 'Commandstats', 'Errorstats', 'Latencystats', 'Cluster', 'Keyspace'];
const DEFAULT = ['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules', 'Errorstats', 'Cluster', 'Keyspace'];

/** Splits INFO text into [title, fields] in order. */
function parse(reply: string): [string, [string, string][]][] {
  const m = /^\$(\d+)\r\n/.exec(reply);
  assert.ok(m, reply.slice(0, 50));
  const body = reply.slice(m[0].length, m[0].length + Number(m[1]));
  const out: [string, [string, string][]][] = [];
  for (const block of body.split('\r\n\r\n')) {
    const lines = block.split('\r\n').filter((l) => l !== '');
    if (lines.length === 0) continue;
    assert.match(lines[0]!, /^# \w+$/);
    out.push([lines[0]!.slice(2), lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)] as [string, string])]);
  }
  return out;
}

describe('INFO', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('INFO everything has Redis 7.0 sections and field names in order', async () => {
    const c = await Wire.connect(s.port);
    const sections = parse(await c.call('INFO', 'everything'));
    assert.deepEqual(
      sections.map(([t]) => t),
      EVERYTHING,
    );
    for (const [title, fields] of sections) {
      const want = (REDIS_FIELDS[title.toLowerCase()] ?? []).filter((f) => !OMITTED.has(f));
      const names = fields.map(([n]) => n).filter((n) => !EXTRA.has(n) && !/^(cmdstat_|errorstat_|latency_percentiles_usec_|db\d+$)/.test(n));
      assert.deepEqual(names, want, `fields of ${title}`);
    }
    c.close();
  });

  test('INFO without arguments, INFO default and INFO all', async () => {
    const c = await Wire.connect(s.port);
    assert.deepEqual(
      parse(await c.call('INFO')).map(([t]) => t),
      DEFAULT,
    );
    assert.deepEqual(
      parse(await c.call('INFO', 'default')).map(([t]) => t),
      DEFAULT,
    );
    assert.deepEqual(
      parse(await c.call('INFO', 'all')).map(([t]) => t),
      EVERYTHING,
    );
    assert.deepEqual(
      parse(await c.call('INFO', 'default', 'commandstats')).map(([t]) => t),
      ['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules', 'Commandstats', 'Errorstats', 'Cluster', 'Keyspace'],
    );
    c.close();
  });

  test('INFO with one or more sections, in Redis order, case-insensitive', () =>
    runSteps(s.port, [
      [['INFO', 'cluster'], '$30\r\n# Cluster\r\ncluster_enabled:0\r\n\r\n'],
      [['INFO', 'CLUSTER', 'Cluster'], '$30\r\n# Cluster\r\ncluster_enabled:0\r\n\r\n'],
      [['INFO', 'keyspace', 'cluster'], '$44\r\n# Cluster\r\ncluster_enabled:0\r\n\r\n# Keyspace\r\n\r\n'],
      [['INFO', 'modules'], '$11\r\n# Modules\r\n\r\n'],
      [['INFO', 'nosuchsection'], '$0\r\n\r\n'],
    ]));

  test('INFO is a verbatim string in RESP3', async () => {
    const c = await Wire.connect(s.port);
    await c.call('HELLO', '3');
    assert.equal(await c.call('INFO', 'cluster'), '=34\r\ntxt:# Cluster\r\ncluster_enabled:0\r\n\r\n');
    c.close();
  });

  test('INFO reports server values', async () => {
    const c = await Wire.connect(s.port);
    const server = new Map(parse(await c.call('INFO', 'server'))[0]![1]);
    assert.equal(server.get('redis_version'), '7.0.15');
    assert.equal(server.get('redis_mode'), 'standalone');
    assert.equal(server.get('tcp_port'), String(s.port));
    assert.equal(server.get('process_id'), String(process.pid));
    assert.match(server.get('run_id')!, /^[0-9a-f]{40}$/);
    const clients = new Map(parse(await c.call('INFO', 'clients'))[0]![1]);
    assert.ok(Number(clients.get('connected_clients')) >= 1);
    assert.equal(clients.get('maxclients'), '10000');
    c.close();
  });

  test('INFO keyspace lists non-empty databases', async () => {
    const s2 = await startServer();
    try {
      await runSteps(s2.port, [
        [['SET', 'a', '1'], '+OK\r\n'],
        [['SET', 'b', '2', 'EX', '100'], '+OK\r\n'],
        [['INFO', 'keyspace'], '$44\r\n# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n\r\n'],
      ]);
    } finally {
      await s2.stop();
    }
  });

  test('INFO commandstats and errorstats count calls and errors', async () => {
    const s2 = await startServer();
    try {
      const c = await Wire.connect(s2.port);
      await c.call('ECHO', 'x');
      await c.call('ECHO', 'x');
      await c.call('CLIENT', 'SETNAME', 'a b');
      await c.call('CLIENT', 'GETNAME');
      const stats = new Map(parse(await c.call('INFO', 'commandstats'))[0]![1]);
      assert.match(stats.get('cmdstat_echo')!, /^calls=2,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=0$/);
      assert.match(stats.get('cmdstat_client|setname')!, /^calls=1,usec=\d+,usec_per_call=\d+\.\d\d,rejected_calls=0,failed_calls=1$/);
      assert.match(stats.get('cmdstat_client|getname')!, /^calls=1,/);
      assert.equal(await c.call('INFO', 'errorstats'), '$37\r\n# Errorstats\r\nerrorstat_ERR:count=1\r\n\r\n');
      // CONFIG RESETSTAT clears them.
      assert.equal(await c.call('CONFIG', 'RESETSTAT'), '+OK\r\n');
      assert.equal(await c.call('INFO', 'errorstats'), '$14\r\n# Errorstats\r\n\r\n');
      const after = new Map(parse(await c.call('INFO', 'commandstats'))[0]![1]);
      assert.equal(after.has('cmdstat_echo'), false);
      c.close();
    } finally {
      await s2.stop();
    }
  });
  test('INFO latencystats: percentiles per command called, as latency-tracking and its percentiles say', async () => {
    const s2 = await startServer();
    try {
      const c = await Wire.connect(s2.port);
      const latency = async (): Promise<Map<string, string>> => new Map(parse(await c.call('INFO', 'latencystats'))[0]![1]);
      await c.call('ECHO', 'x');
      await c.call('CLIENT', 'GETNAME');
      let l = await latency();
      assert.match(l.get('latency_percentiles_usec_echo')!, /^p50=\d+\.\d{3},p99=\d+\.\d{3},p99\.9=\d+\.\d{3}$/);
      assert.ok(l.has('latency_percentiles_usec_client|getname'));
      assert.equal(l.has('latency_percentiles_usec_get'), false);
      assert.equal(await c.call('CONFIG', 'SET', 'latency-tracking-info-percentiles', '0 50 99.99 100'), '+OK\r\n');
      l = await latency();
      assert.match(l.get('latency_percentiles_usec_echo')!, /^p0=[\d.]+,p50=[\d.]+,p99\.99=[\d.]+,p100=[\d.]+$/);
      // INFO itself is counted once it returns, as in Redis.
      assert.ok(l.has('latency_percentiles_usec_info'));
      assert.equal(await c.call('CONFIG', 'SET', 'latency-tracking', 'no'), '+OK\r\n');
      assert.equal(await c.call('INFO', 'latencystats'), '$16\r\n# Latencystats\r\n\r\n');
      await c.call('GET', 'k');
      assert.equal(await c.call('CONFIG', 'SET', 'latency-tracking', 'yes'), '+OK\r\n');
      assert.equal((await latency()).has('latency_percentiles_usec_get'), false);
      assert.equal(await c.call('CONFIG', 'RESETSTAT'), '+OK\r\n');
      assert.deepEqual([...(await latency()).keys()], ['latency_percentiles_usec_config|resetstat']);
      c.close();
    } finally {
      await s2.stop();
    }
  });

  test('a blocked command is timed when its wait ends: first call plus serving, one latency sample', async () => {
    const s2 = await startServer();
    try {
      const c = await Wire.connect(s2.port);
      const w = await Wire.connect(s2.port);
      const usec = async (): Promise<number> => Number(/usec=(\d+)/.exec(new Map(parse(await c.call('INFO', 'commandstats'))[0]![1]).get('cmdstat_blpop')!)![1]);
      const latency = async (): Promise<string | undefined> => new Map(parse(await c.call('INFO', 'latencystats'))[0]![1]).get('latency_percentiles_usec_blpop');
      w.send('BLPOP', 'q', '0');
      for (let i = 0; i < 200 && !/blocked_clients:1\r\n/.test(await c.call('INFO', 'clients')); i++) await new Promise((r) => setTimeout(r, 5));
      const atBlock = await usec();
      assert.equal(await latency(), undefined);
      await c.call('RPUSH', 'q', 'v');
      assert.equal(await w.reply(), '*2\r\n$1\r\nq\r\n$1\r\nv\r\n');
      assert.ok((await usec()) >= 2 * atBlock);
      assert.ok((await latency()) !== undefined);
      assert.match(new Map(parse(await c.call('INFO', 'commandstats'))[0]![1]).get('cmdstat_blpop')!, /^calls=1,/);
      c.close();
      w.close();
    } finally {
      await s2.stop();
    }
  });

  test('INFO stats counts socket reads and writes, and output buffers grown and shrunk', async () => {
    const s2 = await startServer();
    try {
      const c = await Wire.connect(s2.port);
      const stats = async (): Promise<Map<string, number>> => new Map(parse(await c.call('INFO', 'stats'))[0]![1].map(([k, v]) => [k, Number(v)] as [string, number]));
      const before = await stats();
      for (let i = 0; i < 5; i++) await c.call('PING');
      const after = await stats();
      assert.ok(after.get('total_reads_processed')! >= before.get('total_reads_processed')! + 6);
      assert.ok(after.get('total_writes_processed')! >= before.get('total_writes_processed')! + 6);
      assert.equal(after.get('reply_buffer_expands'), 0);
      // 2 MB of small elements is built in the output buffer (16 KiB at first), then the buffer is dropped back.
      await c.call('RPUSH', 'big', ...Array.from({ length: 20_000 }, () => 'x'.repeat(100)));
      await c.call('LRANGE', 'big', '0', '-1');
      const big = await stats();
      assert.ok(big.get('reply_buffer_expands')! >= 7, String(big.get('reply_buffer_expands')));
      assert.equal(big.get('reply_buffer_shrinks'), 1);
      c.close();
    } finally {
      await s2.stop();
    }
  });
});
