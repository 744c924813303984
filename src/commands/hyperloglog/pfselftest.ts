// PFSELFTEST
import { defineCommand, type CommandSpec } from '../define.js';
import { HLL_DENSE_SIZE, HLL_HDR, HLL_REGISTERS, HllWork, denseAdd, denseGet, denseSetReg } from '../../engine/types/hyperloglog.js';
import { hllCount } from '../../engine/types/hyperloglog-count.js';

const REGISTER_MAX = 63;

/**
 * Redis's pfselftestCommand(): register packing round trips, then 10 million
 * distinct elements added to a dense and a sparse HLL at once, checking at
 * each power of ten that the two agree, that small ones stay sparse, and that
 * the estimate is within 5 standard errors. Blocks for seconds, as in Redis.
 */
function selfTest(sparseMax: number): string | null {
  const dense = Buffer.alloc(HLL_DENSE_SIZE);
  const bytes = new Uint8Array(HLL_REGISTERS);
  for (let j = 0; j < 1000; j++) {
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const r = Math.floor(Math.random() * 0x7fffffff) & REGISTER_MAX;
      bytes[i] = r;
      denseSetReg(dense, HLL_HDR, i, r);
    }
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = denseGet(dense, HLL_HDR, i);
      if (v !== bytes[i]) return `TESTFAILED Register error, counter ${i} should be ${bytes[i]} but is ${v}`;
    }
  }
  dense.fill(0, HLL_HDR);
  dense.write('HYLL', 0, 'latin1');
  const sparse = new HllWork().initEmpty();
  const relerr = 1.04 / Math.sqrt(HLL_REGISTERS);
  const seedHi = Math.floor(Math.random() * 0x100000000);
  const seedLo = Math.floor(Math.random() * 0x100000000);
  const ele = Buffer.alloc(8);
  let checkpoint = 1;
  for (let j = 1; j <= 10_000_000; j++) {
    ele.writeUInt32LE((j ^ seedLo) >>> 0, 0);
    ele.writeUInt32LE(seedHi, 4);
    denseAdd(dense, HLL_HDR, ele, 0, 8);
    if (sparse.add(ele, 0, 8, sparseMax) < 0) return 'TESTFAILED sparse representation corrupted';
    if (j !== checkpoint) continue;
    if (j < sparseMax / 2 && sparse.dense) return 'TESTFAILED sparse encoding not used';
    const approx = hllCount(dense, 0, HLL_DENSE_SIZE);
    if (approx !== hllCount(sparse.buf, 0, sparse.len)) return 'TESTFAILED dense/sparse disagree';
    const abserr = checkpoint * relerr;
    if (Math.abs(approx - checkpoint) > abserr * 5) return `TESTFAILED Too big error. card:${checkpoint} abserr:${abserr.toFixed(6)}`;
    checkpoint *= 10;
  }
  return null;
}

export default defineCommand({
  name: 'pfselftest',
  arity: 1,
  flags: ['admin'],
  acl: ['hyperloglog'],
  doc: { summary: 'An internal command for testing HyperLogLog values', since: '2.8.9', group: 'hyperloglog', complexity: 'N/A' },
  handler(ctx, _args, reply) {
    const failed = selfTest(ctx.server.config.getNumber('hll-sparse-max-bytes'));
    if (failed !== null) return reply.error(`ERR ${failed}`);
    reply.ok();
  },
}) satisfies CommandSpec;
