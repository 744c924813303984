/**
 * Every configuration parameter with Redis 7.0's name, type, default and
 * limits, so CONFIG GET/SET and redis.conf behave as Redis's do. Parameters
 * for features NenCache does not have yet are kept (and validated) so tools
 * that read or write them keep working.
 */

export const enum ParamFlag {
  NONE = 0,
  /** CONFIG SET refuses: "can't set immutable config". */
  IMMUTABLE = 1,
  /** CONFIG SET refuses while enable-protected-configs is no. */
  PROTECTED = 2,
}

export type ParamKind = 'bool' | 'int' | 'memory' | 'enum' | 'string' | 'special';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  /** Default in CONFIG GET form. */
  def: string;
  min?: number;
  max?: number;
  values?: readonly string[];
  flags?: number;
  /** Other names accepted for the same value (e.g. hash-max-ziplist-entries). */
  aliases?: readonly string[];
  /** Values outside [min, max] are clamped instead of refused (hz). */
  clamp?: boolean;
}

const I64 = 9223372036854775807;
const I32 = 2147483647;
const U32 = 4294967295;
const LL_MIN = -9223372036854775808;

function b(name: string, def: 'yes' | 'no', flags = 0): ParamSpec {
  return { name, kind: 'bool', def, flags };
}
function i(name: string, def: number, min: number, max: number, flags = 0, aliases?: string[]): ParamSpec {
  return { name, kind: 'int', def: String(def), min, max, flags, aliases };
}
function m(name: string, def: number, min: number, max: number, flags = 0, aliases?: string[]): ParamSpec {
  return { name, kind: 'memory', def: String(def), min, max, flags, aliases };
}
function e(name: string, def: string, values: string[], flags = 0): ParamSpec {
  return { name, kind: 'enum', def, values, flags };
}
function s(name: string, def: string, flags = 0, aliases?: string[]): ParamSpec {
  return { name, kind: 'string', def, flags, aliases };
}
function sp(name: string, def: string, flags = 0): ParamSpec {
  return { name, kind: 'special', def, flags };
}

const IMM = ParamFlag.IMMUTABLE;
const PROT = ParamFlag.PROTECTED;

export const PARAMS: readonly ParamSpec[] = [
  // Network and clients
  sp('bind', '127.0.0.1 -::1'),
  i('port', 6379, 0, 65535),
  i('tcp-backlog', 511, 0, I32, IMM),
  b('protected-mode', 'yes'),
  i('timeout', 0, 0, I32),
  i('tcp-keepalive', 300, 0, I32),
  i('maxclients', 10000, 1, U32),
  s('unixsocket', '', IMM),
  i('unixsocketperm', 0, 0, 777, IMM),
  s('bind-source-addr', ''),
  i('socket-mark-id', 0, 0, U32),
  s('requirepass', ''),
  m('proto-max-bulk-len', 536870912, 1048576, I64),
  m('client-query-buffer-limit', 1073741824, 1048576, I64),
  sp('client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60'),
  m('maxmemory-clients', 0, 0, I64),
  // General
  b('daemonize', 'no', IMM),
  e('supervised', 'no', ['upstart', 'systemd', 'auto', 'no'], IMM),
  s('pidfile', '', IMM),
  e('loglevel', 'notice', ['debug', 'verbose', 'notice', 'warning']),
  s('logfile', '', IMM),
  b('syslog-enabled', 'no', IMM),
  s('syslog-ident', 'redis', IMM),
  e('syslog-facility', 'local0', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], IMM),
  b('crash-log-enabled', 'yes'),
  b('crash-memcheck-enabled', 'yes'),
  i('databases', 16, 1, I32, IMM),
  b('always-show-logo', 'no', IMM),
  b('set-proc-title', 'yes', IMM),
  s('proc-title-template', '{title} {listen-addr} {server-mode}'),
  { name: 'hz', kind: 'int', def: '10', min: 0, max: I32, clamp: true },
  b('dynamic-hz', 'yes'),
  i('io-threads', 1, 1, 128, IMM),
  b('io-threads-do-reads', 'no', IMM),
  e('enable-debug-command', 'no', ['no', 'yes', 'local'], IMM),
  e('enable-protected-configs', 'no', ['no', 'yes', 'local'], IMM),
  e('enable-module-command', 'no', ['no', 'yes', 'local'], IMM),
  b('disable-thp', 'yes', IMM),
  b('jemalloc-bg-thread', 'yes'),
  s('ignore-warnings', ''),
  e('shutdown-on-sigint', 'default', ['default', 'save', 'nosave', 'now', 'force']),
  e('shutdown-on-sigterm', 'default', ['default', 'save', 'nosave', 'now', 'force']),
  i('shutdown-timeout', 10, 0, I32),
  e('oom-score-adj', 'no', ['no', 'yes', 'relative', 'absolute']),
  s('oom-score-adj-values', '0 200 800'),
  i('busy-reply-threshold', 5000, 0, I64, 0, ['lua-time-limit']),
  s('server_cpulist', '', IMM),
  s('bio_cpulist', '', IMM),
  s('aof_rewrite_cpulist', '', IMM),
  s('bgsave_cpulist', '', IMM),
  // Snapshots and AOF
  sp('save', ''),
  b('stop-writes-on-bgsave-error', 'yes'),
  b('rdbcompression', 'yes'),
  b('rdbchecksum', 'yes'),
  s('dbfilename', 'dump.rdb', PROT),
  b('rdb-del-sync-files', 'no'),
  b('rdb-save-incremental-fsync', 'yes'),
  sp('dir', '', PROT),
  b('appendonly', 'no'),
  s('appendfilename', 'appendonly.aof', IMM),
  s('appenddirname', 'appendonlydir', IMM),
  e('appendfsync', 'everysec', ['everysec', 'always', 'no']),
  b('no-appendfsync-on-rewrite', 'no'),
  i('auto-aof-rewrite-percentage', 100, 0, I32),
  m('auto-aof-rewrite-min-size', 67108864, 0, I64),
  b('aof-load-truncated', 'yes'),
  b('aof-use-rdb-preamble', 'yes'),
  b('aof-timestamp-enabled', 'no'),
  b('aof-disable-auto-gc', 'no'),
  b('aof-rewrite-incremental-fsync', 'yes'),
  b('sanitize-dump-payload', 'no'),
  // Memory and eviction
  m('maxmemory', 0, 0, I64),
  e('maxmemory-policy', 'noeviction', ['volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction']),
  i('maxmemory-samples', 5, 1, I32),
  i('maxmemory-eviction-tenacity', 10, 0, 100),
  i('lfu-log-factor', 10, 0, I32),
  i('lfu-decay-time', 1, 0, I32),
  i('active-expire-effort', 1, 1, 10),
  b('lazyfree-lazy-eviction', 'no'),
  b('lazyfree-lazy-expire', 'no'),
  b('lazyfree-lazy-server-del', 'no'),
  b('lazyfree-lazy-user-del', 'no'),
  b('lazyfree-lazy-user-flush', 'no'),
  b('activerehashing', 'yes'),
  b('activedefrag', 'no'),
  m('active-defrag-ignore-bytes', 104857600, 1, I64),
  i('active-defrag-threshold-lower', 10, 0, 1000),
  i('active-defrag-threshold-upper', 100, 0, 1000),
  i('active-defrag-cycle-min', 1, 1, 99),
  i('active-defrag-cycle-max', 25, 1, 99),
  i('active-defrag-max-scan-fields', 1000, 1, I64),
  // Encodings
  m('hash-max-listpack-entries', 512, 0, I64, 0, ['hash-max-ziplist-entries']),
  m('hash-max-listpack-value', 64, 0, I64, 0, ['hash-max-ziplist-value']),
  i('list-max-listpack-size', -2, -2147483648, I32, 0, ['list-max-ziplist-size']),
  i('list-compress-depth', 0, 0, I32),
  m('set-max-intset-entries', 512, 0, I64),
  m('zset-max-listpack-entries', 128, 0, I64, 0, ['zset-max-ziplist-entries']),
  m('zset-max-listpack-value', 64, 0, I64, 0, ['zset-max-ziplist-value']),
  m('hll-sparse-max-bytes', 3000, 0, I64),
  m('stream-node-max-bytes', 4096, 0, I64),
  i('stream-node-max-entries', 100, 0, I64),
  // Observability
  i('slowlog-log-slower-than', 10000, -1, I64),
  i('slowlog-max-len', 128, 0, U32),
  i('latency-monitor-threshold', 0, 0, I64),
  b('latency-tracking', 'yes'),
  s('latency-tracking-info-percentiles', '50 99 99.9'),
  sp('notify-keyspace-events', ''),
  i('tracking-table-max-keys', 1000000, 0, I64),
  i('acllog-max-len', 128, 0, I64),
  s('aclfile', '', IMM),
  e('acl-pubsub-default', 'resetchannels', ['allchannels', 'resetchannels']),
  // Replication and cluster (kept for compatibility)
  s('replicaof', '', IMM, ['slaveof']),
  s('masterauth', ''),
  s('masteruser', ''),
  b('replica-serve-stale-data', 'yes'),
  b('replica-read-only', 'yes'),
  b('repl-diskless-sync', 'yes'),
  i('repl-diskless-sync-delay', 5, 0, I32),
  i('repl-diskless-sync-max-replicas', 0, 0, I32),
  e('repl-diskless-load', 'disabled', ['disabled', 'on-empty-db', 'swapdb']),
  i('repl-ping-replica-period', 10, 1, I32),
  i('repl-timeout', 60, 1, I32),
  b('repl-disable-tcp-nodelay', 'no'),
  m('repl-backlog-size', 1048576, 1, I64),
  i('repl-backlog-ttl', 3600, 0, I32),
  i('replica-priority', 100, 0, I32),
  b('replica-announced', 'yes'),
  s('replica-announce-ip', ''),
  i('replica-announce-port', 0, 0, 65535),
  b('replica-lazy-flush', 'no'),
  b('replica-ignore-maxmemory', 'yes'),
  b('replica-ignore-disk-write-errors', 'no'),
  i('min-replicas-to-write', 0, 0, I32),
  i('min-replicas-max-lag', 10, 0, I32),
  e('propagation-error-behavior', 'ignore', ['ignore', 'panic', 'panic-on-replicas']),
  b('cluster-enabled', 'no', IMM),
  s('cluster-config-file', 'nodes.conf', IMM),
  i('cluster-node-timeout', 15000, 0, I64),
  i('cluster-port', 0, 0, 65535, IMM),
  i('cluster-replica-validity-factor', 10, 0, I32),
  i('cluster-migration-barrier', 1, 0, I32),
  b('cluster-allow-replica-migration', 'yes'),
  b('cluster-require-full-coverage', 'yes'),
  b('cluster-replica-no-failover', 'no'),
  b('cluster-allow-reads-when-down', 'no'),
  b('cluster-allow-pubsubshard-when-down', 'yes'),
  m('cluster-link-sendbuf-limit', 0, 0, I64),
  s('cluster-announce-ip', ''),
  s('cluster-announce-hostname', ''),
  i('cluster-announce-port', 0, 0, 65535),
  i('cluster-announce-bus-port', 0, 0, 65535),
  i('cluster-announce-tls-port', 0, 0, 65535),
  e('cluster-preferred-endpoint-type', 'ip', ['ip', 'hostname', 'unknown-endpoint']),
  // TLS (not supported; kept so configs load)
  i('tls-port', 0, 0, 65535),
  s('tls-cert-file', ''),
  s('tls-key-file', ''),
  s('tls-key-file-pass', ''),
  s('tls-client-cert-file', ''),
  s('tls-client-key-file', ''),
  s('tls-client-key-file-pass', ''),
  s('tls-dh-params-file', ''),
  s('tls-ca-cert-file', ''),
  s('tls-ca-cert-dir', ''),
  s('tls-protocols', ''),
  s('tls-ciphers', ''),
  s('tls-ciphersuites', ''),
  e('tls-auth-clients', 'yes', ['no', 'yes', 'optional']),
  b('tls-prefer-server-ciphers', 'no'),
  b('tls-session-caching', 'yes'),
  i('tls-session-cache-size', 20480, 0, I32),
  i('tls-session-cache-timeout', 300, 0, I32),
  b('tls-cluster', 'no'),
  b('tls-replication', 'no'),
];

/** Memory units as Redis's memtoull(): k=1000, kb=1024, and so on; case-insensitive. */
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };

/** Parses "100mb"-style sizes; null when invalid. */
export function parseMemory(text: string): number | null {
  const mt = /^(\d+)([a-z]*)$/i.exec(text);
  if (mt === null) return null;
  const unit = UNITS[mt[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const v = Number(mt[1]) * unit;
  return Number.isFinite(v) ? v : null;
}

/** Formats a byte count the way redis.conf writers do ("100mb" when exact). */
export function formatMemory(bytes: number): string {
  for (const [u, f] of [['gb', 1024 ** 3], ['mb', 1024 ** 2], ['kb', 1024]] as const) {
    if (bytes >= f && bytes % f === 0) return `${bytes / f}${u}`;
  }
  return String(bytes);
}

export const INT64_MIN = LL_MIN;
