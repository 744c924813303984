import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, startServer, skipWithoutRedis, type RedisProcess, type TestServer } from '../helpers/server.js';
import { Rng, diffRun, report, type Cmd } from './harness.js';
import { randomCommand } from './strings-keys.gen.js';

const skip = skipWithoutRedis('redis-server');
const COMMANDS = Number(process.env.NENCACHE_DIFF_COMMANDS ?? 24000);
const SEED = Number(process.env.NENCACHE_DIFF_SEED ?? 20261123);

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

test(`strings, keys and expiry answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) cmds.push(randomCommand(rng));
  // Finish with a full state comparison of both databases.
  for (const db of ['0', '1']) cmds.push(['SELECT', db], ['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(redis.port, nen.port, cmds);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
