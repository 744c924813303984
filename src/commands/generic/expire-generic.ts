/**
 * EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT: Redis 7.0's
 * expireGenericCommand() with parseExtendedExpireArgumentsOrReply() — the
 * NX/XX/GT/LT rules, the int64 overflow checks, and "a time already past
 * deletes the key". Expiry times are absolute ms in the engine.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, invalidExpire } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { errorArg } from '../server/reply-helpers.js';
import { NO_KEY } from '../../engine/status.js';
import { cString } from './c-string.js';
import { N, notifyArg } from '../notify.js';

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

const LLONG_MAX = 9223372036854775807n;
const LLONG_MAX_DIV_1000 = 9223372036854775n;

/** Parses the options after the time; returns the flags, or -1 after replying with the error. */
function parseFlags(args: Args, reply: Reply): number {
  let flags = 0;
  for (let j = 3; j < args.count; j++) {
    if (keyword(args, j, 'nx')) flags |= EXPIRE_NX;
    else if (keyword(args, j, 'xx')) flags |= EXPIRE_XX;
    else if (keyword(args, j, 'gt')) flags |= EXPIRE_GT;
    else if (keyword(args, j, 'lt')) flags |= EXPIRE_LT;
    else {
      reply.error(`ERR Unsupported option ${errorArg(cString(args, j))}`);
      return -1;
    }
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) {
    reply.error('ERR NX and XX, GT or LT options at the same time are not compatible');
    return -1;
  }
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) {
    reply.error('ERR GT and LT options at the same time are not compatible');
    return -1;
  }
  return flags;
}

/**
 * The absolute expiry in ms for argument 2: `unitSeconds` multiplies by 1000,
 * `basetime` is added (now for EXPIRE/PEXPIRE, 0 for the AT forms). Returns
 * null after replying with the error. Beyond 2^53 the result is the nearest
 * double, which is how the engine stores it.
 */
function expireTime(args: Args, unitSeconds: boolean, basetime: number, command: string, reply: Reply): number | null {
  const v = args.int64(2);
  if (v === null) {
    reply.error(NOT_INTEGER);
    return null;
  }
  if (typeof v === 'number') {
    const ms = unitSeconds ? v * 1000 : v;
    const when = ms + basetime;
    if (Number.isSafeInteger(ms) && Number.isSafeInteger(when)) return when;
  }
  let when = BigInt(v);
  if (unitSeconds) {
    if (when > LLONG_MAX_DIV_1000 || when < -LLONG_MAX_DIV_1000) {
      reply.error(invalidExpire(command));
      return null;
    }
    when *= 1000n;
  }
  const base = BigInt(basetime);
  if (when > LLONG_MAX - base) {
    reply.error(invalidExpire(command));
    return null;
  }
  return Number(when + base);
}

/** The whole command; `relative` for EXPIRE/PEXPIRE, `unitSeconds` for EXPIRE/EXPIREAT. */
export function expireGeneric(ctx: CommandContext, args: Args, reply: Reply, relative: boolean, unitSeconds: boolean, command: string): void {
  const flags = parseFlags(args, reply);
  if (flags < 0) return;
  const now = ctx.engine.clock.now();
  const when = expireTime(args, unitSeconds, relative ? now : 0, command, reply);
  if (when === null) return;
  const db = ctx.db;
  const slot = db.lookupWriteAt(args.buf, args.start(1), args.end(1));
  if (slot === NO_KEY) return reply.int(0);
  if (flags !== 0) {
    const at = db.expireAt(slot);
    const current = at === 0 ? -1 : at;
    if (flags & EXPIRE_NX && current !== -1) return reply.int(0);
    if (flags & EXPIRE_XX && current === -1) return reply.int(0);
    // No TTL counts as an infinite one: GT always fails, LT always passes.
    if (flags & EXPIRE_GT && (current === -1 || when <= current)) return reply.int(0);
    if (flags & EXPIRE_LT && current !== -1 && when >= current) return reply.int(0);
  }
  const p = ctx.propagation;
  if (when <= now) {
    db.removeAt(slot);
    notifyArg(ctx, N.GENERIC, 'del', args, 1);
    if (p !== null) p.rewrite(['DEL', args.view(1)]);
  } else {
    db.setExpire(slot, when);
    notifyArg(ctx, N.GENERIC, 'expire', args, 1);
    // Propagated as PEXPIREAT <ms> with the flags as sent; PEXPIREAT itself goes unchanged.
    if (p !== null && (relative || unitSeconds)) {
      const argv: (Buffer | string | number)[] = ['PEXPIREAT', args.view(1), when];
      for (let i = 3; i < args.count; i++) argv.push(args.view(i));
      p.rewrite(argv);
    }
  }
  ctx.dirty(1);
  reply.int(1);
}
