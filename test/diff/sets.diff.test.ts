import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, startServer, skipWithoutRedis, type RedisProcess, type TestServer } from '../helpers/server.js';
import { Rng, diffRun, report, type Cmd } from './harness.js';
import { randomSetCommands } from './sets.gen.js';
import { setsNormaliser } from './sets.normalise.js';

const skip = skipWithoutRedis('redis-server');
const COMMANDS = Number(process.env.NENCACHE_DIFF_COMMANDS ?? 12000);
const SEED = Number(process.env.NENCACHE_DIFF_SEED ?? 20261124);

let redis: RedisProcess;
let nen: TestServer;

before(async () => {
  if (skip) return;
  redis = await startRedis();
  nen = await startServer();
});
after(async () => {
  if (skip) return;
  await redis.stop();
  await nen.stop();
});

test(`sets answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  // A small threshold so intset -> hashtable conversions happen often.
  const cmds: Cmd[] = [['CONFIG', 'SET', 'set-max-intset-entries', '5']];
  while (cmds.length < COMMANDS) cmds.push(...randomSetCommands(rng));
  // Finish with a full state comparison.
  cmds.push(['KEYS', '*'], ['DBSIZE']);
  for (const k of ['s1', 's2', 's3', 's4', 'str', 'lst', '']) cmds.push(['TYPE', k], ['OBJECT', 'ENCODING', k], ['SMEMBERS', k]);
  const r = await diffRun(redis.port, nen.port, cmds, setsNormaliser);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
