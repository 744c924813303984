// PFCOUNT key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { Encoding, NO_KEY } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { HLL_REGISTERS, HllWork } from '../../engine/types/hyperloglog.js';
import { cardReply, countStatus, hllCount, hllMerge, rawCount, storeCard } from '../../engine/types/hyperloglog-count.js';
import { INVALIDOBJ, editableInPlace, viewHll } from './hll-common.js';

const view = new StringView();
const work = new HllWork();
const max = new Uint8Array(HLL_REGISTERS);

export default defineCommand({
  name: 'pfcount',
  arity: -2,
  flags: ['readonly'],
  mayReplicate: true,
  acl: ['hyperloglog'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS'], 1, -1, 1, 0, 'RW because it may change the internal representation of the key, and propagate to replicas')],
  doc: {
    summary: 'Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity:
      'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const n = args.count;
    if (n > 2) {
      // The union: register-wise maximum into a temporary, nothing stored.
      max.fill(0);
      for (let j = 1; j < n; j++) {
        const slot = db.lookupReadAt(args.buf, args.start(j), args.end(j));
        if (slot === NO_KEY) continue;
        const err = viewHll(db, slot, view);
        if (err !== null) return reply.error(err);
        if (!hllMerge(max, view.mem, view.start, view.len)) return reply.error(INVALIDOBJ);
      }
      const card = cardReply(rawCount(max));
      return typeof card === 'bigint' ? reply.bigint(card) : reply.int(card);
    }
    const slot = db.lookupReadAt(args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.int(0);
    const err = viewHll(db, slot, view);
    if (err !== null) return reply.error(err);
    // The cached cardinality is part of the value: PFCOUNT writes it (and, as
    // Redis unshares the value first, leaves the string raw in any case).
    const inPlace = editableInPlace(db, slot);
    let mem: Uint8Array = view.mem;
    let s = view.start;
    if (!inPlace) {
      work.load(view.mem, view.start, view.len);
      mem = work.buf;
      s = 0;
    }
    const len = view.len;
    let card: number | bigint;
    if ((mem[s + 15]! & 0x80) === 0) {
      card = cachedCard(mem, s);
    } else {
      const e = hllCount(mem, s, len);
      if (countStatus.invalid) {
        if (!inPlace) db.replaceBytes(slot, Encoding.RAW, mem, s, s + len);
        return reply.error(INVALIDOBJ);
      }
      storeCard(mem, s, e);
      card = cardReply(e);
      ctx.dirty(1);
    }
    if (!inPlace) db.replaceBytes(slot, Encoding.RAW, mem, s, s + len);
    if (typeof card === 'bigint') reply.bigint(card);
    else reply.int(card);
  },
}) satisfies CommandSpec;

/** The cached cardinality: 8 bytes little-endian (bit 63 clear). */
function cachedCard(mem: Uint8Array, s: number): number | bigint {
  let v = 0n;
  for (let k = 15; k >= 8; k--) v = (v << 8n) | BigInt(mem[s + k]!);
  return v <= 9007199254740991n ? Number(v) : v;
}
