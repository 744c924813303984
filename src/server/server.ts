/**
 * The TCP server: listens on the configured addresses, enforces maxclients and
 * protected mode at accept, runs the periodic cron (active expiry, idle client
 * timeout), and provides the server services commands use (stats, slowlog,
 * MONITOR feed, shutdown, INFO).
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Args } from '../commands/args.js';
import type { ServerHandle, ServerStats, SlowlogEntry } from '../commands/context.js';
import type { CommandEntry } from '../commands/table.js';
import { CommandTable } from '../commands/table.js';
import { commands } from '../commands/index.js';
import type { Config } from '../config/config.js';
import { Engine } from '../engine/engine.js';
import type { Clock } from '../engine/clock.js';
import type { ParserLimits } from '../protocol/resp/parser.js';
import { buildInfo } from '../observability/info.js';
import { memorySnapshot, type MemorySnapshot } from '../observability/memory-report.js';
import { silentLogger, type Logger } from '../observability/log.js';
import { monitorLine } from '../observability/monitor.js';
import { CommandLog } from './command-log.js';
import type { LatencyMonitor } from '../observability/latency-monitor.js';
import { ClientPause } from './client-pause.js';
import { BlockingRegistry } from './blocking.js';
import { Connection, isLoopback } from './connection.js';
import { WatchRegistry } from './multi.js';
import type { OutputLimit } from './output-limits.js';
import { PubSubRegistry } from './pubsub.js';
import { bindKeyspaceEvents } from './keyspace-events.js';
import { PersistenceState } from '../persistence/state.js';
import type { BackgroundSaver } from '../persistence/bgsave.js';
import type { AofRewriter } from '../persistence/aof/rewrite.js';
import { createBackgroundJobs } from './background-jobs.js';
import { debugReload, loadDataAtStartup, rdbSaveSync } from '../persistence/rdb-service.js';
import { bindEvictionSettings, loadingPause, prepareForShutdown, bindClientLimits } from './server-settings.js';
import type { DispatchHooks, DispatchTarget } from './dispatch.js';
import type { LmcacheListener } from './lmcache-listener.js';
import type { MetricsEndpoint } from '../observability/metrics-http.js';
import { closeSideListeners, openLmcache, openMetrics } from './side-listeners.js';
import type { Database } from '../engine/keyspace.js';
import type { AofManager } from '../persistence/aof/manager.js';
import type { Propagator } from '../persistence/aof/propagate.js';
import { startAof, stopAof, type AofHooks } from '../persistence/aof/bind.js';
import { createTier } from './tier-setup.js';
import { holdForDrain, holdForTier } from './tier-wait.js';

const PROTECTED_MODE_MESSAGE =
  "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. 4) Set up an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n";

export interface ServerOptions {
  config: Config;
  log?: Logger;
  clock?: Clock;
  /** Called when SHUTDOWN stops the server (the CLI exits the process). */
  onShutdown?: () => void;
  /** AOF seams: injected file calls (tests), the fatal-error exit, the RDB base loader. */
  aof?: AofHooks;
}

function newStats(): ServerStats {
  return {
    totalConnections: 0,
    totalCommands: 0,
    rejectedConnections: 0,
    netInputBytes: 0,
    netOutputBytes: 0,
    totalReads: 0,
    totalWrites: 0,
    replyBufferExpands: 0,
    replyBufferShrinks: 0,
    totalErrorReplies: 0,
    errorCodes: new Map(),
    dirty: 0,
  };
}

export class Server implements ServerHandle, DispatchHooks {
  readonly config: Config;
  readonly log: Logger;
  readonly engine: Engine;
  readonly table = new CommandTable(commands);
  stats: ServerStats = newStats();
  readonly startTime = Date.now();
  readonly runId = randomBytes(20).toString('hex');
  readonly parserLimits: ParserLimits;
  /** The connection whose command is running, if any. */
  current: Connection | null = null;
  /** Path of the config file given at start ("" when none), for INFO. */
  configFile = '';
  memoryPeak = 0;
  /** usedMemory() of the empty engine (INFO used_memory_startup). */
  memoryStartup = 0;
  /** client-output-buffer-limit for normal clients. */
  outputLimit: OutputLimit = { hard: 0, soft: 0, softSeconds: 0 };
  /** client-output-buffer-limit for subscribed clients. */
  pubsubOutputLimit: OutputLimit = { hard: 0, soft: 0, softSeconds: 0 };
  /** Keys clients WATCH, told of writes by the keyspace. */
  readonly watches: WatchRegistry;
  readonly pubsubRegistry = new PubSubRegistry();
  /** Connections read into parser-chosen memory (./socket-reads.ts); off, they use 'data' events. */
  readonly directReads = process.env.NENCACHE_DIRECT_READS !== '0';
  /** Snapshot, AOF and loading state (INFO persistence, LASTSAVE). */
  readonly persistence = new PersistenceState();
  /** BGSAVE and the save rules (../persistence/bgsave.ts). */
  readonly bgsave: BackgroundSaver;
  /** BGREWRITEAOF and the automatic rewrite (../persistence/aof/rewrite.ts). */
  readonly aofRewrite: AofRewriter;
  /** notify-keyspace-events bits, 0 when nothing would be published (./keyspace-events.ts). */
  keyspaceEvents = 0;
  /** The append-only file while appendonly is yes (src/persistence/aof/). */
  aof: AofManager | null = null;
  /** The AOF's call recorder, null with the AOF off: dispatch and commands test it once. */
  recorder: Propagator | null = null;
  /** Keys removed by expiry or eviction go to the AOF as DEL while it is on. */
  keyRemovals: ((db: Database, pos: number) => void) | null = null;
  private reapplyKeyHooks: () => void = () => {};
  /** Clients blocked on keys (BLPOP...), told of list and zset writes by the keyspace. */
  readonly blocking: BlockingRegistry;
  readonly commandLog: CommandLog;
  readonly clientPause: ClientPause;
  /** Connections given pub/sub messages this turn, flushed once each by flushPending(). */
  private readonly pendingFlush = new Set<Connection>();
  private flushScheduled = false;
  /** Wall clock in ms, refreshed by the cron every 1000/hz ms, for idle-time bookkeeping. */
  cachedNow = Date.now();
  /** Commands per second over the last second or so, for INFO. */
  opsPerSec = 0;
  private opsSamples: number[] = [];
  private lastOps = 0;
  private lastOpsTime = Date.now();

  /** The lm:// listener when lmcache-port is set. */
  lmcache: LmcacheListener | null = null;
  /** The Prometheus endpoint when metrics-port is set. */
  metrics: MetricsEndpoint | null = null;
  private readonly listeners: net.Server[] = [];
  private readonly conns = new Map<number, Connection>();
  private readonly monitors = new Set<Connection>();
  private nextClientId = 1;
  private cron: NodeJS.Timeout | null = null;
  private activeExpire = true;
  private boundPort = 0;
  private stopped = false;
  /** close() has begun: a startup load still running stops at its next step. */
  closing = false;
  private dataLoaded = false;
  private tierOpened = false;

  constructor(private readonly options: ServerOptions) {
    this.config = options.config;
    this.log = options.log ?? silentLogger();
    this.engine = new Engine({ databases: this.config.getNumber('databases'), clock: options.clock });
    this.watches = new WatchRegistry(this.engine);
    this.commandLog = new CommandLog(this.config);
    this.blocking = new BlockingRegistry(
      this.engine,
      (c) => {
        const prev = this.current;
        this.current = c;
        return prev;
      },
      (w, replyUs, failed) => this.commandLog.unblocked(w, replyUs, failed),
    );
    this.clientPause = new ClientPause(this.blocking);
    ({ bgsave: this.bgsave, aofRewrite: this.aofRewrite } = createBackgroundJobs(this));
    bindEvictionSettings(this);
    if (this.config.getBool('tiering')) this.engine.setTier(createTier(this));
    this.reapplyKeyHooks = bindKeyspaceEvents(this);
    this.memoryStartup = this.engine.usedMemory();
    this.parserLimits = bindClientLimits(this);
    this.config.onChange('hz', () => this.startCron());
  }

  /** The port actually bound (useful with port 0). */
  get port(): number {
    return this.boundPort;
  }

  /** Sets (or, with null, removes) the AOF that records writes. */
  attachAof(m: AofManager | null): void {
    this.aof = m;
    const rec = m === null ? null : m.propagator;
    this.recorder = rec;
    this.keyRemovals = rec === null ? null : (db, pos) => rec.deleted(this.engine.dbs.indexOf(db), db.keyName(pos));
    this.reapplyKeyHooks();
  }

  /**
   * Binds every address of `bind` on `port`, then loads the data (once:
   * dir/dbfilename with appendonly no, the AOF with yes; answering -LOADING
   * meanwhile as Redis) and resolves when the server is ready. Throws
   * RdbLoadError or AofLoadError when a file cannot be loaded: the server
   * must not start on a partial dataset.
   */
  async listen(): Promise<void> {
    const port = this.config.getNumber('port');
    const binds = this.config.getString('bind').split(/\s+/).filter((b) => b !== '');
    let bound = port;
    for (const raw of binds.length > 0 ? binds : ['0.0.0.0']) {
      // A leading '-' marks an optional address: failing to bind it is not fatal.
      const optional = raw.startsWith('-');
      const host = optional ? raw.slice(1) : raw;
      // Paused, so a connection's handle can move into a Socket that reads where we say (./socket-reads.ts).
      const srv = net.createServer({ noDelay: true, pauseOnConnect: this.directReads }, (socket) => this.accept(socket));
      srv.maxConnections = Infinity;
      try {
        await new Promise<void>((resolve, reject) => {
          srv.once('error', reject);
          srv.listen({ host: host === '*' ? undefined : host, port: bound, backlog: this.config.getNumber('tcp-backlog') }, () => {
            srv.off('error', reject);
            resolve();
          });
        });
      } catch (err) {
        if (optional) continue;
        await this.close();
        throw err;
      }
      const addr = srv.address();
      if (addr !== null && typeof addr === 'object') bound = addr.port;
      this.listeners.push(srv);
    }
    this.boundPort = bound;
    await openMetrics(this);
    if (!this.dataLoaded) {
      this.dataLoaded = true;
      try {
        await loadDataAtStartup(this, () => loadingPause(this));
        await startAof(this, this.options.aof ?? {}, () => loadingPause(this));
      } catch (err) {
        if (!this.closing) await this.close();
        throw err;
      }
    }
    if (this.engine.tier !== null && !this.tierOpened) {
      this.tierOpened = true;
      await this.engine.tier.open(this.config.getString('tier-restart') === 'recover');
    }
    await openLmcache(this);
    this.startCron();
    this.log.info({ port: bound, bind: binds }, 'Ready to accept connections');
  }

  /** Stops listening, closes every client and the cron. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.cron !== null) clearInterval(this.cron);
    this.cron = null;
    this.blocking.stop();
    this.clientPause.stop();
    this.bgsave.abort();
    this.aofRewrite.abort();
    // Their temp files are gone once they have let go.
    await Promise.all([this.bgsave.wait(), this.aofRewrite.wait()]);
    for (const c of [...this.conns.values()]) c.close();
    await closeSideListeners(this);
    stopAof(this);
    await Promise.all(this.listeners.map((l) => new Promise<void>((r) => l.close(() => r()))));
    this.listeners.length = 0;
    await this.engine.tier?.close();
  }

  requiresAuth(): boolean {
    return this.config.getString('requirepass') !== '';
  }

  private accept(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    if (this.conns.size >= this.config.getNumber('maxclients')) {
      this.stats.rejectedConnections++;
      socket.resume().end('-ERR max number of clients reached\r\n');
      return;
    }
    if (this.config.getBool('protected-mode') && !this.requiresAuth() && !isLoopback(socket.remoteAddress)) {
      this.stats.rejectedConnections++;
      socket.resume().end(PROTECTED_MODE_MESSAGE);
      return;
    }
    const conn = new Connection(socket, this, this.nextClientId++);
    this.conns.set(conn.id, conn);
    this.stats.totalConnections++;
  }

  removeClient(c: Connection): void {
    this.conns.delete(c.id);
    this.monitors.delete(c);
  }

  /** A subscriber got output outside its own read event: flush it once, after this turn's other events. */
  scheduleFlush(c: Connection): void {
    this.pendingFlush.add(c);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushPending());
  }

  private flushPending(): void {
    this.flushScheduled = false;
    // As beforeSleep: the AOF tail is written before the replies that acknowledge it (everysec, no).
    const aof = this.aof;
    if (aof !== null && aof.writer.holding && aof.writer.policy !== 'always') aof.writer.flushBatch();
    for (const c of this.pendingFlush) if (!c.closed) c.flushOutput();
    this.pendingFlush.clear();
  }

  addMonitor(c: Connection): void {
    this.monitors.add(c);
  }
  removeMonitor(c: Connection): void {
    this.monitors.delete(c);
  }

  countError(text: string): void {
    this.stats.totalErrorReplies++;
    const sp = text.indexOf(' ');
    const code = sp < 0 ? text : text.slice(0, sp);
    this.stats.errorCodes.set(code, (this.stats.errorCodes.get(code) ?? 0) + 1);
  }

  // ---- DispatchHooks -------------------------------------------------------

  afterCall(t: DispatchTarget, entry: CommandEntry, args: Args, durationUs: number): void {
    const conn = t as Connection;
    // A call that blocked is logged when its wait ends (CommandLog.unblocked).
    if (conn.blocked === null) this.commandLog.slow(conn, entry, args, conn.redacted, durationUs);
    if (this.monitors.size > 0 && !entry.skipMonitor && !entry.spec.flags.includes('admin')) {
      const line = monitorLine(conn.dbIndex, conn.addr, args, conn.redacted);
      for (const m of this.monitors) m.feedMonitor(line);
    }
    if (conn.redacted.length !== 0) conn.redacted.length = 0;
  }

  get latencyTracking(): boolean {
    return this.commandLog.latencyTracking;
  }
  get latencyMonitor(): LatencyMonitor {
    return this.commandLog.monitor;
  }
  get pauseMode(): number {
    return this.clientPause.mode;
  }
  holdForPause(t: DispatchTarget, entry: CommandEntry, args: Args): boolean {
    return this.clientPause.hold(t as Connection, entry, args);
  }

  holdForTier(t: DispatchTarget, entry: CommandEntry, args: Args): boolean {
    return holdForTier(this, t as Connection, entry, args);
  }

  holdForDrain(t: DispatchTarget, args: Args): boolean {
    return holdForDrain(this, t as Connection, args);
  }

  // ---- ServerHandle ------------------------------------------------------

  clients(): Iterable<Connection> {
    return this.conns.values();
  }
  clientCount(): number {
    return this.conns.size;
  }
  slowlog(): SlowlogEntry[] {
    return this.commandLog.entries;
  }
  pauseClients(endMs: number, mode: number): void {
    if (mode === 0) this.clientPause.unpause();
    else this.clientPause.pause(endMs, mode);
  }
  slowlogReset(): void {
    this.commandLog.resetSlowlog();
  }
  resetStats(): void {
    const dirty = this.stats.dirty;
    this.stats = newStats();
    this.stats.dirty = dirty;
    this.engine.stats.hits = 0;
    this.engine.stats.misses = 0;
    this.engine.stats.expiredKeys = 0;
    for (const e of this.table.everyEntry()) e.resetStats();
  }
  unblockClient(id: number, error: boolean): boolean {
    return this.blocking.unblockClient(this.conns.get(id), error);
  }
  setActiveExpire(on: boolean): void {
    this.activeExpire = on;
  }
  info(sections: ReadonlySet<string>, all: boolean): string {
    return buildInfo(this, sections, all);
  }

  memory(): MemorySnapshot {
    return memorySnapshot(this);
  }

  rdbSave(keepDirty = false): boolean {
    return rdbSaveSync(this, keepDirty);
  }

  debugReload(save = true): string | null {
    return debugReload(this, save);
  }

  shutdown(options: { save: boolean | null; now: boolean; force: boolean }): string | null {
    const refused = prepareForShutdown(this, options);
    if (refused !== null) return refused;
    this.stopped = true;
    // Let the current event finish writing (SHUTDOWN has no reply on success).
    setImmediate(() => {
      void this.close().then(() => {
        this.log.warn('Redis is now ready to exit, bye bye...');
        this.options.onShutdown?.();
      });
    });
    return null;
  }

  /** Like Redis's trackInstantaneousMetric: average rate over the last 16 samples. */
  private sampleOps(): void {
    const now = Date.now();
    const dt = now - this.lastOpsTime;
    if (dt < 100) return;
    const ops = this.stats.totalCommands;
    this.opsSamples.push(((ops - this.lastOps) * 1000) / dt);
    if (this.opsSamples.length > 16) this.opsSamples.shift();
    this.lastOps = ops;
    this.lastOpsTime = now;
    this.opsPerSec = Math.round(this.opsSamples.reduce((a, b) => a + b, 0) / this.opsSamples.length);
  }

  get connectedClients(): Iterable<Connection> {
    return this.conns.values();
  }

  get monitorCount(): number {
    return this.monitors.size;
  }

  // ---- cron ----------------------------------------------------------------

  private startCron(): void {
    if (this.cron !== null) clearInterval(this.cron);
    const hz = Math.min(500, Math.max(1, this.config.getNumber('hz')));
    this.cron = setInterval(() => this.tick(), Math.floor(1000 / hz));
    this.cron.unref();
  }

  /** Bytes held for clients (query buffers, replies, unsent output) at the last cron tick. */
  clientsMemory = 0;

  /** Bytes held for clients now: query buffers, reply buffers and unsent socket output. */
  clientBuffersBytes(): number {
    let n = 0;
    for (const cl of this.clients()) n += cl.parser.queryBufferLength + cl.writer.out.length + cl.socket.writableLength;
    return n;
  }

  private tick(): void {
    this.clientsMemory = this.clientBuffersBytes();
    this.cachedNow = Date.now();
    this.sampleOps();
    this.engine.refreshClock();
    // Redis skips active expiry while clients are paused.
    if (this.activeExpire && this.clientPause.mode === 0) this.engine.activeExpireCycle(1);
    this.engine.growTables();
    this.bgsave.cron(this.cachedNow);
    this.aofRewrite.cron();
    for (const c of this.conns.values()) c.checkOutputLimit();
    const timeout = this.config.getNumber('timeout');
    if (timeout > 0) {
      const limit = Date.now() - timeout * 1000;
      for (const c of this.conns.values()) {
        // As clientsCronHandleTimeout(): a client blocked on keys is not idle.
        if (c.lastInteraction < limit && !c.monitor && c.blocked === null) {
          this.log.debug({ client: c.addr }, 'Closing idle client');
          c.close();
        }
      }
    }
  }
}

