import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, diffRun, report, type Cmd, diffFixture } from './harness.js';
import { BITMAP, HLL, STRINGS, randomCommand } from './bits.gen.js';

const fx = diffFixture(20000, 20260417);
const skip = fx.skip;
const COMMANDS = fx.commands;
const SEED = fx.seed;
/** NENCACHE_DIFF_GROUPS=bitmap or hyperloglog limits the stream to one group (plus strings). */
const GROUPS = process.env.NENCACHE_DIFF_GROUPS ?? 'bitmap,hyperloglog';

test(`bitmaps and HyperLogLogs answer and store bytes as redis-server does over ${COMMANDS} random commands`, { skip }, async () => {
  const rng = new Rng(SEED);
  const tables = [STRINGS, ...(GROUPS.includes('bitmap') ? [BITMAP] : []), ...(GROUPS.includes('hyperloglog') ? [HLL] : [])];
  const cmds: Cmd[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    cmds.push(randomCommand(rng, tables));
    // A small sparse limit now and then: promotion to dense happens often, at varied sizes.
    if (i % 3000 === 1500) cmds.push(['CONFIG', 'SET', 'hll-sparse-max-bytes', rng.pick(['30', '200', '3000'])]);
  }
  // Finish with a full state comparison.
  cmds.push(['KEYS', '*'], ['DBSIZE']);
  for (const k of ['b1', 'b2', 'b3', 'h1', 'h2', 'h3', 'n', 's', '']) cmds.push(['GET', k], ['OBJECT', 'ENCODING', k]);
  const r = await diffRun(fx.redis.port, fx.nen.port, cmds);
  assert.equal(r.mismatches.length, 0, report(SEED, r));
});
