/**
 * Wires the AOF into the server: at startup (appendonly yes) loads or creates
 * the files, then installs the call recorder, the expiry/eviction DEL hooks
 * and the CONFIG SET listeners (appendfsync; appendonly no closes the AOF;
 * appendonly yes at run time opens a new incr file and rewrites the base).
 */
import type { Server } from '../../server/server.js';
import { rdbLoadAofPreambleAsync } from '../rdb-service.js';
import { AofManager, type RdbBaseLoader } from './manager.js';
import { Replayer } from './replay.js';
import type { AofFs, FsyncPolicy } from './writer.js';

/** Test and embedding seams for the AOF. */
export interface AofHooks {
  fs?: AofFs;
  onFatal?: (message: string) => void;
  loadRdbBase?: RdbBaseLoader;
}

/**
 * Loads or creates the AOF when appendonly is yes, in steps awaiting `pause`
 * (clients get -LOADING meanwhile); the writer is attached in the same turn
 * the load ends, so no write is lost or appended during it. Throws
 * AofLoadError (or RdbLoadError for a bad preamble) when the server must not start.
 */
export async function startAof(server: Server, hooks: AofHooks, pause: () => Promise<void>): Promise<void> {
  const c = server.config;
  c.onChange('appendfsync', () => {
    if (server.aof !== null) server.aof.writer.policy = c.getString('appendfsync') as FsyncPolicy;
  });
  c.onChange('appendonly', () => {
    if (c.getBool('appendonly')) {
      if (server.aof === null) enableAof(server, hooks);
      return;
    }
    stopAof(server);
  });
  if (!c.getBool('appendonly')) return;
  const replay = new Replayer(server.engine, server);
  const m = await AofManager.open(
    {
      dir: c.getString('dir'),
      dirname: c.getString('appenddirname'),
      filename: c.getString('appendfilename'),
      policy: c.getString('appendfsync') as FsyncPolicy,
      loadTruncated: c.getBool('aof-load-truncated'),
      state: server.persistence,
      log: server.log,
      loadRdbBase: (file, step, progress) => rdbLoadAofPreambleAsync(server, file, step, progress),
      ...hooks,
    },
    server.engine,
    replay,
    pause,
  );
  // CONFIG SET appendfsync may have run while loading (the listener above saw no AOF yet).
  m.writer.policy = c.getString('appendfsync') as FsyncPolicy;
  server.stats.dirty = 0;
  server.persistence.dirtyAtLastSave = 0;
  m.propagator.currentDb = () => server.current?.dbIndex ?? 0;
  server.attachAof(m);
}

/**
 * CONFIG SET appendonly yes (startAppendOnly()): writes are appended to a new
 * incr file from now on and a rewrite writes the base from a snapshot of this
 * instant; during a BGSAVE it is scheduled for when that ends.
 */
function enableAof(server: Server, hooks: AofHooks): void {
  const c = server.config;
  const m = AofManager.enable({
    dir: c.getString('dir'),
    dirname: c.getString('appenddirname'),
    filename: c.getString('appendfilename'),
    policy: c.getString('appendfsync') as FsyncPolicy,
    loadTruncated: c.getBool('aof-load-truncated'),
    state: server.persistence,
    log: server.log,
    ...hooks,
  });
  m.propagator.currentDb = () => server.current?.dbIndex ?? 0;
  server.attachAof(m);
  if (server.bgsave.inProgress) server.aofRewrite.scheduled = true;
  else void server.aofRewrite.start();
}

/** Flushes, fsyncs and closes the AOF; the server records nothing more. */
export function stopAof(server: Server): void {
  const m = server.aof;
  if (m === null) return;
  // stopAppendOnly(): a rewrite in progress is killed.
  server.aofRewrite.abort();
  server.attachAof(null);
  m.close();
}
