import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, startServer, skipWithoutRedis, type RedisProcess, type TestServer } from '../helpers/server.js';
import { Rng, defaultNormaliser, diffRun, report, type Cmd } from './harness.js';
import { SETUP, normaliseZset, randomCommand } from './zsets.gen.js';

const skip = skipWithoutRedis('redis-server');
const COMMANDS = Number(process.env.NENCACHE_DIFF_COMMANDS ?? 12000);
const SEED = Number(process.env.NENCACHE_DIFF_SEED ?? 20260707);

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

test(`sorted sets answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [...SETUP];
  for (let i = 0; i < COMMANDS; i++) cmds.push(randomCommand(rng));
  // Finish with a full state comparison.
  for (const k of ['z1', 'z2', 'z3', 'zl', 'dst']) cmds.push(['ZRANGE', k, '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', k]);
  cmds.push(['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(redis.port, nen.port, cmds, (c, x) => normaliseZset(c, defaultNormaliser(c, x)));
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
