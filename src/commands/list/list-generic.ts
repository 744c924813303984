/**
 * Shared by the list commands: the config threshold, the Reply-backed
 * element sink, and the push / pop / move bodies that LPUSH and RPUSH, LPOP
 * and RPOP, LMOVE and RPOPLPUSH, LMPOP have in common (Redis's
 * pushGenericCommand, popGenericCommand, lmoveGenericCommand).
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, NOT_POSITIVE, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import {
  CopySink, LIST_HEAD, LIST_TAIL, OneElement, listLength, listPop, listPush, listRotate,
  type ElementSink, type ListEnd,
} from '../../engine/types/list.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';
import { liveReader } from '../live-config.js';

const listMaxListpackSize = liveReader('list-max-listpack-size');

/** list-max-listpack-size, the threshold between a list blob and a QuickList. */
export function listFill(ctx: CommandContext): number {
  return listMaxListpackSize(ctx.server.config);
}

/** Writes each element it receives as a bulk string. */
class ReplySink implements ElementSink {
  reply!: Reply;
  element(buf: Uint8Array, start: number, end: number): void {
    this.reply.bulk(buf, start, end);
  }
}
const replySink = new ReplySink();

/** The sink that answers with each element, bound to `reply`. */
export function bulkSink(reply: Reply): ElementSink {
  replySink.reply = reply;
  return replySink;
}

/** LEFT or RIGHT (C string compare, as getListPositionFromObjectOrReply); -1 otherwise. */
export function listEnd(args: Args, i: number): ListEnd | -1 {
  if (keyword(args, i, 'left')) return LIST_HEAD;
  if (keyword(args, i, 'right')) return LIST_TAIL;
  return -1;
}

/** An index-like argument (getLongFromObjectOrReply); null after replying with the error. */
export function longArg(args: Args, i: number, reply: Reply): number | null {
  const v = args.int(i);
  if (v === null) reply.error(NOT_INTEGER);
  return v;
}

/** LPUSH, RPUSH, LPUSHX, RPUSHX. */
export function pushGeneric(ctx: CommandContext, args: Args, reply: Reply, where: ListEnd, onlyExisting: boolean): void {
  const db = ctx.db;
  const ks = args.start(1);
  const ke = args.end(1);
  const pos = lookupWriteOf(db, KeyType.LIST, args.buf, ks, ke);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  if (pos === NO_KEY && onlyExisting) return reply.int(0);
  const len = listPush(db, pos, args.buf, ks, ke, where, args, 2, args.count, listFill(ctx));
  ctx.dirty(args.count - 2);
  notifyArg(ctx, N.LIST, where === LIST_HEAD ? 'lpush' : 'rpush', args, 1);
  reply.int(len);
}

/** LPOP and RPOP, with the optional count. */
export function popGeneric(ctx: CommandContext, args: Args, reply: Reply, where: ListEnd): void {
  if (args.count > 3) return reply.error(`ERR wrong number of arguments for '${where === LIST_HEAD ? 'lpop' : 'rpop'}' command`);
  const hasCount = args.count === 3;
  let count = 1;
  if (hasCount) {
    const v = args.int(2);
    // getPositiveLongFromObjectOrReply: one message for both failures.
    if (v === null || v < 0) return reply.error(NOT_POSITIVE);
    count = v;
  }
  const db = ctx.db;
  const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(1), args.end(1));
  if (pos === NO_KEY) return hasCount ? reply.nilArray() : reply.nil();
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  if (!hasCount) {
    listPop(db, pos, where, 1, bulkSink(reply), listFill(ctx));
    ctx.dirty(1);
  } else {
    if (count === 0) return reply.array(0);
    reply.array(Math.min(count, listLength(db, pos)));
    ctx.dirty(listPop(db, pos, where, count, bulkSink(reply), listFill(ctx)));
  }
  notifyListPop(ctx, args, 1, where);
}

/** The event of a pop from the list in argument `i`, and 'del' when it emptied the list. */
export function notifyListPop(ctx: CommandContext, args: Args, i: number, where: ListEnd): void {
  notifyArg(ctx, N.LIST, where === LIST_HEAD ? 'lpop' : 'rpop', args, i);
  notifyDelIfGone(ctx, args, i);
}

const moved = new CopySink();
const one = new OneElement();

/** LMOVE and RPOPLPUSH: source in argument 1, destination in argument 2. */
export function moveGeneric(ctx: CommandContext, args: Args, reply: Reply, from: ListEnd, to: ListEnd): void {
  const db = ctx.db;
  const buf = args.buf;
  const ss = args.start(1);
  const se = args.end(1);
  const ds = args.start(2);
  const de = args.end(2);
  const src = lookupWriteOf(db, KeyType.LIST, buf, ss, se);
  if (src === NO_KEY) return reply.nil();
  if (src === WRONG_TYPE) return reply.error(WRONGTYPE);
  const dst = lookupWriteOf(db, KeyType.LIST, buf, ds, de);
  if (dst === WRONG_TYPE) return reply.error(WRONGTYPE);
  ctx.dirty(1);
  // The blocking forms are replayed as LMOVE (directions as sent) and RPOPLPUSH.
  const p = ctx.propagation;
  if (p !== null && args.len(0) !== 5 && args.len(0) !== 9) {
    if (args.is(0, 'blmove')) p.rewrite(['LMOVE', args.view(1), args.view(2), args.view(3), args.view(4)]);
    else if (args.is(0, 'brpoplpush')) p.rewrite(['RPOPLPUSH', args.view(1), args.view(2)]);
  }
  if (dst !== NO_KEY && args.len(1) === args.len(2) && buf.compare(buf, ss, se, ds, de) === 0) {
    listRotate(db, dst, from, to, bulkSink(reply));
    notifyArg(ctx, N.LIST, to === LIST_HEAD ? 'lpush' : 'rpush', args, 2);
    return notifyArg(ctx, N.LIST, from === LIST_HEAD ? 'lpop' : 'rpop', args, 1);
  }
  // The destination's lookup may have expired a key: find the source again.
  const fill = listFill(ctx);
  listPop(db, db.findAt(buf, ss, se), from, 1, moved, fill);
  const v = moved.bytes;
  // Popping may have deleted the source or moved keys: find the destination again.
  const d = db.findAt(buf, ds, de);
  listPush(db, d, buf, ds, de, to, one.set(v, 0, v.length), 0, 1, fill);
  // Redis pushes before it pops: the destination's events come first.
  notifyArg(ctx, N.LIST, to === LIST_HEAD ? 'lpush' : 'rpush', args, 2);
  notifyListPop(ctx, args, 1, from);
  reply.bulk(v, 0, v.length);
}

/** LMPOP and BLMPOP's arguments after the timeout: numkeys, the keys, LEFT|RIGHT, COUNT. */
export interface MpopArgs {
  /** Index of the first key. */
  first: number;
  numkeys: number;
  where: ListEnd;
  count: number;
}
const mpop: MpopArgs = { first: 0, numkeys: 0, where: LIST_HEAD, count: 1 };

/** Parses them from numkeys at `numIdx`, in lmpopGenericCommand()'s order; null after replying the error. */
export function parseMpop(args: Args, numIdx: number, reply: Reply): MpopArgs | null {
  const numkeys = args.int(numIdx);
  if (numkeys === null || numkeys < 1) {
    reply.error('ERR numkeys should be greater than 0');
    return null;
  }
  const whereIdx = numIdx + 1 + numkeys;
  const where = whereIdx < args.count ? listEnd(args, whereIdx) : -1;
  if (where === -1) {
    reply.error(SYNTAX);
    return null;
  }
  let count = -1;
  for (let j = whereIdx + 1; j < args.count; j++) {
    if (count === -1 && j < args.count - 1 && keyword(args, j, 'count')) {
      const v = args.int(++j);
      if (v === null || v < 1) {
        reply.error('ERR count should be greater than 0');
        return null;
      }
      count = v;
    } else {
      reply.error(SYNTAX);
      return null;
    }
  }
  mpop.first = numIdx + 1;
  mpop.numkeys = numkeys;
  mpop.where = where;
  mpop.count = count === -1 ? 1 : count;
  return mpop;
}

/**
 * Pops from the list args[k] (it exists) with the key in the reply:
 * BLPOP's [key, element] when count is -1, else LMPOP's [key, [elements...]].
 */
export function popWithKey(ctx: CommandContext, args: Args, k: number, pos: number, where: ListEnd, count: number, reply: Reply): void {
  const db = ctx.db;
  reply.array(2);
  reply.bulk(args.buf, args.start(k), args.end(k));
  if (count !== -1) reply.array(Math.min(count, listLength(db, pos)));
  const popped = listPop(db, pos, where, count === -1 ? 1 : count, bulkSink(reply), listFill(ctx));
  ctx.dirty(popped);
  // Replayed as LPOP/RPOP key (BLPOP, BRPOP) or LPOP/RPOP key <popped> ((B)LMPOP).
  const p = ctx.propagation;
  if (p !== null) {
    const cmd = where === LIST_HEAD ? 'LPOP' : 'RPOP';
    p.rewrite(count === -1 ? [cmd, args.view(k)] : [cmd, args.view(k), popped]);
  }
  notifyListPop(ctx, args, k, where);
}
