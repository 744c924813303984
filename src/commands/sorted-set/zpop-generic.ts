/**
 * ZPOPMIN, ZPOPMAX and ZMPOP: Redis 7.0's genericZpopCommand(). The first
 * existing key among the given ones is popped (a wrong type among the keys
 * before it stops the command); an emptied key is deleted.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_POSITIVE, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { zsetRemoveRanks } from '../../engine/types/zset.js';
import { replyMember, zview } from './zset-common.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

/** Reply shapes: flat pairs, nested pairs (RESP3 with COUNT), [key, nested pairs] (ZMPOP), or [key, member, score] (BZPOPMIN). */
const FLAT = 0;
const NESTED = 1;
export const WITH_KEY = 2;
export const KEY_FLAT = 3;

/** Pops up to `count` (-1: one, plain) members from the first existing key of args[first, first + keys). */
export function zpop(ctx: CommandContext, args: Args, reply: Reply, first: number, keys: number, max: boolean, count: number, shape: number, nilWhenEmpty: boolean): void {
  const db = ctx.db;
  let pos = NO_KEY;
  let keyIdx = -1;
  for (let i = first; i < first + keys; i++) {
    pos = lookupWriteOf(db, KeyType.ZSET, args.buf, args.start(i), args.end(i));
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    if (pos !== NO_KEY) {
      keyIdx = i;
      break;
    }
  }
  if (pos === NO_KEY) return nilWhenEmpty ? reply.nilArray() : reply.array(0);
  if (count === -1) count = 1;
  const v = zview.open(db, pos);
  const len = v.length;
  const n = count > len ? len : count;
  if (shape === FLAT) {
    reply.array(n * 2);
  } else if (shape === NESTED) {
    reply.array(n);
  } else if (shape === KEY_FLAT) {
    reply.array(1 + n * 2);
    reply.bulk(args.buf, args.start(keyIdx), args.end(keyIdx));
  } else {
    reply.array(2);
    reply.bulk(args.buf, args.start(keyIdx), args.end(keyIdx));
    reply.array(n);
  }
  if (n === 0) return;
  const from = max ? len - n : 0;
  const to = max ? len - 1 : n - 1;
  v.seek(max ? to : from, max);
  for (let k = 0; k < n && v.next(); k++) {
    if (shape === NESTED || shape === WITH_KEY) reply.array(2);
    replyMember(reply, v);
    reply.double(v.score);
  }
  zsetRemoveRanks(db, pos, from, to);
  ctx.dirty(n);
  // BZPOPMIN/MAX are replayed as ZPOPMIN/MAX key, (B)ZMPOP as ZPOPMIN/MAX key <popped>.
  const p = ctx.propagation;
  if (p !== null && (shape === KEY_FLAT || shape === WITH_KEY)) {
    const cmd = max ? 'ZPOPMAX' : 'ZPOPMIN';
    p.rewrite(shape === KEY_FLAT ? [cmd, args.view(keyIdx)] : [cmd, args.view(keyIdx), n]);
  }
  notifyArg(ctx, N.ZSET, max ? 'zpopmax' : 'zpopmin', args, keyIdx);
  notifyDelIfGone(ctx, args, keyIdx);
}

/** ZPOPMIN / ZPOPMAX key [count] */
export function zpopMinMax(ctx: CommandContext, args: Args, reply: Reply, max: boolean): void {
  if (args.count > 3) return reply.error(SYNTAX);
  let count = -1;
  if (args.count === 3) {
    const c = args.int64(2);
    if (c === null || c < 0) return reply.error(NOT_POSITIVE);
    count = Number(c);
  }
  zpop(ctx, args, reply, 1, 1, max, count, reply.resp === 3 && count !== -1 ? NESTED : FLAT, false);
}

/** ZMPOP and BZMPOP's arguments from numkeys on: the keys, MIN|MAX, COUNT (-1 when not given). */
export interface ZmpopArgs {
  first: number;
  numkeys: number;
  max: boolean;
  count: number;
}
const zm: ZmpopArgs = { first: 0, numkeys: 0, max: false, count: -1 };

/** Parses them from numkeys at `numIdx`, in zmpopGenericCommand()'s order; null after replying the error. */
export function parseZmpop(args: Args, numIdx: number, reply: Reply): ZmpopArgs | null {
  const nk = args.int64(numIdx);
  if (nk === null || nk < 1) {
    reply.error('ERR numkeys should be greater than 0');
    return null;
  }
  const whereIdx = numIdx + Number(nk) + 1;
  const max = whereIdx >= args.count ? null : keyword(args, whereIdx, 'min') ? false : keyword(args, whereIdx, 'max') ? true : null;
  if (max === null) {
    reply.error(SYNTAX);
    return null;
  }
  let count = -1;
  for (let j = whereIdx + 1; j < args.count; j++) {
    if (count === -1 && keyword(args, j, 'count') && j + 1 < args.count) {
      const c = args.int64(++j);
      if (c === null || c < 1) {
        reply.error('ERR count should be greater than 0');
        return null;
      }
      count = Number(c);
    } else {
      reply.error(SYNTAX);
      return null;
    }
  }
  zm.first = numIdx + 1;
  zm.numkeys = Number(nk);
  zm.max = max;
  zm.count = count;
  return zm;
}

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count] */
export function zmpop(ctx: CommandContext, args: Args, reply: Reply): void {
  const m = parseZmpop(args, 1, reply);
  if (m === null) return;
  zpop(ctx, args, reply, m.first, m.numkeys, m.max, m.count, WITH_KEY, true);
}
