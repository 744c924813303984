/**
 * Pieces of the server kept out of server.ts: the eviction settings and the
 * client limits bound to the config, the pause between steps of the startup load, and what
 * SHUTDOWN does before the server stops (Redis's prepareForShutdown()).
 */
import { hasSaveRules, rdbSaveSync } from '../persistence/rdb-service.js';
import { STEP_KEYS } from '../persistence/rdb/rdb-load.js';
import type { ParserLimits } from '../protocol/resp/parser.js';
import { parseOutputLimits } from './output-limits.js';
import type { Server } from './server.js';

/**
 * proto-max-bulk-len, client-query-buffer-limit and client-output-buffer-limit,
 * kept current by CONFIG SET; returns the limits object every parser shares.
 */
export function bindClientLimits(server: Server): ParserLimits {
  const c = server.config;
  const limits: ParserLimits = { maxBulkLen: c.getNumber('proto-max-bulk-len'), queryBufferLimit: c.getNumber('client-query-buffer-limit') };
  c.onChange('proto-max-bulk-len', () => (limits.maxBulkLen = c.getNumber('proto-max-bulk-len')));
  c.onChange('client-query-buffer-limit', () => (limits.queryBufferLimit = c.getNumber('client-query-buffer-limit')));
  const output = (): void => {
    server.outputLimit = parseOutputLimits(c.getString('client-output-buffer-limit'), 'normal');
    server.pubsubOutputLimit = parseOutputLimits(c.getString('client-output-buffer-limit'), 'pubsub');
  };
  output();
  c.onChange('client-output-buffer-limit', output);
  return limits;
}

/** maxmemory and friends drive the engine's eviction; client buffers count as used memory, as in Redis. */
export function bindEvictionSettings(server: Server): void {
  const c = server.config;
  const engine = server.engine;
  const apply = (): void => {
    engine.maxMemory = c.getNumber('maxmemory');
    engine.samples = c.getNumber('maxmemory-samples');
    engine.stats.lfuLogFactor = c.getNumber('lfu-log-factor');
    engine.stats.lfuDecayTime = c.getNumber('lfu-decay-time');
  };
  apply();
  engine.setPolicy(c.getString('maxmemory-policy'));
  for (const name of ['maxmemory', 'maxmemory-samples', 'lfu-log-factor', 'lfu-decay-time']) c.onChange(name, apply);
  c.onChange('maxmemory-policy', () => engine.setPolicy(c.getString('maxmemory-policy')));
  // Summed by the cron (every 1000/hz ms), so a command pays no walk over the clients.
  engine.extraMemory = () => server.clientsMemory;
  engine.onPressure = (used, max) => {
    server.log.warn({ used_memory: used, maxmemory: max }, 'Used memory is above 90% of maxmemory: keys will be evicted (or writes refused under noeviction) soon');
  };
}

/**
 * SHUTDOWN's work before stopping: running background jobs are killed, and
 * the dataset is saved when asked, or when save rules are set and NOSAVE was
 * not given. Returns Redis's error when the save failed without FORCE.
 */
export function prepareForShutdown(server: Server, options: { save: boolean | null; force: boolean }): string | null {
  const log = server.log;
  log.warn('User requested shutdown...');
  if (server.bgsave.inProgress) {
    log.warn('There is a child saving an .rdb. Killing it!');
    server.bgsave.abort();
  }
  if (server.aofRewrite.inProgress) {
    log.warn('There is a child rewriting the AOF. Killing it!');
    server.aofRewrite.abort();
  }
  if (options.save === true || (options.save === null && hasSaveRules(server.config))) {
    log.info('Saving the final RDB snapshot before exiting.');
    if (!rdbSaveSync(server)) {
      if (!options.force) {
        log.warn("Error trying to save the DB, can't exit.");
        return 'ERR Errors trying to SHUTDOWN. Check logs.';
      }
      log.warn('Error trying to save the DB. Exit anyway.');
    }
  }
  return null;
}

/** A startup load given up because the server was closed meanwhile. */
export class LoadAbortedError extends Error {}

/**
 * Between steps of the startup load: clients are served (key-load-delay, in
 * µs per key, slows it for tests). Throws LoadAbortedError once the server
 * is closing, so a load never outlives its server (nor opens files after it).
 */
export async function loadingPause(server: Server): Promise<void> {
  const delay = server.config.getNumber('key-load-delay');
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil((delay * STEP_KEYS) / 1000)));
  else await new Promise((resolve) => setImmediate(resolve));
  if (server.closing) throw new LoadAbortedError('The server was closed while loading the dataset');
}
