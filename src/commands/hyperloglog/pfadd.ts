// PFADD key [element [element ...]]
import { N, notifyArg } from '../notify.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { Encoding, NO_KEY } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { HLL_DENSE, HLL_HDR, HllWork, denseAdd, invalidateCache } from '../../engine/types/hyperloglog.js';
import { INVALIDOBJ, editableInPlace, viewHll } from './hll-common.js';

const view = new StringView();
const work = new HllWork();

export default defineCommand({
  name: 'pfadd',
  arity: -2,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hyperloglog'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: { summary: 'Adds the specified elements to the specified HyperLogLog.', since: '2.8.9', group: 'hyperloglog', complexity: 'O(1) to add every element.' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    let updated = 0;
    const n = args.count;
    if (slot !== NO_KEY) {
      const err = viewHll(db, slot, view);
      if (err !== null) return reply.error(err);
      if (view.mem[view.start + 4] === HLL_DENSE && editableInPlace(db, slot)) {
        // A dense HLL never changes size: its registers are updated where they lie.
        const s = db.refStart;
        const mem = view.mem;
        for (let j = 2; j < n; j++) updated += denseAdd(mem, s + HLL_HDR, kbuf, args.start(j), args.end(j));
        if (updated > 0) {
          invalidateCache(mem, s);
          db.modified(slot);
          ctx.dirty(updated);
          notifyArg(ctx, N.STRING, 'pfadd', args, 1);
        }
        return reply.int(updated > 0 ? 1 : 0);
      }
      work.load(view.mem, view.start, view.len);
    } else {
      work.initEmpty();
      updated++;
    }
    const sparseMax = ctx.server.config.getNumber('hll-sparse-max-bytes');
    let failed = false;
    for (let j = 2; j < n; j++) {
      const r = work.add(kbuf, args.start(j), args.end(j), sparseMax);
      if (r === 1) updated++;
      else if (r === -1) {
        failed = true;
        break;
      }
    }
    if (updated > 0 && !failed) invalidateCache(work.buf, 0);
    // Stored raw even when unchanged (Redis unshares the value before adding); what was done before an error stays.
    if (updated > 0 || slot === NO_KEY || db.encoding(slot) !== Encoding.RAW) {
      db.putBytesAt(kbuf, ks, ke, Encoding.RAW, work.buf, 0, work.len, true);
    }
    if (failed) return reply.error(INVALIDOBJ);
    if (updated > 0) {
      ctx.dirty(updated);
      notifyArg(ctx, N.STRING, 'pfadd', args, 1);
    }
    reply.int(updated > 0 ? 1 : 0);
  },
}) satisfies CommandSpec;
