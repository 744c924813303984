import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient } from '../helpers/resp-client.js';
import { Rng, defaultNormaliser, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { SETUP, normaliseZset, randomBigCommand, randomCommand } from './zsets.gen.js';

const fx = diffFixture(12000, 20260707);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;

test(`sorted sets answer as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const cmds: Cmd[] = [...SETUP];
  // A third of the commands go to the big keys, which grow to a tree of several leaves.
  for (let i = 0; i < COMMANDS; i++) cmds.push(rng.chance(0.35) ? randomBigCommand(rng) : randomCommand(rng));
  // Finish with a full state comparison.
  for (const k of ['z1', 'z2', 'z3', 'zl', 'dst', 'zb', 'zbl']) cmds.push(['ZRANGE', k, '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', k]);
  cmds.push(['KEYS', '*'], ['DBSIZE']);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds, (c, x) => normaliseZset(c, defaultNormaliser(c, x)));
  assert.equal(r.mismatches.length, 0, report(SEED, r));
  if (COMMANDS >= 5000) {
    // The run must have reached the big encoding with a tree of several leaves, not only tiny skiplists.
    const c = await RawClient.connect(fx.nen.port);
    try {
      assert.ok(Number(await c.call('ZCARD', 'zb')) > 200, 'zb grew past 200 members');
      assert.equal(String(await c.call('OBJECT', 'ENCODING', 'zb')), 'skiplist');
    } finally {
      c.close();
    }
  }
});
