/**
 * Wires the AOF into the server: at startup (appendonly yes) loads or creates
 * the files, then installs the call recorder, the expiry/eviction DEL hooks
 * and the CONFIG SET listeners (appendfsync; appendonly no closes the AOF;
 * appendonly yes at runtime needs a rewrite, refused until BGREWRITEAOF exists).
 */
import type { Server } from '../../server/server.js';
import { AofManager, type RdbBaseLoader } from './manager.js';
import { Replayer } from './replay.js';
import type { AofFs, FsyncPolicy } from './writer.js';

/** Test and embedding seams for the AOF. */
export interface AofHooks {
  fs?: AofFs;
  onFatal?: (message: string) => void;
  loadRdbBase?: RdbBaseLoader;
}

/** Loads or creates the AOF when appendonly is yes; throws AofLoadError when the server must not start. */
export function startAof(server: Server, hooks: AofHooks = {}): void {
  const c = server.config;
  c.onChange('appendfsync', () => {
    if (server.aof !== null) server.aof.writer.policy = c.getString('appendfsync') as FsyncPolicy;
  });
  c.onChange('appendonly', () => {
    if (c.getBool('appendonly')) {
      if (server.aof !== null) return;
      throw new Error('Turning the AOF on at runtime needs BGREWRITEAOF, which this build does not have yet: restart with --appendonly yes');
    }
    stopAof(server);
  });
  if (!c.getBool('appendonly')) return;
  const replay = new Replayer(server.engine, server);
  const m = AofManager.open(
    {
      dir: c.getString('dir'),
      dirname: c.getString('appenddirname'),
      filename: c.getString('appendfilename'),
      policy: c.getString('appendfsync') as FsyncPolicy,
      loadTruncated: c.getBool('aof-load-truncated'),
      state: server.persistence,
      log: server.log,
      ...hooks,
    },
    server.engine,
    replay,
  );
  server.stats.dirty = 0;
  server.persistence.dirtyAtLastSave = 0;
  m.propagator.currentDb = () => server.current?.dbIndex ?? 0;
  server.attachAof(m);
}

/** Flushes, fsyncs and closes the AOF; the server records nothing more. */
export function stopAof(server: Server): void {
  const m = server.aof;
  if (m === null) return;
  server.attachAof(null);
  m.close();
}
