/**
 * Shared by SET, SETNX, SETEX, PSETEX, GETSET and GETEX: Redis 7.0's
 * parseExtendedStringArgumentsOrReply() option grammar, the expire-time
 * checks of getExpireMillisecondsOrReply() and setGenericCommand(), with the
 * same error precedence.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE, invalidExpire } from '../errors.js';
import { NO_KEY, KeyType } from '../../engine/status.js';
import { putOwnedStringAt, putStringAt } from '../../engine/types/string.js';
import { replyStoredString } from './string-reply.js';
import { N, notifyArg } from '../notify.js';

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
/** Values at least this big may be taken over from the connection's buffer (Args.take) rather than copied. */
const OWN_MIN = 64 * 1024;

export interface ExtendedOptions {
  flags: number;
  /** Argument index of the expire value, or -1. */
  expireArg: number;
}

/**
 * Keyword match with C string semantics, as Redis's strcasecmp()/opt[n]=='\0'
 * tests see arguments: the argument equals `lowerWord` case-insensitively up
 * to its end or to its first NUL byte ("NX\0junk" is NX). No allocation.
 */
export function keyword(args: Args, i: number, lowerWord: string): boolean {
  const len = args.len(i);
  const n = lowerWord.length;
  if (len < n) return false;
  const buf = args.buf;
  const o = args.start(i);
  if (len > n && buf[o + n] !== 0) return false;
  for (let k = 0; k < n; k++) {
    let c = buf[o + k]!;
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== lowerWord.charCodeAt(k)) return false;
  }
  return true;
}

/** Parses options from argument `from`; returns false after replying with the error. */
export function parseExtendedOptions(args: Args, from: number, isSet: boolean, out: ExtendedOptions, reply: Reply): boolean {
  let flags = 0;
  out.expireArg = -1;
  for (let j = from; j < args.count; j++) {
    const hasNext = j < args.count - 1;
    if (isSet && !(flags & SET_XX) && keyword(args, j, 'nx')) flags |= SET_NX;
    else if (isSet && !(flags & SET_NX) && keyword(args, j, 'xx')) flags |= SET_XX;
    else if (isSet && keyword(args, j, 'get')) flags |= SET_GET;
    else if (isSet && !(flags & (SET_PERSIST | ANY_EXPIRE)) && keyword(args, j, 'keepttl')) flags |= SET_KEEPTTL;
    else if (!isSet && !(flags & (ANY_EXPIRE | SET_KEEPTTL)) && keyword(args, j, 'persist')) flags |= SET_PERSIST;
    else if (hasNext && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EXAT | SET_PX | SET_PXAT)) && keyword(args, j, 'ex')) {
      flags |= SET_EX;
      out.expireArg = ++j;
    } else if (hasNext && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PXAT)) && keyword(args, j, 'px')) {
      flags |= SET_PX;
      out.expireArg = ++j;
    } else if (hasNext && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_PX | SET_PXAT)) && keyword(args, j, 'exat')) {
      flags |= SET_EXAT;
      out.expireArg = ++j;
    } else if (hasNext && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PX)) && keyword(args, j, 'pxat')) {
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

/** LLONG_MAX / 1000 (the largest seconds value Redis accepts). */
const LLONG_MAX_DIV_1000 = 9223372036854775n;
const INT64_MAX = 9223372036854775807n;

/**
 * Converts the expire argument to an absolute time in ms like
 * getExpireMillisecondsOrReply(); returns -1 after replying with the error.
 * `unitSeconds` for EX/EXAT, `relative` for EX/PX; `command` names the
 * command in "invalid expire time in '<command>' command".
 */
export function absoluteExpire(ctx: CommandContext, args: Args, i: number, unitSeconds: boolean, relative: boolean, command: string, reply: Reply): number {
  const v = args.int64(i);
  if (v === null) {
    reply.error(NOT_INTEGER);
    return -1;
  }
  if (v <= 0) {
    reply.error(invalidExpire(command));
    return -1;
  }
  if (typeof v === 'number') {
    // v < 2^53, so v * 1000 never exceeds LLONG_MAX / 1000 * 1000; the sum is
    // exact while it stays below 2^53.
    const when = (unitSeconds ? v * 1000 : v) + (relative ? ctx.engine.clock.now() : 0);
    if (when <= Number.MAX_SAFE_INTEGER) return when;
  }
  const big = BigInt(v);
  if (unitSeconds && big > LLONG_MAX_DIV_1000) {
    reply.error(invalidExpire(command));
    return -1;
  }
  let when = unitSeconds ? big * 1000n : big;
  if (relative) when += BigInt(ctx.engine.clock.now());
  // Redis detects the signed 64-bit overflow of the sum (when <= 0).
  if (when > INT64_MAX) {
    reply.error(invalidExpire(command));
    return -1;
  }
  return Number(when);
}

/**
 * setGenericCommand(): stores argument `valueArg` at the key in argument 1.
 * `okReply` true answers +OK / nil (SET), false answers :1 / :0 (SETNX).
 */
export function setGeneric(
  ctx: CommandContext,
  args: Args,
  reply: Reply,
  flags: number,
  expireArg: number,
  valueArg: number,
  command: string,
  okReply: boolean,
): void {
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
    else replyStoredString(reply, db, old);
  }
  // Always looked up, as Redis does: it deletes an expired key first (so
  // KEEPTTL cannot keep a past TTL) and counts it in expired_keys.
  const found = db.lookupWriteAt(kbuf, ks, ke) !== NO_KEY;
  if ((flags & SET_NX && found) || (flags & SET_XX && !found)) {
    if (!(flags & SET_GET)) {
      if (okReply) reply.nil();
      else reply.int(0);
    }
    return;
  }
  const keepTtl = (flags & SET_KEEPTTL) !== 0;
  // A big value received into a buffer of its own is kept as is: no second copy.
  const owned = args.len(valueArg) >= OWN_MIN ? args.take(valueArg) : null;
  const slot = owned !== null
    ? putOwnedStringAt(db, kbuf, ks, ke, owned, keepTtl)
    : putStringAt(db, kbuf, ks, ke, kbuf, args.start(valueArg), args.end(valueArg), keepTtl);
  ctx.dirty(1);
  notifyArg(ctx, N.STRING, 'set', args, 1);
  if (when > 0) {
    db.setExpire(slot, when);
    notifyArg(ctx, N.GENERIC, 'expire', args, 1);
    // Any expire is propagated as SET key value PXAT <ms> (the other options dropped), as Redis 7.0.
    ctx.propagation?.rewrite(['SET', args.view(1), args.view(valueArg), 'PXAT', when]);
  }
  if (!(flags & SET_GET)) {
    if (okReply) reply.ok();
    else reply.int(1);
  }
}

const scratch: ExtendedOptions = { flags: 0, expireArg: -1 };

/** SET's handler. */
export function setCommand(ctx: CommandContext, args: Args, reply: Reply): void {
  if (args.count > 3 && !parseExtendedOptions(args, 3, true, scratch, reply)) return;
  if (args.count === 3) setGeneric(ctx, args, reply, 0, -1, 2, 'set', true);
  else {
    setGeneric(ctx, args, reply, scratch.flags, scratch.expireArg, 2, 'set', true);
    const p = ctx.propagation;
    if (p !== null && scratch.flags & SET_GET && scratch.expireArg < 0) {
      // Propagated without GET, as setCommand() does (an expire already rewrote the whole command).
      const argv: Buffer[] = [];
      for (let j = 0; j < args.count; j++) if (j < 3 || !(args.len(j) === 3 && args.is(j, 'get'))) argv.push(args.view(j));
      p.rewrite(argv);
    }
  }
}

/** Parses GETEX's options (no NX/XX/GET/KEEPTTL, but PERSIST) into the shared scratch. */
export function parseGetexOptions(args: Args, reply: Reply): ExtendedOptions | null {
  return parseExtendedOptions(args, 2, false, scratch, reply) ? scratch : null;
}
