// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listPositions } from '../../engine/types/list.js';

const RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";
const COUNT_NEGATIVE = "ERR COUNT can't be negative";
const MAXLEN_NEGATIVE = "ERR MAXLEN can't be negative";
const LONG_MIN = -(2n ** 63n);
const positions: number[] = [];

export default defineCommand({
  name: 'lpos',
  arity: -3,
  flags: ['readonly'],
  acl: ['list'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Return the index of matching elements on a list', since: '6.0.6', group: 'list', complexity: 'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.' },
  handler(ctx, args, reply) {
    let rank = 1;
    let anyRank = false;
    let count = 1;
    let hasCount = false;
    let maxlen = 0;
    for (let j = 3; j < args.count; j++) {
      const more = j < args.count - 1;
      if (more && keyword(args, j, 'rank')) {
        const v = args.int64(++j);
        if (v === null) return reply.error(NOT_INTEGER);
        if (v === 0) return reply.error(RANK_ZERO);
        // -LONG_MIN overflows in Redis: every match then qualifies and COUNT never stops the scan.
        anyRank = v === LONG_MIN;
        rank = anyRank ? -1 : Number(v);
      } else if (more && keyword(args, j, 'count')) {
        const v = args.int(++j);
        if (v === null || v < 0) return reply.error(COUNT_NEGATIVE);
        count = v;
        hasCount = true;
      } else if (more && keyword(args, j, 'maxlen')) {
        const v = args.int(++j);
        if (v === null || v < 0) return reply.error(MAXLEN_NEGATIVE);
        maxlen = v;
      } else {
        return reply.error(SYNTAX);
      }
    }
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return hasCount ? reply.array(0) : reply.nil();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const found = listPositions(db, pos, args.buf, args.start(2), args.end(2), rank, count, maxlen, anyRank, positions);
    if (!hasCount) return found === 0 ? reply.nil() : reply.int(positions[0]!);
    reply.array(found);
    for (let i = 0; i < found; i++) reply.int(positions[i]!);
  },
}) satisfies CommandSpec;
