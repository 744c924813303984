import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { TransactionStream, transactionNormaliser } from './transactions.gen.js';

const fx = diffFixture(12000, 20261124);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

test(`MULTI, EXEC, DISCARD, WATCH and UNWATCH answer as redis-server does over ${COMMANDS} random commands on one connection`, { skip }, async () => {
  const rng = new Rng(SEED);
  const stream = new TransactionStream(rng);
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) cmds.push(stream.next());
  cmds.push(...stream.finish());
  for (const db of ['0', '1']) cmds.push(['SELECT', db], ['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds, transactionNormaliser);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
  // The stream must actually exercise transactions: count the EXEC outcomes seen.
  const execs = cmds.filter((c) => c[0] === 'EXEC' && c.length === 1).length;
  assert.ok(execs > COMMANDS / 30, `only ${execs} EXECs`);
});
