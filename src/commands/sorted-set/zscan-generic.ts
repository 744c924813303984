/**
 * ZSCAN: Redis 7.0's scanGenericCommand() over a sorted set. A listpack is
 * returned whole with cursor 0, as Redis does. A tree's slots (ZTree) are walked
 * from the top of their array down (the cursor is how many are left): the
 * cursor values differ from Redis's, its guarantee holds (a member present
 * for the whole scan is returned, perhaps twice). Scores are text in both
 * protocols: "%.17g", or, from a listpack, the integer digits Redis stored there.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { INVALID_CURSOR, parseCursor, parseScanOptions, replyEmptyScan, scanMatches } from '../generic/scan-options.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { formatDouble } from '../../protocol/resp/double.js';
import { zview } from './zset-common.js';

const LLONG_HALF = 4611686018427387903;

export function zscan(ctx: CommandContext, args: Args, reply: Reply): void {
  const cursor = parseCursor(args, 2);
  if (cursor < 0) return reply.error(INVALID_CURSOR);
  const pos = lookupReadOf(ctx.db, KeyType.ZSET, args.buf, args.start(1), args.end(1));
  if (pos === NO_KEY) return replyEmptyScan(reply);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  const o = parseScanOptions(args, 3, false, reply);
  if (o === null) return;
  const v = zview.open(ctx.db, pos);
  const members: string[] = [];
  const scores: number[] = [];
  const keep = (m: string, score: number): void => {
    if (o.usePattern) {
      const mb = Buffer.from(m, 'latin1');
      if (!scanMatches(args, o, mb, 0, mb.length)) return;
    }
    members.push(m);
    scores.push(score);
  };
  let next = 0;
  const t = v.tree;
  if (t !== null) {
    // The slot array from the top down: cursor k means slots [0, k) are
    // left (0 to start). See ZTree for why nothing present is missed.
    const start = cursor === 0 ? t.length : Math.min(cursor, t.length);
    const stop = Math.max(0, start - o.count);
    for (let k = start - 1; k >= stop; k--) keep(t.slotMember(k), t.slotScore(k));
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
    reply.bulkStr(t === null && Number.isInteger(sc) && Math.abs(sc) <= LLONG_HALF ? BigInt(sc).toString() : formatDouble(sc));
  }
}
