/**
 * Public entry point of the `nencache` package: run the Redis-compatible
 * server from code, or use the storage engine directly. (The embedded
 * `Cache` API with eviction comes with the engine issue.)
 */
import { loadConfig } from './config/conf-file.js';
import { Server, type ServerOptions } from './server/server.js';

export { Config } from './config/config.js';
export { loadConfig } from './config/conf-file.js';
export { Server, type ServerOptions } from './server/server.js';
export { Engine, type EngineOptions } from './engine/engine.js';
export { Database } from './engine/keyspace.js';
export { Cache, CacheFullError, type CacheOptions, type CachePolicy, type CacheStats, type SetOptions, type CacheKey } from './embedded/cache.js';
export {
  KvCache, KvChunkError, type KvCacheOptions, type KvPutOptions, type KvGetOptions, type KvTensorMeta, type KvDType, type TokenIds,
  type ChunkTier, type KvStats,
} from './embedded/kv-cache.js';
export { FakeClock, systemClock, type Clock } from './engine/clock.js';
export { createLogger, silentLogger, type Logger } from './observability/log.js';
export { NENCACHE_VERSION, REDIS_COMPAT_VERSION } from './observability/version.js';

/**
 * Starts a server with redis-server style settings and resolves once it
 * listens. `await createServer({ port: 0 })` picks a free port
 * (`server.port`); stop it with `server.close()`.
 *
 * @param settings Redis configuration names and values, e.g. `{ port: 7000, requirepass: 'x' }`.
 */
export async function createServer(settings: Record<string, string | number> = {}, options: Omit<ServerOptions, 'config'> = {}): Promise<Server> {
  const argv: string[] = [];
  for (const [name, value] of Object.entries(settings)) argv.push(`--${name}`, ...String(value).split(' '));
  const server = new Server({ ...options, config: loadConfig(argv) });
  await server.listen();
  return server;
}
