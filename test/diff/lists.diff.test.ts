import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, defaultNormaliser, diffRun, report, type Cmd, type Normaliser, diffFixture } from './harness.js';
import { finalState, randomCommand } from './lists.gen.js';

const fx = diffFixture(12000, 20260705);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

/** HELLO's reply names the server; SCAN's order is the table's. */
const normalise: Normaliser = (cmd, r) => {
  const name = String(cmd[0]).toUpperCase();
  if (name === 'HELLO') return typeof r === 'object' && r !== null && !Array.isArray(r) && 'error' in r ? r : 'hello';
  if (name === 'SCAN' && Array.isArray(r) && Array.isArray(r[1])) return [r[0], [...(r[1] as unknown[])].map(String).sort()];
  return defaultNormaliser(cmd, r);
};

test(`lists answer as redis-server does over ${COMMANDS} random commands (RESP2 and RESP3)`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) cmds.push(randomCommand(rng));
  cmds.push(...finalState());
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds, normalise);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
