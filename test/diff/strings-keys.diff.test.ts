import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { randomCommand } from './strings-keys.gen.js';

const fx = diffFixture(24000, 20261123);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

test(`strings, keys and expiry answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) cmds.push(randomCommand(rng));
  // Finish with a full state comparison of both databases.
  for (const db of ['0', '1']) cmds.push(['SELECT', db], ['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
