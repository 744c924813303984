/**
 * ZADD and ZINCRBY: Redis 7.0's zaddGenericCommand() and zsetAdd(). Every
 * score is parsed before anything changes; a new key starts as a listpack
 * unless its first member is too long, and converts while members are added.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_FLOAT, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { parseScore } from '../../engine/types/zset-score.js';
import { zsetCreate, zsetInsert, zsetSetScore, zsetSetSlotScore } from '../../engine/types/zset.js';
import { SCORE_NAN, syncLimits, zview } from './zset-common.js';
import { N, notifyArg } from '../notify.js';

const NX = 1;
const XX = 2;
const INCR = 4;
const GT = 8;
const LT = 16;
const CH = 32;

let scores = new Float64Array(16);

/** ZADD with the INCR flag preset for ZINCRBY. */
export function zaddGeneric(ctx: CommandContext, args: Args, reply: Reply, preset: number): void {
  let flags = preset;
  let i = 2;
  for (; i < args.count; i++) {
    if (keyword(args, i, 'nx')) flags |= NX;
    else if (keyword(args, i, 'xx')) flags |= XX;
    else if (keyword(args, i, 'ch')) flags |= CH;
    else if (keyword(args, i, 'incr')) flags |= INCR;
    else if (keyword(args, i, 'gt')) flags |= GT;
    else if (keyword(args, i, 'lt')) flags |= LT;
    else break;
  }
  const first = i;
  const pairs = (args.count - first) / 2;
  if (pairs === 0 || !Number.isInteger(pairs)) return reply.error(SYNTAX);
  if (flags & NX && flags & XX) return reply.error('ERR XX and NX options at the same time are not compatible');
  if ((flags & GT && flags & NX) || (flags & LT && flags & NX) || (flags & GT && flags & LT)) {
    return reply.error('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  const incr = (flags & INCR) !== 0;
  if (incr && pairs > 1) return reply.error('ERR INCR option supports a single increment-element pair');
  if (scores.length < pairs) scores = new Float64Array(pairs * 2);
  for (let j = 0; j < pairs; j++) {
    const a = first + 2 * j;
    const s = parseScore(args.buf, args.start(a), args.end(a));
    if (Number.isNaN(s)) return reply.error(NOT_FLOAT);
    scores[j] = s;
  }
  const db = ctx.db;
  const kbuf = args.buf;
  const ks = args.start(1);
  const ke = args.end(1);
  let pos = lookupWriteOf(db, KeyType.ZSET, kbuf, ks, ke);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  if (pos !== NO_KEY || !(flags & XX)) {
    syncLimits(ctx);
    if (pos === NO_KEY) pos = zsetCreate(db, kbuf, ks, ke, args.len(first + 1));
    for (let j = 0; j < pairs; j++) {
      const ma = first + 2 * j + 1;
      score = scores[j]!;
      // A big set finds the member by its bytes: no string unless it is new.
      const view = zview.open(db, pos);
      let member: string | null = null;
      let slot = -1;
      let cur: number;
      if (view.tree !== null) {
        slot = view.tree.slotAt(args.buf, args.start(ma), args.end(ma));
        cur = slot < 0 ? NaN : view.tree.slotScore(slot);
      } else {
        member = args.str(ma);
        cur = view.scoreOf(member);
      }
      if (!Number.isNaN(cur)) {
        if (flags & NX) continue;
        if (incr) {
          score += cur;
          if (Number.isNaN(score)) {
            if (added + updated > 0) ctx.dirty(added + updated);
            return reply.error(SCORE_NAN);
          }
        }
        if ((flags & LT && score >= cur) || (flags & GT && score <= cur)) continue;
        processed++;
        if (score !== cur) {
          pos = member === null ? zsetSetSlotScore(db, pos, slot, score) : zsetSetScore(db, pos, member, score);
          updated++;
        }
      } else if (!(flags & XX)) {
        pos = zsetInsert(db, pos, member ?? args.str(ma), score);
        added++;
        processed++;
      }
    }
    ctx.dirty(added + updated);
    if (added + updated > 0) notifyArg(ctx, N.ZSET, incr ? 'zincr' : 'zadd', args, 1);
  }
  if (incr) {
    if (processed > 0) reply.double(score);
    else reply.nil();
  } else {
    reply.int(flags & CH ? added + updated : added);
  }
}
