/**
 * ZRANGE, ZRANGESTORE and the older range commands: Redis 7.0's
 * zrangeGenericCommand(). Every range (rank, score, lex; forward or
 * reverse; LIMIT) becomes a span of ranks walked once, written to the
 * client or collected and stored.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import {
  LEX_VALUE, lexRangeEmpty, parseLexBound, parseScoreBound, scoreRangeEmpty, type LexRange, type ScoreRange,
} from '../../engine/types/zset-score.js';
import { zsetLimits, zsetStore, type ZView } from '../../engine/types/zset.js';
import { MIN_MAX_NOT_FLOAT, MIN_MAX_NOT_STRING, entriesHeader, longArg, replyEntry, syncLimits, zview } from './zset-common.js';
import { N, notifyArg } from '../notify.js';

export const AUTO = 0;
export const RANK = 1;
export const SCORE = 2;
export const LEX = 3;
export const FORWARD = 1;
export const REVERSE = 2;

export const scoreRange: ScoreRange = { min: 0, max: 0, minex: false, maxex: false };
export const lexRange: LexRange = { minKind: LEX_VALUE, maxKind: LEX_VALUE, min: '', max: '', minex: false, maxex: false };

/** Parses min and max into scoreRange (zslParseRange); false when invalid. */
export function parseScoreRange(args: Args, minIdx: number, maxIdx: number): boolean {
  return parseScoreBound(args.buf, args.start(minIdx), args.end(minIdx), scoreRange, false) &&
    parseScoreBound(args.buf, args.start(maxIdx), args.end(maxIdx), scoreRange, true);
}

/** Parses min and max into lexRange (zslParseLexRange); false when invalid. */
export function parseLexRange(args: Args, minIdx: number, maxIdx: number): boolean {
  return parseLexBound(args.buf, args.start(minIdx), args.end(minIdx), lexRange, false) &&
    parseLexBound(args.buf, args.start(maxIdx), args.end(maxIdx), lexRange, true);
}

/** First and last rank (inclusive) of a score range, or first > last when empty. */
export function scoreSpan(v: ZView, r: ScoreRange): [number, number] {
  if (scoreRangeEmpty(r) || v.length === 0) return [0, -1];
  return [v.firstInScore(r), v.lastInScore(r)];
}

export function lexSpan(v: ZView, r: LexRange): [number, number] {
  if (lexRangeEmpty(r) || v.length === 0) return [0, -1];
  return [v.firstInLex(r), v.lastInLex(r)];
}

/** Rank span [from, to] of a rank range as genericZrangebyrankCommand sanitises it; from > to when empty. */
export function rankSpan(len: number, start: number, end: number): [number, number] {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return [0, -1];
  if (end >= len) end = len - 1;
  return [start, end];
}

const outMembers: string[] = [];
const outScores: number[] = [];

/**
 * The shared range command. `first` is the index of the source key (1, or 2
 * for ZRANGESTORE whose destination is argument 1).
 */
export function zrangeGeneric(ctx: CommandContext, args: Args, reply: Reply, first: number, store: boolean, type: number, dir: number): void {
  let minIdx = first + 1;
  let maxIdx = first + 2;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = first + 3; j < args.count; j++) {
    const left = args.count - j - 1;
    if (!store && keyword(args, j, 'withscores')) {
      withScores = true;
    } else if (keyword(args, j, 'limit') && left >= 2) {
      const o = longArg(args, j + 1);
      const l = o === null ? null : longArg(args, j + 2);
      if (o === null || l === null) return reply.error(NOT_INTEGER);
      offset = o;
      limit = l;
      j += 2;
    } else if (dir === AUTO && keyword(args, j, 'rev')) {
      dir = REVERSE;
    } else if (type === AUTO && keyword(args, j, 'bylex')) {
      type = LEX;
    } else if (type === AUTO && keyword(args, j, 'byscore')) {
      type = SCORE;
    } else {
      return reply.error(SYNTAX);
    }
  }
  if (dir === AUTO) dir = FORWARD;
  if (type === AUTO) type = RANK;
  if (limit !== -1 && type === RANK) {
    return reply.error('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  }
  if (withScores && type === LEX) return reply.error('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  const rev = dir === REVERSE;
  if (rev && type !== RANK) {
    minIdx = first + 2;
    maxIdx = first + 1;
  }
  let start = 0;
  let end = 0;
  if (type === RANK) {
    const s = longArg(args, minIdx);
    const e = s === null ? null : longArg(args, maxIdx);
    if (s === null || e === null) return reply.error(NOT_INTEGER);
    start = s;
    end = e;
  } else if (type === SCORE) {
    if (!parseScoreRange(args, minIdx, maxIdx)) return reply.error(MIN_MAX_NOT_FLOAT);
  } else if (!parseLexRange(args, minIdx, maxIdx)) {
    return reply.error(MIN_MAX_NOT_STRING);
  }
  const db = ctx.db;
  const pos = lookupReadOf(db, KeyType.ZSET, args.buf, args.start(first), args.end(first));
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  let from = 0;
  let to = -1;
  const v = zview;
  if (pos !== NO_KEY) {
    v.open(db, pos);
    const len = v.length;
    if (type === RANK) {
      [from, to] = rankSpan(len, start, end);
      // ZREVRANGE counts ranks from the end.
      if (rev && from <= to) [from, to] = [len - 1 - to, len - 1 - from];
    } else {
      [from, to] = type === SCORE ? scoreSpan(v, scoreRange) : lexSpan(v, lexRange);
      // LIMIT: a negative offset skips everything, a negative count takes all (Redis's while (offset--) loops).
      if ((offset > 0 && offset >= len) || offset < 0) {
        to = from - 1;
      } else if (from <= to) {
        if (rev) {
          to -= offset;
          if (limit >= 0 && to - from + 1 > limit) from = to - limit + 1;
        } else {
          from += offset;
          if (limit >= 0 && to - from + 1 > limit) to = from + limit - 1;
        }
      }
    }
  }
  const n = to >= from ? to - from + 1 : 0;
  if (store) return storeSpan(ctx, args, reply, pos === NO_KEY ? null : v, from, n, rev, type === RANK);
  entriesHeader(reply, n, withScores);
  if (n === 0) return;
  v.seek(rev ? to : from, rev);
  for (let k = 0; k < n && v.next(); k++) replyEntry(reply, v, withScores);
}

function storeSpan(ctx: CommandContext, args: Args, reply: Reply, v: ZView | null, from: number, n: number, rev: boolean, byRank: boolean): void {
  outMembers.length = 0;
  outScores.length = 0;
  syncLimits(ctx);
  if (v !== null && n > 0) {
    // Redis adds the results one by one to a new listpack (a skiplist when a
    // rank range is known to be too long) that converts when it outgrows the
    // limits: the ones added to the listpack lost a -0 to "0".
    let viaListpack = !(byRank && n > zsetLimits.entries);
    v.seek(rev ? from + n - 1 : from, rev);
    for (let k = 0; k < n && v.next(); k++) {
      const m = v.member();
      if (viaListpack && (k + 1 > zsetLimits.entries || m.length > zsetLimits.value)) viaListpack = false;
      outMembers.push(m);
      outScores.push(viaListpack && v.score === 0 ? 0 : v.score);
    }
    if (rev) {
      outMembers.reverse();
      outScores.reverse();
    }
  }
  if (zsetStore(ctx.db, args.buf, args.start(1), args.end(1), outMembers, outScores, outMembers.length)) {
    ctx.dirty(1);
    notifyArg(ctx, outMembers.length > 0 ? N.ZSET : N.GENERIC, outMembers.length > 0 ? 'zrangestore' : 'del', args, 1);
  }
  reply.int(outMembers.length);
}
