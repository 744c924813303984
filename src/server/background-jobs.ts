/**
 * The server's two background jobs over the engine snapshot, BGSAVE (with the
 * save rules) and the AOF rewrite, built once and wired to each other: one
 * runs at a time, and what waits for the other starts from the cron.
 */
import { BackgroundSaver } from '../persistence/bgsave.js';
import { AofRewriter } from '../persistence/aof/rewrite.js';
import { RdbSnapshotEncoder } from '../persistence/rdb/rdb-snapshot.js';
import { rdbFileOptions } from '../persistence/rdb-service.js';
import type { Server } from './server.js';

export interface BackgroundJobs {
  bgsave: BackgroundSaver;
  aofRewrite: AofRewriter;
}

export function createBackgroundJobs(server: Server): BackgroundJobs {
  const jobs = {} as BackgroundJobs;
  jobs.bgsave = new BackgroundSaver({
    config: server.config,
    engine: server.engine,
    log: server.log,
    persistence: server.persistence,
    changes: () => server.stats.dirty,
    rdbEncoder: () => new RdbSnapshotEncoder(rdbFileOptions(server), Date.now()),
    otherJobRunning: () => jobs.aofRewrite.inProgress,
  });
  jobs.aofRewrite = new AofRewriter({
    config: server.config,
    engine: server.engine,
    log: server.log,
    persistence: server.persistence,
    aof: () => server.aof,
    bgsaveRunning: () => jobs.bgsave.inProgress,
    rdbOptions: () => rdbFileOptions(server),
  });
  return jobs;
}
