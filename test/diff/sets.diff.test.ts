import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { randomSetCommands } from './sets.gen.js';
import { setsNormaliser } from './sets.normalise.js';

const fx = diffFixture(12000, 20261124);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

test(`sets answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  // A small threshold so intset -> hashtable conversions happen often.
  const cmds: Cmd[] = [['CONFIG', 'SET', 'set-max-intset-entries', '5']];
  while (cmds.length < COMMANDS) cmds.push(...randomSetCommands(rng));
  // Finish with a full state comparison.
  cmds.push(['KEYS', '*'], ['DBSIZE']);
  for (const k of ['s1', 's2', 's3', 's4', 'str', 'lst', '']) cmds.push(['TYPE', k], ['OBJECT', 'ENCODING', k], ['SMEMBERS', k]);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds, setsNormaliser);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
