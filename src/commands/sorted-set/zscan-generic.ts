/**
 * ZSCAN: Redis 7.0's scanGenericCommand() over a sorted set. A listpack is
 * returned whole with cursor 0, as Redis does. A skiplist's nodes are walked
 * from the top of their array down (the cursor is how many are left): the
 * cursor values differ from Redis's, its guarantee holds (a member present
 * for the whole scan is returned, perhaps twice). Scores are text in both
 * protocols: "%.17g", or, from a listpack, the integer digits Redis stored there.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { parseCursor } from '../generic/scan.js';
import { globMatch } from '../../engine/glob.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { formatDouble } from '../../protocol/resp/double.js';
import { zview } from './zset-common.js';

const LLONG_HALF = 4611686018427387903;

export function zscan(ctx: CommandContext, args: Args, reply: Reply): void {
  const cursor = parseCursor(args, 2);
  if (cursor < 0) return reply.error('ERR invalid cursor');
  const pos = lookupReadOf(ctx.db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
  if (pos === NO_KEY) {
    reply.array(2);
    reply.bulkStr('0');
    return reply.array(0);
  }
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  let count = 10;
  let pat = -1;
  for (let i = 3; i < args.count; ) {
    const left = args.count - i;
    if (left >= 2 && keyword(args, i, 'count')) {
      const n = args.int64(i + 1);
      if (n === null) return reply.error(NOT_INTEGER);
      if (n < 1) return reply.error(SYNTAX);
      count = Number(n);
      i += 2;
    } else if (left >= 2 && keyword(args, i, 'match')) {
      pat = i + 1;
      i += 2;
    } else {
      return reply.error(SYNTAX);
    }
  }
  const buf = args.buf;
  const ps = pat < 0 ? 0 : args.start(pat);
  const pe = pat < 0 ? 0 : args.end(pat);
  const usePattern = pat >= 0 && !(pe - ps === 1 && buf[ps] === 42); /* * */
  const v = zview.open(ctx.db, pos);
  const members: string[] = [];
  const scores: number[] = [];
  const keep = (m: string, score: number): void => {
    if (usePattern) {
      const mb = Buffer.from(m, 'latin1');
      if (!globMatch(buf, ps, pe, mb, 0, mb.length)) return;
    }
    members.push(m);
    scores.push(score);
  };
  let next = 0;
  if (v.sl !== null) {
    // The node array from the top down: cursor k means indexes [0, k) are
    // left (0 to start). See ZSkiplist for why nothing present is missed.
    const nodes = v.sl.nodes;
    const start = cursor === 0 ? nodes.length : Math.min(cursor, nodes.length);
    const stop = Math.max(0, start - count);
    for (let k = start - 1; k >= stop; k--) keep(nodes[k]!.member, nodes[k]!.score);
    next = stop;
  } else {
    v.seek(0, false);
    while (v.next()) keep(v.member(), v.score);
  }
  reply.array(2);
  reply.bulkStr(String(next));
  reply.array(members.length * 2);
  for (let k = 0; k < members.length; k++) {
    reply.bulkStr(members[k]!);
    const sc = scores[k]!;
    // A listpack holds the text d2string() wrote: integers within LLONG_MAX/2 as plain digits.
    reply.bulkStr(v.sl === null && Number.isInteger(sc) && Math.abs(sc) <= LLONG_HALF ? BigInt(sc).toString() : formatDouble(sc));
  }
}
