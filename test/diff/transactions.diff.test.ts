import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis, startServer, skipWithoutRedis, type RedisProcess, type TestServer } from '../helpers/server.js';
import { Rng, diffRun, report, type Cmd } from './harness.js';
import { TransactionStream, transactionNormaliser } from './transactions.gen.js';

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

test(`MULTI, EXEC, DISCARD, WATCH and UNWATCH answer as redis-server does over ${COMMANDS} random commands on one connection`, { skip }, async () => {
  const rng = new Rng(SEED);
  const stream = new TransactionStream(rng);
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) cmds.push(stream.next());
  cmds.push(...stream.finish());
  for (const db of ['0', '1']) cmds.push(['SELECT', db], ['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(redis.port, nen.port, cmds, transactionNormaliser);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
  // The stream must actually exercise transactions: count the EXEC outcomes seen.
  const execs = cmds.filter((c) => c[0] === 'EXEC' && c.length === 1).length;
  assert.ok(execs > COMMANDS / 30, `only ${execs} EXECs`);
});
