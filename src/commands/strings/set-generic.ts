/**
 * Shared by SET, SETNX, SETEX, PSETEX and GETEX: Redis 7.0's
 * parseExtendedStringArgumentsOrReply() option grammar and the expire-time
 * checks of setGenericCommand(), with the same error precedence.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE, invalidExpire } from '../errors.js';
import { NO_KEY, KeyType } from '../../engine/status.js';
import { putStringAt } from '../../engine/types/string.js';
import { replyString } from './string-reply.js';

export const SET_NX = 1;
export const SET_XX = 2;
export const SET_GET = 4;
export const SET_KEEPTTL = 8;
export const SET_PERSIST = 16;
export const SET_EX = 32;
export const SET_PX = 64;
export const SET_EXAT = 128;
export const SET_PXAT = 256;
const ANY_EXPIRE = SET_EX | SET_PX | SET_EXAT | SET_PXAT;

export interface ExtendedOptions {
  flags: number;
  /** Argument index of the expire value, or -1. */
  expireArg: number;
}

/** Parses options from argument `from`; returns false after replying with the error. */
export function parseExtendedOptions(args: Args, from: number, isSet: boolean, out: ExtendedOptions, reply: Reply): boolean {
  let flags = 0;
  out.expireArg = -1;
  for (let j = from; j < args.count; j++) {
    const hasNext = j < args.count - 1;
    if (args.is(j, 'nx') && !(flags & SET_XX) && isSet) flags |= SET_NX;
    else if (args.is(j, 'xx') && !(flags & SET_NX) && isSet) flags |= SET_XX;
    else if (args.is(j, 'get') && isSet) flags |= SET_GET;
    else if (args.is(j, 'keepttl') && !(flags & SET_PERSIST) && !(flags & ANY_EXPIRE) && isSet) flags |= SET_KEEPTTL;
    else if (args.is(j, 'persist') && !isSet && !(flags & ANY_EXPIRE) && !(flags & SET_KEEPTTL)) flags |= SET_PERSIST;
    else if (args.is(j, 'ex') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EXAT | SET_PX | SET_PXAT)) && hasNext) {
      flags |= SET_EX;
      out.expireArg = ++j;
    } else if (args.is(j, 'px') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PXAT)) && hasNext) {
      flags |= SET_PX;
      out.expireArg = ++j;
    } else if (args.is(j, 'exat') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_PX | SET_PXAT)) && hasNext) {
      flags |= SET_EXAT;
      out.expireArg = ++j;
    } else if (args.is(j, 'pxat') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PX)) && hasNext) {
      flags |= SET_PXAT;
      out.expireArg = ++j;
    } else {
      reply.error(SYNTAX);
      return false;
    }
  }
  out.flags = flags;
  return true;
}

const LLONG_MAX_DIV_1000 = 9223372036854775n;

/**
 * Converts the expire argument to an absolute time in ms; returns -1 after
 * replying with the error. `unitSeconds` for EX/EXAT, `relative` for EX/PX.
 */
export function absoluteExpire(ctx: CommandContext, args: Args, i: number, unitSeconds: boolean, relative: boolean, command: string, reply: Reply): number {
  const v = args.int64(i);
  if (v === null) {
    reply.error(NOT_INTEGER);
    return -1;
  }
  if (v <= 0 || (unitSeconds && BigInt(v) > LLONG_MAX_DIV_1000)) {
    reply.error(invalidExpire(command));
    return -1;
  }
  let when = BigInt(v) * (unitSeconds ? 1000n : 1n);
  if (relative) when += BigInt(ctx.engine.clock.now());
  // Redis checks the signed 64-bit sum for overflow (when <= 0).
  if (when > 9223372036854775807n) {
    reply.error(invalidExpire(command));
    return -1;
  }
  return Number(when);
}

const scratch: ExtendedOptions = { flags: 0, expireArg: -1 };

/** SET key value [options] starting at argument `optFrom`, also used by SETEX/PSETEX/SETNX. */
export function setGeneric(ctx: CommandContext, args: Args, reply: Reply, flags: number, expireArg: number, command: string, okReply: boolean): void {
  let when = 0;
  if (expireArg >= 0) {
    when = absoluteExpire(ctx, args, expireArg, (flags & (SET_EX | SET_EXAT)) !== 0, (flags & (SET_EX | SET_PX)) !== 0, command, reply);
    if (when < 0) return;
  }
  const db = ctx.db;
  const kbuf = args.buf;
  const ks = args.start(1);
  const ke = args.end(1);
  if (flags & SET_GET) {
    const old = db.lookupReadAt(kbuf, ks, ke);
    if (old === NO_KEY) reply.nil();
    else if (db.type(old) !== KeyType.STRING) return reply.error(WRONGTYPE);
    else replyString(reply, db.stringValue(old));
  }
  const found = db.lookupWriteAt(kbuf, ks, ke) !== NO_KEY;
  if ((flags & SET_NX && found) || (flags & SET_XX && !found)) {
    if (!(flags & SET_GET)) {
      if (okReply) reply.nil();
      else reply.int(0);
    }
    return;
  }
  const slot = putStringAt(db, kbuf, ks, ke, args.buf, args.start(2), args.end(2), (flags & SET_KEEPTTL) !== 0);
  if (when > 0) db.setExpire(slot, when);
  ctx.dirty(1);
  if (!(flags & SET_GET)) {
    if (okReply) reply.ok();
    else reply.int(1);
  }
}

/** SET's handler. */
export function setCommand(ctx: CommandContext, args: Args, reply: Reply): void {
  if (!parseExtendedOptions(args, 3, true, scratch, reply)) return;
  setGeneric(ctx, args, reply, scratch.flags, scratch.expireArg, 'set', true);
}
