// BITCOUNT key [start end [BYTE | BIT]]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { SYNTAX, WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { StringView, countBits } from '../../engine/types/bitmap.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { parseRange, range } from './bit-range.js';

const view = new StringView();

export default defineCommand({
  name: 'bitcount',
  arity: -2,
  flags: ['readonly'],
  acl: ['bitmap'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Count set bits in a string', since: '2.6.0', group: 'bitmap', complexity: 'O(N)', history: [['7.0.0', 'Added the `BYTE|BIT` option.']] },
  handler(ctx, args, reply) {
    // Redis 7.0 looks the key up before reading the range: a missing key answers 0 whatever follows.
    const slot = lookupStringAt(ctx.db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.int(0);
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    const v = view.of(ctx.db, slot);
    const n = args.count;
    if (n === 2) return reply.int(v.len === 0 ? 0 : countBits(v.mem, v.start, 0, v.len * 8 - 1));
    if (n !== 4 && n !== 5) return reply.error(SYNTAX);
    const err = parseRange(args, 2, v.len, true, n === 5, true);
    if (err !== null) return reply.error(err);
    reply.int(range.empty ? 0 : countBits(v.mem, v.start, range.first, range.last));
  },
}) satisfies CommandSpec;
