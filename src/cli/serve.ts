/**
 * Starts a server from redis-server style arguments: an optional config file
 * then `--name value ...` overrides. Shared by nencache-server and
 * `nencache serve`. Exits the process on SHUTDOWN, SIGINT and SIGTERM.
 */
import { loadConfig } from '../config/conf-file.js';
import { createLogger } from '../observability/log.js';
import { NENCACHE_VERSION, REDIS_COMPAT_VERSION } from '../observability/info.js';
import { Server } from '../server/server.js';
import { RdbLoadError } from '../persistence/rdb-service.js';
import { AofLoadError } from '../persistence/aof/load.js';
import { LoadAbortedError } from '../server/server-settings.js';

export const SERVER_USAGE = `Usage: nencache-server [/path/to/redis.conf] [options] [-]
       nencache-server -v or --version
       nencache-server -h or --help

Examples:
       nencache-server (run the server with default config: 127.0.0.1:6379)
       nencache-server /etc/redis/6379.conf
       nencache-server --port 7777
       nencache-server /etc/myredis.conf --loglevel verbose --requirepass secret

Options are Redis's configuration names (port, bind, requirepass, maxclients,
timeout, databases, proto-max-bulk-len, ...); see docs/configuration.md.`;

/** Runs the server until it is shut down; returns the process exit code on failure. */
export async function runServer(argv: string[]): Promise<void> {
  if (argv[0] === '-h' || argv[0] === '--help') {
    console.log(SERVER_USAGE);
    return;
  }
  if (argv[0] === '-v' || argv[0] === '--version') {
    console.log(`NenCache server v=${NENCACHE_VERSION} (Redis ${REDIS_COMPAT_VERSION} compatible) node=${process.version}`);
    return;
  }
  let config;
  try {
    config = loadConfig(argv);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const log = createLogger({ level: config.getString('loglevel'), file: config.getString('logfile') });
  const server = new Server({ config, log, onShutdown: () => process.exit(0) });
  if (argv.length > 0 && !argv[0]!.startsWith('-')) server.configFile = argv[0]!;
  try {
    await server.listen();
  } catch (err) {
    // SHUTDOWN while loading: the shutdown path exits the process once the server has closed.
    if (err instanceof LoadAbortedError) return;
    if (err instanceof RdbLoadError || err instanceof AofLoadError) {
      // As Redis: a corrupt dump or AOF stops the server rather than serving a partial dataset.
      console.error(err.message);
      log.flush?.();
      process.exit(1);
    }
    log.error({ err }, 'Could not listen');
    console.error(`Could not create server TCP listening socket: ${(err as Error).message}`);
    process.exit(1);
  }
  const stop = (signal: string): void => {
    log.warn({ signal }, `Received ${signal} scheduling shutdown...`);
    // shutdown-on-sig*: "default" saves when save rules are set, as SHUTDOWN does.
    const flags = config.getString(signal === 'SIGINT' ? 'shutdown-on-sigint' : 'shutdown-on-sigterm').split(' ');
    const save = flags.includes('save') ? true : flags.includes('nosave') ? false : null;
    const err = server.shutdown({ save, now: flags.includes('now'), force: flags.includes('force') });
    if (err !== null) log.warn(`${signal} received but errors trying to shut down the server, check the logs for more information`);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
