// BITPOS key bit [start [end [BYTE | BIT]]]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { StringView, findBit } from '../../engine/types/bitmap.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { parseRange, range } from './bit-range.js';

const view = new StringView();

export default defineCommand({
  name: 'bitpos',
  arity: -3,
  flags: ['readonly'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Find first bit set or clear in a string', since: '2.8.7', group: 'bitmap', complexity: 'O(N)', history: [['7.0.0', 'Added the `BYTE|BIT` option.']] },
  handler(ctx, args, reply) {
    const bit = args.int64(2);
    if (bit === null) return reply.error(NOT_INTEGER);
    if (bit !== 0 && bit !== 1) return reply.error('ERR The bit argument must be 1 or 0.');
    // A missing key is an endless run of zeros, whatever the range says.
    const slot = lookupStringAt(ctx.db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.int(bit === 1 ? -1 : 0);
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    const v = view.of(ctx.db, slot);
    const n = args.count;
    let first = 0;
    let last = v.len * 8 - 1;
    if (n >= 4 && n <= 6) {
      const err = parseRange(args, 3, v.len, n >= 5, n === 6, false);
      if (err !== null) return reply.error(err);
      if (range.empty) return reply.int(-1);
      first = range.first;
      last = range.last;
    } else if (n !== 3) {
      return reply.error(SYNTAX);
    }
    if (v.len === 0) return reply.int(-1);
    const pos = findBit(v.mem, v.start, first, last, bit);
    // Looking for a clear bit without an explicit end: the string continues with zeros.
    if (pos === -1 && bit === 0 && n < 5) return reply.int(last + 1);
    reply.int(pos);
  },
}) satisfies CommandSpec;
