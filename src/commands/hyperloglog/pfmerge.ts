// PFMERGE destkey [sourcekey [sourcekey ...]]
import { N, notifyArg } from '../notify.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { Encoding, NO_KEY } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { HLL_DENSE, HLL_HDR, HLL_REGISTERS, HllWork, denseSet, invalidateCache } from '../../engine/types/hyperloglog.js';
import { hllMerge } from '../../engine/types/hyperloglog-count.js';
import { INVALIDOBJ, viewHll } from './hll-common.js';

const view = new StringView();
const work = new HllWork();
const max = new Uint8Array(HLL_REGISTERS);

export default defineCommand({
  name: 'pfmerge',
  arity: -2,
  flags: ['write', 'denyoom'],
  acl: ['hyperloglog'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'INSERT']), rangeKeySpec(['RO', 'ACCESS'], 2, -1)],
  doc: { summary: 'Merge N different HyperLogLogs into a single one.', since: '2.8.9', group: 'hyperloglog', complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const n = args.count;
    max.fill(0);
    let useDense = false;
    // The destination is one of the inputs.
    for (let j = 1; j < n; j++) {
      const slot = db.lookupReadAt(args.buf, args.start(j), args.end(j));
      if (slot === NO_KEY) continue;
      const err = viewHll(db, slot, view);
      if (err !== null) return reply.error(err);
      if (view.mem[view.start + 4] === HLL_DENSE) useDense = true;
      if (!hllMerge(max, view.mem, view.start, view.len)) return reply.error(INVALIDOBJ);
    }
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    if (slot === NO_KEY) work.initEmpty();
    else {
      view.of(db, slot);
      work.load(view.mem, view.start, view.len);
    }
    if (useDense && !work.toDense()) {
      db.putBytesAt(kbuf, ks, ke, Encoding.RAW, work.buf, 0, work.len, true);
      return reply.error(INVALIDOBJ);
    }
    const sparseMax = ctx.server.config.getNumber('hll-sparse-max-bytes');
    for (let j = 0; j < HLL_REGISTERS; j++) {
      if (max[j] === 0) continue;
      if (work.dense) denseSet(work.buf, HLL_HDR, j, max[j]!);
      else work.sparseSet(j, max[j]!, sparseMax);
    }
    invalidateCache(work.buf, 0);
    db.putBytesAt(kbuf, ks, ke, Encoding.RAW, work.buf, 0, work.len, true);
    ctx.dirty(1);
    notifyArg(ctx, N.STRING, 'pfadd', args, 1);
    reply.ok();
  },
}) satisfies CommandSpec;
