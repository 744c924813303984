// SSCAN key cursor [MATCH pattern] [COUNT count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { INVALID_CURSOR, parseCursor, parseScanOptions, replyEmptyScan, scanMatches } from '../generic/scan-options.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { replyMember, view } from './set-common.js';

let scratch = Buffer.allocUnsafe(64);
let picked = new Int32Array(64);

export default defineCommand({
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Incrementally iterate Set elements',
    since: '2.8.0',
    group: 'set',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
  },
  handler(ctx, args, reply) {
    const cursor = parseCursor(args, 2);
    if (cursor < 0) return reply.error(INVALID_CURSOR);
    const db = ctx.db;
    const buf = args.buf;
    const pos = lookupReadOf(db, KeyType.SET, buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return replyEmptyScan(reply);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const o = parseScanOptions(args, 3, false, reply);
    if (o === null) return;
    view.load(db, pos);
    const size = view.size;
    // An intset is returned whole in one call, as Redis does. A hashtable is
    // walked from the top index down: removal fills a hole with the last
    // member, which the walk has already passed, so no member that stays in
    // the set for the whole iteration is missed.
    let from = size;
    let to = 0;
    let next = 0;
    if (view.ht !== null) {
      from = cursor === 0 ? size : Math.min(cursor, size);
      to = Math.max(0, from - o.count);
      next = to;
    }
    if (picked.length < from - to) picked = new Int32Array((from - to) * 2);
    let n = 0;
    const t = view.ht;
    for (let i = from - 1; i >= to; i--) {
      if (o.usePattern) {
        if (t !== null) {
          if (!scanMatches(args, o, t.mem, t.keyStart(i), t.keyEnd(i))) continue;
        } else {
          const m = view.text(i);
          if (scratch.length < m.length) scratch = Buffer.allocUnsafe(m.length * 2);
          scratch.latin1Write(m, 0);
          if (!scanMatches(args, o, scratch, 0, m.length)) continue;
        }
      }
      picked[n++] = i;
    }
    reply.array(2);
    reply.bulkStr(String(next));
    reply.array(n);
    // An intset is listed ascending, as Redis does.
    if (t === null) for (let k = n - 1; k >= 0; k--) replyMember(reply, view, picked[k]!);
    else for (let k = 0; k < n; k++) replyMember(reply, view, picked[k]!);
  },
}) satisfies CommandSpec;
