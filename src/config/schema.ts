/**
 * Every configuration parameter of Redis 7.0.15 (CONFIG GET * plus hidden ones)
 * with Redis's names, aliases, types, bounds, defaults and mutability.
 */

/*
 * Values for features NenCache does not have are accepted and stored.
 * Parsing lives in values.ts. Deliberate default differences from a bare
 * redis-server (no config file): bind is "127.0.0.1 -::1" (the shipped
 * redis.conf's value; compiled default "* -::*") and save is "" (compiled
 * default "3600 1 300 100 60 10000").
 */

export type ConfigType = 'bool' | 'int' | 'memory' | 'string' | 'enum' | 'special';

/** The C type behind a numeric parameter: decides signed/unsigned bound checks. */
export type NumericCType = 'int' | 'uint' | 'long' | 'ulong' | 'longlong' | 'ulonglong' | 'size_t' | 'ssize_t' | 'time_t' | 'off_t';

/** Read access to other parameters, for validators that depend on them. */
export interface ConfigReader {
  get(name: string): string | undefined;
}

export interface ConfigEntry {
  name: string;
  aliases?: string[];
  type: ConfigType;
  /** The default exactly as CONFIG GET prints it. */
  default: string;
  /** Inclusive bounds of numeric parameters (C long long / unsigned long long range). */
  min?: bigint;
  max?: bigint;
  /** C type of a numeric parameter ('int' | 'memory'). */
  ctype?: NumericCType;
  /** 'memory' parameter that also takes "N%" (stored as -N, printed "N%"). */
  percent?: boolean;
  /** 'int' parameter parsed and printed in octal (unixsocketperm). */
  octal?: boolean;
  /** Enum names in Redis's order (the order its error message lists them). */
  enumValues?: string[];
  /** Numeric value of each enumValues entry when not its index (aliases, bit flags). */
  enumBits?: number[];
  /** CONFIG SET answers "can't set immutable config"; only files and argv set it. */
  immutable?: boolean;
  /** CONFIG SET needs enable-protected-configs (yes, or local for loopback clients). */
  protected?: boolean;
  /** Left out of CONFIG GET patterns; an exact name still works. */
  hidden?: boolean;
  /** CONFIG SET's value is redacted from slowlog/monitor. */
  sensitive?: boolean;
  /**
   * Takes several words (CONFIG SET splits the value on ' '); for an enum the
   * words are bit flags OR-ed together (shutdown-on-sig*).
   */
  multiArg?: boolean;
  /** CONFIG SET is refused with -LOADING while a dataset loads. */
  denyLoading?: boolean;
  /** Extra check of a string/bool/enum value: an error text, or null when fine. */
  validate?: (value: string, cfg: ConfigReader) => string | null;
  doc: string;
}

/** Flag bits of the older ParamSpec view. */
export const enum ParamFlag {
  NONE = 0,
  /** CONFIG SET refuses: "can't set immutable config". */
  IMMUTABLE = 1,
  /** CONFIG SET refuses while enable-protected-configs is no. */
  PROTECTED = 2,
}

/**
 * ConfigEntry plus the field names CONFIG REWRITE reads: kind (= type),
 * def (= default), flags (ParamFlag bits) and values (= enumValues).
 */
export interface ParamSpec extends ConfigEntry {
  readonly kind: ConfigType;
  readonly def: string;
  readonly flags: number;
  readonly values?: readonly string[];
}

export const INT_MIN = -2147483648n;
export const INT_MAX = 2147483647n;
export const UINT_MAX = 4294967295n;
export const LLONG_MIN = -9223372036854775808n;
export const LLONG_MAX = 9223372036854775807n;
export const ULLONG_MAX = 18446744073709551615n;
const LONG_MAX = LLONG_MAX;

type Flags = Partial<Pick<ConfigEntry, 'aliases' | 'immutable' | 'protected' | 'hidden' | 'sensitive' | 'multiArg' | 'denyLoading' | 'validate' | 'percent' | 'octal'>>;
const I: Flags = { immutable: true };
/** NenCache's tier settings fixed at start. */
const TH: Flags = { immutable: true, hidden: true };

function bool(name: string, def: boolean, doc: string, f: Flags = {}): ConfigEntry {
  return { name, type: 'bool', default: def ? 'yes' : 'no', doc, ...f };
}
function str(name: string, def: string, doc: string, f: Flags = {}): ConfigEntry {
  return { name, type: 'string', default: def, doc, ...f };
}
function int(name: string, ctype: NumericCType, min: bigint, max: bigint, def: bigint, doc: string, f: Flags = {}): ConfigEntry {
  const shown = f.octal ? def.toString(8) : def.toString();
  return { name, type: 'int', ctype, min, max, default: shown, doc, ...f };
}
function mem(name: string, ctype: NumericCType, min: bigint, max: bigint, def: bigint, doc: string, f: Flags = {}): ConfigEntry {
  return { name, type: 'memory', ctype, min, max, default: def.toString(), doc, ...f };
}
function enm(name: string, values: string[], def: string, doc: string, f: Flags = {}, bits?: number[]): ConfigEntry {
  const e: ConfigEntry = { name, type: 'enum', enumValues: values, default: def, doc, ...f };
  if (bits) e.enumBits = bits;
  return e;
}
function special(name: string, def: string, doc: string, f: Flags = {}): ConfigEntry {
  return { name, type: 'special', default: def, doc, ...f };
}

/** pathIsBaseName(): no '/' and no '\'. */
const isBaseName = (v: string): boolean => !v.includes('/') && !v.includes('\\');

const validDbFilename = (v: string): string | null => (isBaseName(v) ? null : "dbfilename can't be a path, just a filename");
const validAofFilename = (v: string): string | null =>
  v === '' ? "appendfilename can't be empty" : isBaseName(v) ? null : "appendfilename can't be a path, just a filename";
const validAofDirname = (v: string): string | null =>
  v === '' ? "appenddirname can't be empty" : isBaseName(v) ? null : "appenddirname can't be a path, just a dirname";

function validHostname(v: string): string | null {
  if (v.length >= 256) return 'Hostnames must be less than 256 characters';
  if (!/^[A-Za-z0-9.-]*$/.test(v)) return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  return null;
}

/**
 * validateProcTitleTemplate(): sdstemplate() expansion with an empty title
 * must succeed (known variables, no unterminated '{') and, trimmed of
 * spaces, not be empty.
 */
function validProcTitle(v: string, cfg: ConfigReader): string | null {
  const bad = 'template format is invalid or contains unknown variables';
  const port = cfg.get('port') ?? '0';
  const tlsPort = cfg.get('tls-port') ?? '0';
  const vars: Record<string, string> = {
    title: '',
    'listen-addr': port !== '0' || tlsPort !== '0' ? `*:${port !== '0' ? port : tlsPort}` : `unixsocket:${cfg.get('unixsocket') ?? ''}`,
    'server-mode': cfg.get('cluster-enabled') === 'yes' ? '[cluster]' : '',
    'config-file': '-',
    port,
    'tls-port': tlsPort,
    unixsocket: cfg.get('unixsocket') ?? '',
  };
  let out = '';
  let p = 0;
  while (p < v.length) {
    const sv = v.indexOf('{', p);
    if (sv < 0) {
      out += v.slice(p);
      break;
    }
    out += v.slice(p, sv);
    if (sv + 1 >= v.length) return bad;
    if (v[sv + 1] === '{') {
      out += '{';
      p = sv + 2;
      continue;
    }
    const ev = v.indexOf('}', sv + 1);
    if (ev < 0) return bad;
    const value = vars[v.slice(sv + 1, ev)];
    if (value === undefined) return bad;
    out += value;
    p = ev + 1;
  }
  return out.replace(/^ +| +$/g, '') === '' ? bad : null;
}

const noDefrag = (v: string): string | null =>
  v === 'yes'
    ? 'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution'
    : null;

// Redis's names, plus NenCache's allkeys-fifo and allkeys/volatile-adaptive (src/engine/eviction/evict.ts).
const MAXMEMORY_POLICIES = [
  'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction',
  'allkeys-fifo', 'allkeys-adaptive', 'volatile-adaptive',
];
const PROTECTED_ACTION = ['no', 'yes', 'local'];
const SHUTDOWN_FLAGS = ['default', 'save', 'nosave', 'now', 'force'];
const SHUTDOWN_BITS = [0, 1, 2, 4, 8];
const validShutdown = (v: string): string | null =>
  /(^| )save( |$)/i.test(v) && /(^| )nosave( |$)/i.test(v) ? "shutdown options SAVE and NOSAVE can't be used simultaneously" : null;

const ENTRIES: ConfigEntry[] = [
  // --- network and clients ---
  special('bind', '127.0.0.1 -::1', 'Interfaces to listen on; a leading "-" makes an address optional.', { multiArg: true }),
  str('bind-source-addr', '', 'Source address for outgoing connections (replication).'),
  int('port', 'int', 0n, 65535n, 6379n, 'TCP port to listen on; 0 disables TCP.'),
  // NenCache's own: LMCache's server protocol (src/server/lmcache-listener.ts).
  int('lmcache-port', 'int', 0n, 65535n, 0n, 'NenCache: TCP port for LMCache\'s lm:// server protocol; 0 (the default) leaves it off.', TH),
  str('lmcache-bind', '127.0.0.1', 'NenCache: address the lm:// listener binds.', TH),
  // NenCache's own: the Prometheus endpoint (src/observability/metrics-http.ts).
  int('metrics-port', 'int', 0n, 65535n, 0n, 'NenCache: TCP port of the HTTP endpoint serving Prometheus metrics at /metrics; 0 (the default) leaves it off.', TH),
  str('metrics-bind', '127.0.0.1', 'NenCache: address the metrics endpoint binds.', TH),
  bool('protected-mode', true, 'Refuse non-loopback clients when no password and no bind are configured.'),
  int('tcp-backlog', 'int', 0n, INT_MAX, 511n, 'listen() backlog.', I),
  int('tcp-keepalive', 'int', 0n, INT_MAX, 300n, 'TCP keepalive interval for clients in seconds; 0 disables.'),
  int('timeout', 'int', 0n, INT_MAX, 0n, 'Close a client idle for this many seconds; 0 disables.'),
  int('maxclients', 'uint', 1n, UINT_MAX, 10000n, 'Maximum number of connected clients.'),
  str('unixsocket', '', 'Path of a Unix socket to listen on; empty disables.', I),
  int('unixsocketperm', 'uint', 0n, 0o777n, 0n, 'Permissions of the Unix socket (octal).', { immutable: true, octal: true }),
  int('socket-mark-id', 'uint', 0n, UINT_MAX, 0n, 'SO_MARK / SO_USER_COOKIE set on listening sockets.', I),
  mem('client-query-buffer-limit', 'size_t', 1048576n, LONG_MAX, 1073741824n, 'Maximum size of a client query buffer.'),
  special('client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
    'Per class (normal, replica, pubsub): hard limit, soft limit, soft seconds.', { multiArg: true }),
  mem('proto-max-bulk-len', 'longlong', 1048576n, LONG_MAX, 536870912n, 'Maximum size of a single bulk string in a request.'),
  mem('maxmemory-clients', 'ssize_t', -100n, LLONG_MAX, 0n, 'Memory limit for all clients together (bytes or % of maxmemory); 0 disables.', { percent: true }),
  // --- security ---
  str('requirepass', '', 'Password of the default user; empty means none.', { sensitive: true }),
  str('masteruser', '', 'User name to authenticate with the master.', { sensitive: true }),
  str('masterauth', '', 'Password to authenticate with the master.', { sensitive: true }),
  str('aclfile', '', 'External ACL file.', I),
  enm('acl-pubsub-default', ['allchannels', 'resetchannels'], 'resetchannels', 'Default pub/sub permissions of new ACL users.'),
  int('acllog-max-len', 'ulong', 0n, LONG_MAX, 128n, 'Maximum entries of the ACL LOG.'),
  enm('enable-protected-configs', PROTECTED_ACTION, 'no', 'Allow CONFIG SET of protected parameters (dir, dbfilename).', I),
  enm('enable-debug-command', PROTECTED_ACTION, 'no', 'Allow the DEBUG command.', I),
  enm('enable-module-command', PROTECTED_ACTION, 'no', 'Allow the MODULE command.', I),
  enm('sanitize-dump-payload', ['no', 'yes', 'clients'], 'no', 'Deep-check RESTORE payloads.'),
  // --- general ---
  bool('daemonize', false, 'Run in the background.', I),
  enm('supervised', ['upstart', 'systemd', 'auto', 'no'], 'no', 'Supervision tree interaction.', I),
  str('pidfile', '', 'Where to write the pid; empty writes none.', I),
  enm('loglevel', ['debug', 'verbose', 'notice', 'warning'], 'notice', 'Log verbosity.'),
  str('logfile', '', 'Log file; empty logs to standard output.', I),
  bool('syslog-enabled', false, 'Log to syslog.', I),
  str('syslog-ident', 'redis', 'Syslog identity.', I),
  enm('syslog-facility', ['user', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], 'local0', 'Syslog facility.', I),
  bool('crash-log-enabled', true, 'Write a crash report on fatal signals.'),
  bool('crash-memcheck-enabled', true, 'Run a memory check in crash reports.'),
  bool('use-exit-on-panic', false, 'exit() instead of abort() on panic (tests).', { hidden: true }),
  int('databases', 'int', 1n, INT_MAX, 16n, 'Number of logical databases.', I),
  bool('always-show-logo', false, 'Show the ASCII logo even when not on a tty.', I),
  bool('set-proc-title', true, 'Change the process title.', I),
  str('proc-title-template', '{title} {listen-addr} {server-mode}', 'Process title template.', { validate: validProcTitle }),
  str('ignore-warnings', '', 'Startup warnings to silence.'),
  special('dir', Buffer.from(process.cwd()).toString('latin1'), 'Working directory for RDB/AOF files.', { protected: true, denyLoading: true }),
  int('hz', 'int', 0n, INT_MAX, 10n, 'Background task frequency; values outside 1..500 are clamped.'),
  bool('dynamic-hz', true, 'Raise hz with the number of clients.'),
  int('active-expire-effort', 'int', 1n, 10n, 1n, 'Effort of the active expire cycle, 1 to 10.'),
  bool('activerehashing', true, 'Rehash the main dictionaries incrementally in the background.'),
  bool('jemalloc-bg-thread', true, 'Jemalloc background purging thread.'),
  bool('disable-thp', true, 'Disable transparent huge pages for the process.', I),
  enm('oom-score-adj', ['no', 'yes', 'relative', 'absolute'], 'no', 'Control the Linux OOM score.', {}, [0, 1, 1, 2]),
  special('oom-score-adj-values', '0 200 800', 'OOM score adjustments for master, replica and background child.', { multiArg: true }),
  int('io-threads', 'int', 1n, 128n, 1n, 'Number of I/O threads.', I),
  bool('io-threads-do-reads', false, 'Also read and parse in I/O threads.', I),
  str('server_cpulist', '', 'CPU affinity of the main thread.', I),
  str('bio_cpulist', '', 'CPU affinity of background I/O threads.', I),
  str('aof_rewrite_cpulist', '', 'CPU affinity of the AOF rewrite child.', I),
  str('bgsave_cpulist', '', 'CPU affinity of the BGSAVE child.', I),
  enm('shutdown-on-sigint', SHUTDOWN_FLAGS, 'default', 'SHUTDOWN flags used on SIGINT.', { multiArg: true, validate: validShutdown }, SHUTDOWN_BITS),
  enm('shutdown-on-sigterm', SHUTDOWN_FLAGS, 'default', 'SHUTDOWN flags used on SIGTERM.', { multiArg: true, validate: validShutdown }, SHUTDOWN_BITS),
  int('shutdown-timeout', 'int', 0n, INT_MAX, 10n, 'Seconds to wait for replicas on shutdown.'),
  int('busy-reply-threshold', 'longlong', 0n, LONG_MAX, 5000n, 'Milliseconds before a script or function is reported busy.', { aliases: ['lua-time-limit'] }),
  // --- memory and eviction ---
  mem('maxmemory', 'ulonglong', 0n, ULLONG_MAX, 0n, 'Memory limit in bytes; 0 means no limit.'),
  enm('maxmemory-policy', MAXMEMORY_POLICIES, 'noeviction', 'What to evict when maxmemory is reached.'),
  int('maxmemory-samples', 'int', 1n, INT_MAX, 5n, 'Keys sampled per eviction round.'),
  int('maxmemory-eviction-tenacity', 'int', 0n, 100n, 10n, 'Eviction processing effort, 0 to 100.'),
  int('lfu-log-factor', 'int', 0n, INT_MAX, 10n, 'Logarithmic factor of the LFU counter.'),
  int('lfu-decay-time', 'int', 0n, INT_MAX, 1n, 'Minutes after which the LFU counter decays.'),
  bool('lazyfree-lazy-eviction', false, 'Free evicted values in the background.'),
  bool('lazyfree-lazy-expire', false, 'Free expired values in the background.'),
  bool('lazyfree-lazy-server-del', false, 'Free values deleted as a side effect in the background.'),
  bool('lazyfree-lazy-user-del', false, 'Make DEL behave like UNLINK.'),
  bool('lazyfree-lazy-user-flush', false, 'Make FLUSHALL/FLUSHDB default to ASYNC.'),
  // --- NenCache: tiers (src/engine/tier/); hidden so CONFIG GET * stays Redis's list, exact names work ---
  bool('tiering', false, 'NenCache: under maxmemory, demote cold string values (RAM -> compressed RAM -> disk) instead of evicting them.', TH),
  str('tier-disk-dir', '', 'NenCache: directory of the disk tier segments; empty = "tier" inside dir.', TH),
  mem('tier-disk-max', 'ulonglong', 0n, ULLONG_MAX, 0n, 'NenCache: byte budget of the disk tier; over it the oldest segments are evicted. 0 = no limit.', TH),
  enm('tier-compression', ['lz4', 'zstd', 'none'], 'lz4', 'NenCache: codec of the compressed-RAM tier (none skips that tier).', TH),
  mem('tier-min-size', 'ulonglong', 0n, ULLONG_MAX, 65536n, 'NenCache: smaller string values are evicted, not demoted.', { hidden: true }),
  mem('tier-ram-compressed-max', 'ulonglong', 0n, ULLONG_MAX, 0n, 'NenCache: budget of compressed values in RAM (counted in used memory); 0 = a quarter of maxmemory.', { hidden: true }),
  enm('tier-restart', ['recover', 'discard'], 'recover', 'NenCache: at start, rebuild the disk tier from its segments or delete them.', TH),
  bool('activedefrag', false, 'Active defragmentation (not available).', { validate: noDefrag }),
  mem('active-defrag-ignore-bytes', 'size_t', 1n, LLONG_MAX, 104857600n, 'Minimum fragmentation waste to start defragmenting.'),
  int('active-defrag-threshold-lower', 'int', 0n, 1000n, 10n, 'Minimum fragmentation percentage to start defragmenting.'),
  int('active-defrag-threshold-upper', 'int', 0n, 1000n, 100n, 'Fragmentation percentage for maximum effort.'),
  int('active-defrag-cycle-min', 'int', 1n, 99n, 1n, 'Minimal defrag effort in % CPU.'),
  int('active-defrag-cycle-max', 'int', 1n, 99n, 25n, 'Maximal defrag effort in % CPU.'),
  int('active-defrag-max-scan-fields', 'ulong', 1n, LONG_MAX, 1000n, 'Fields above which a key is defragmented separately.'),
  // --- data structure encodings ---
  int('hash-max-listpack-entries', 'size_t', 0n, LONG_MAX, 512n, 'Largest hash kept as a listpack (entries).', { aliases: ['hash-max-ziplist-entries'] }),
  mem('hash-max-listpack-value', 'size_t', 0n, LONG_MAX, 64n, 'Largest hash field/value kept in a listpack (bytes).', { aliases: ['hash-max-ziplist-value'] }),
  int('list-max-listpack-size', 'int', INT_MIN, INT_MAX, -2n, 'List node size: positive = entries, -1..-5 = 4kb..64kb.', { aliases: ['list-max-ziplist-size'] }),
  int('list-compress-depth', 'int', 0n, INT_MAX, 0n, 'Uncompressed list nodes at each end; 0 disables compression.'),
  int('set-max-intset-entries', 'size_t', 0n, LONG_MAX, 512n, 'Largest integer-only set kept as an intset.'),
  int('zset-max-listpack-entries', 'size_t', 0n, LONG_MAX, 128n, 'Largest sorted set kept as a listpack (entries).', { aliases: ['zset-max-ziplist-entries'] }),
  mem('zset-max-listpack-value', 'size_t', 0n, LONG_MAX, 64n, 'Largest sorted set member kept in a listpack (bytes).', { aliases: ['zset-max-ziplist-value'] }),
  mem('hll-sparse-max-bytes', 'size_t', 0n, LONG_MAX, 3000n, 'Largest sparse HyperLogLog representation.'),
  mem('stream-node-max-bytes', 'size_t', 0n, LONG_MAX, 4096n, 'Maximum bytes of a stream radix-tree node.'),
  int('stream-node-max-entries', 'longlong', 0n, LLONG_MAX, 100n, 'Maximum entries of a stream radix-tree node.'),
  int('tracking-table-max-keys', 'size_t', 0n, LONG_MAX, 1000000n, 'Keys remembered for client-side caching invalidation.'),
  // --- snapshotting ---
  special('save', '', 'Snapshot rules: "seconds changes" pairs; empty disables.', { multiArg: true }),
  str('dbfilename', 'dump.rdb', 'RDB file name (inside dir).', { protected: true, validate: validDbFilename }),
  bool('rdbcompression', true, 'Compress strings in RDB files.'),
  bool('rdbchecksum', true, 'Write and check an RDB checksum.', I),
  bool('rdb-del-sync-files', false, 'Delete RDB files used for replication when persistence is off.'),
  bool('rdb-save-incremental-fsync', true, 'fsync the RDB every 4mb while saving.'),
  bool('stop-writes-on-bgsave-error', true, 'Refuse writes after a failed background save.'),
  int('rdb-key-save-delay', 'int', INT_MIN, INT_MAX, 0n, 'Microseconds to sleep per key while saving (tests).', { hidden: true }),
  int('key-load-delay', 'int', INT_MIN, INT_MAX, 0n, 'Microseconds to sleep per key while loading (tests).', { hidden: true }),
  int('loading-process-events-interval-bytes', 'off_t', 1024n, INT_MAX, 2097152n, 'Bytes loaded between event processing.', { hidden: true }),
  // --- append only file ---
  bool('appendonly', false, 'Enable the append only file.', { denyLoading: true }),
  str('appendfilename', 'appendonly.aof', 'Base name of AOF files.', { immutable: true, validate: validAofFilename }),
  str('appenddirname', 'appendonlydir', 'Directory of AOF files (inside dir).', { immutable: true, validate: validAofDirname }),
  enm('appendfsync', ['everysec', 'always', 'no'], 'everysec', 'When to fsync the AOF.'),
  bool('no-appendfsync-on-rewrite', false, 'Skip fsync while a rewrite or save runs.'),
  int('auto-aof-rewrite-percentage', 'int', 0n, INT_MAX, 100n, 'AOF growth percentage that triggers a rewrite; 0 disables.'),
  mem('auto-aof-rewrite-min-size', 'off_t', 0n, LLONG_MAX, 67108864n, 'Minimum AOF size for automatic rewrites.'),
  bool('aof-load-truncated', true, 'Load a truncated AOF instead of refusing to start.'),
  bool('aof-use-rdb-preamble', true, 'Start rewritten AOFs with an RDB preamble.'),
  bool('aof-rewrite-incremental-fsync', true, 'fsync the AOF every 4mb while rewriting.'),
  bool('aof-timestamp-enabled', false, 'Write timestamp annotations to the AOF.'),
  bool('aof-disable-auto-gc', false, 'Keep history AOF files after a rewrite.'),
  // --- replication ---
  special('replicaof', '', 'Master "host port" to replicate; empty when a master.', { aliases: ['slaveof'], immutable: true, multiArg: true }),
  bool('replica-serve-stale-data', true, 'Answer queries while the link to the master is down.', { aliases: ['slave-serve-stale-data'] }),
  bool('replica-read-only', true, 'Refuse writes on a replica.', { aliases: ['slave-read-only'] }),
  bool('replica-lazy-flush', false, 'Flush asynchronously when a full sync starts.', { aliases: ['slave-lazy-flush'] }),
  bool('replica-ignore-maxmemory', true, 'Replicas do not evict on their own.', { aliases: ['slave-ignore-maxmemory'] }),
  bool('replica-ignore-disk-write-errors', false, 'Keep replicating after failing to persist.'),
  bool('replica-announced', true, 'Show this replica in the master\'s INFO.'),
  int('replica-priority', 'int', 0n, INT_MAX, 100n, 'Sentinel promotion priority; 0 never promotes.', { aliases: ['slave-priority'] }),
  str('replica-announce-ip', '', 'IP announced to the master.', { aliases: ['slave-announce-ip'] }),
  int('replica-announce-port', 'int', 0n, 65535n, 0n, 'Port announced to the master.', { aliases: ['slave-announce-port'] }),
  bool('repl-diskless-sync', true, 'Send the RDB to replicas over the socket.'),
  int('repl-diskless-sync-delay', 'int', 0n, INT_MAX, 5n, 'Seconds to wait for more replicas before a diskless sync.'),
  int('repl-diskless-sync-max-replicas', 'int', 0n, INT_MAX, 0n, 'Start the diskless sync early at this many replicas.'),
  enm('repl-diskless-load', ['disabled', 'on-empty-db', 'swapdb'], 'disabled', 'Load the RDB from the socket on replicas.', { denyLoading: true }),
  int('repl-ping-replica-period', 'int', 1n, INT_MAX, 10n, 'Seconds between pings to replicas.', { aliases: ['repl-ping-slave-period'] }),
  int('repl-timeout', 'int', 1n, INT_MAX, 60n, 'Replication timeout in seconds.'),
  bool('repl-disable-tcp-nodelay', false, 'Disable TCP_NODELAY on the replication link.'),
  mem('repl-backlog-size', 'longlong', 1n, LLONG_MAX, 1048576n, 'Replication backlog size (at least 16384 once applied).'),
  int('repl-backlog-ttl', 'time_t', 0n, LONG_MAX, 3600n, 'Seconds without replicas before the backlog is freed.'),
  int('min-replicas-to-write', 'int', 0n, INT_MAX, 0n, 'Refuse writes with fewer good replicas; 0 disables.', { aliases: ['min-slaves-to-write'] }),
  int('min-replicas-max-lag', 'int', 0n, INT_MAX, 10n, 'Lag in seconds under which a replica counts as good.', { aliases: ['min-slaves-max-lag'] }),
  enm('propagation-error-behavior', ['ignore', 'panic', 'panic-on-replicas'], 'ignore', 'What to do when a replicated command fails.'),
  // --- cluster ---
  bool('cluster-enabled', false, 'Cluster mode.', I),
  str('cluster-config-file', 'nodes.conf', 'Cluster state file.', I),
  int('cluster-node-timeout', 'longlong', 0n, LLONG_MAX, 15000n, 'Milliseconds before a node is considered failing.'),
  int('cluster-port', 'int', 0n, 65535n, 0n, 'Cluster bus port; 0 means port + 10000.', I),
  str('cluster-announce-ip', '', 'IP announced to the cluster.'),
  str('cluster-announce-hostname', '', 'Hostname announced to the cluster.', { validate: validHostname }),
  int('cluster-announce-port', 'int', 0n, 65535n, 0n, 'Client port announced to the cluster.'),
  int('cluster-announce-bus-port', 'int', 0n, 65535n, 0n, 'Bus port announced to the cluster.'),
  int('cluster-announce-tls-port', 'int', 0n, 65535n, 0n, 'TLS port announced to the cluster.'),
  enm('cluster-preferred-endpoint-type', ['ip', 'hostname', 'unknown-endpoint'], 'ip', 'Endpoint type in redirections.'),
  int('cluster-replica-validity-factor', 'int', 0n, INT_MAX, 10n, 'Maximum replica data age factor for failover.', { aliases: ['cluster-slave-validity-factor'] }),
  int('cluster-migration-barrier', 'int', 0n, INT_MAX, 1n, 'Replicas a master keeps before one migrates.'),
  bool('cluster-allow-replica-migration', true, 'Allow replicas to migrate to orphaned masters.'),
  bool('cluster-require-full-coverage', true, 'Stop serving when a slot is uncovered.'),
  bool('cluster-replica-no-failover', false, 'Never fail over this replica automatically.', { aliases: ['cluster-slave-no-failover'] }),
  bool('cluster-allow-reads-when-down', false, 'Serve reads while the cluster is down.'),
  bool('cluster-allow-pubsubshard-when-down', true, 'Serve sharded pub/sub while the cluster is down.'),
  mem('cluster-link-sendbuf-limit', 'ulonglong', 0n, ULLONG_MAX, 0n, 'Send buffer limit of a cluster link; 0 disables.'),
  // --- observability ---
  int('slowlog-log-slower-than', 'longlong', -1n, LLONG_MAX, 10000n, 'Microseconds above which a command is logged; -1 disables, 0 logs all.'),
  int('slowlog-max-len', 'ulong', 0n, LONG_MAX, 128n, 'Maximum entries of the slow log.'),
  int('latency-monitor-threshold', 'longlong', 0n, LLONG_MAX, 0n, 'Milliseconds above which events are sampled; 0 disables.'),
  bool('latency-tracking', true, 'Track per-command latency percentiles.'),
  special('latency-tracking-info-percentiles', '50 99 99.9', 'Percentiles shown by INFO latencystats.', { multiArg: true }),
  special('notify-keyspace-events', '', 'Keyspace notification classes (Ag$lshzxeKEtmdn).'),
  int('watchdog-period', 'int', 0n, INT_MAX, 0n, 'Software watchdog period in milliseconds.', { hidden: true }),
  // --- TLS (stored only) ---
  int('tls-port', 'int', 0n, 65535n, 0n, 'TLS port; 0 disables.'),
  str('tls-cert-file', '', 'TLS certificate.'),
  str('tls-key-file', '', 'TLS private key.'),
  str('tls-key-file-pass', '', 'Passphrase of the TLS private key.'),
  str('tls-client-cert-file', '', 'TLS client certificate.'),
  str('tls-client-key-file', '', 'TLS client private key.'),
  str('tls-client-key-file-pass', '', 'Passphrase of the TLS client private key.'),
  str('tls-dh-params-file', '', 'DH parameters file.'),
  str('tls-ca-cert-file', '', 'CA certificate bundle.'),
  str('tls-ca-cert-dir', '', 'CA certificate directory.'),
  enm('tls-auth-clients', ['no', 'yes', 'optional'], 'yes', 'Require client certificates.'),
  bool('tls-replication', false, 'Use TLS for replication links.'),
  bool('tls-cluster', false, 'Use TLS for the cluster bus.'),
  str('tls-protocols', '', 'Enabled TLS protocol versions.'),
  str('tls-ciphers', '', 'TLS 1.2 ciphers.'),
  str('tls-ciphersuites', '', 'TLS 1.3 ciphersuites.'),
  bool('tls-prefer-server-ciphers', false, 'Prefer the server\'s cipher order.'),
  bool('tls-session-caching', true, 'Cache TLS sessions.'),
  int('tls-session-cache-size', 'int', 0n, INT_MAX, 20480n, 'TLS session cache entries.'),
  int('tls-session-cache-timeout', 'int', 0n, INT_MAX, 300n, 'TLS session cache timeout in seconds.'),
];

function toSpec(e: ConfigEntry): ParamSpec {
  const flags = (e.immutable ? ParamFlag.IMMUTABLE : 0) | (e.protected ? ParamFlag.PROTECTED : 0);
  const spec: ParamSpec = { ...e, kind: e.type, def: e.default, flags };
  if (e.enumValues) (spec as { values?: readonly string[] }).values = e.enumValues;
  return Object.freeze(spec);
}

/** Every parameter, in a stable order (CONFIG GET * lists them this way). */
export const CONFIG_SCHEMA: readonly ParamSpec[] = Object.freeze(ENTRIES.map(toSpec));
/** Same list under its older name. */
export const PARAMS = CONFIG_SCHEMA;

export { parseMemory, formatMemory } from './values.js';
