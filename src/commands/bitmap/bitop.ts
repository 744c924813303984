// BITOP AND | OR | XOR | NOT destkey key [key ...]
import { N, notifyArg } from '../notify.js';
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { STRING_TOO_LONG, SYNTAX, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { BitOp, StringView, bitop } from '../../engine/types/bitmap.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { MAX_BUFFER } from '../strings/grow.js';

/** One view per source key, reused across calls. */
const views: StringView[] = [];
let scratch = Buffer.allocUnsafe(1024);
const SCRATCH_MAX = 64 * 1024;

export default defineCommand({
  name: 'bitop',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  firstKey: 2,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['OW', 'UPDATE'], 2), rangeKeySpec(['RO', 'ACCESS'], 3, -1)],
  doc: { summary: 'Perform bitwise operations between strings', since: '2.6.0', group: 'bitmap', complexity: 'O(N)' },
  handler(ctx, args, reply) {
    let op: BitOp;
    if (args.is(1, 'and')) op = BitOp.AND;
    else if (args.is(1, 'or')) op = BitOp.OR;
    else if (args.is(1, 'xor')) op = BitOp.XOR;
    else if (args.is(1, 'not')) op = BitOp.NOT;
    else return reply.error(SYNTAX);
    if (op === BitOp.NOT && args.count !== 4) return reply.error('ERR BITOP NOT must be called with a single source key.');
    const db = ctx.db;
    const n = args.count - 3;
    while (views.length < n) views.push(new StringView());
    // Views stay valid: nothing is written until every source was read.
    let maxlen = 0;
    for (let j = 0; j < n; j++) {
      const slot = lookupStringAt(db, args.buf, args.start(j + 3), args.end(j + 3));
      if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
      const v = views[j]!.of(db, slot);
      // An int's digits live in the view's own buffer, so each source keeps its own.
      if (v.len > maxlen) maxlen = v.len;
    }
    const kbuf = args.buf;
    const ks = args.start(2);
    const ke = args.end(2);
    if (maxlen === 0) {
      const slot = db.lookupWriteAt(kbuf, ks, ke);
      if (slot !== NO_KEY) {
        db.removeAt(slot);
        ctx.dirty(1);
        notifyArg(ctx, N.GENERIC, 'del', args, 2);
      }
      return reply.int(0);
    }
    if (maxlen > MAX_BUFFER) return reply.error(STRING_TOO_LONG);
    let out: Buffer;
    if (maxlen <= SCRATCH_MAX) {
      if (scratch.length < maxlen) scratch = Buffer.allocUnsafe(SCRATCH_MAX);
      out = scratch;
    } else {
      out = Buffer.allocUnsafeSlow(maxlen);
    }
    bitop(op, views, n, out, maxlen);
    // The destination is replaced (TTL dropped) by a raw string, whatever its length.
    if (out === scratch) db.putBytesAt(kbuf, ks, ke, Encoding.RAW, out, 0, maxlen, false);
    else db.putAt(kbuf, ks, ke, KeyType.STRING, Encoding.RAW, out, false);
    ctx.dirty(1);
    notifyArg(ctx, N.STRING, 'set', args, 2);
    reply.int(maxlen);
  },
}) satisfies CommandSpec;
