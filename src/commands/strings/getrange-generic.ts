/** GETRANGE and SUBSTR: Redis 7.0's getrangeCommand(). */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, WRONGTYPE } from '../errors.js';
import type { StringValue } from '../../engine/keyspace.js';
import { NO_KEY } from '../../engine/status.js';
import { lookupStringAt, stringBytes, WRONG_TYPE } from '../../engine/types/string.js';

const EMPTY = Buffer.alloc(0);

export function getrangeCommand(ctx: CommandContext, args: Args, reply: Reply): void {
  const s0 = args.int64(2);
  if (s0 === null) return reply.error(NOT_INTEGER);
  const e0 = args.int64(3);
  if (e0 === null) return reply.error(NOT_INTEGER);
  const db = ctx.db;
  const slot = lookupStringAt(db, args.buf, args.start(1), args.end(1));
  if (slot === NO_KEY) return reply.bulk(EMPTY);
  if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
  // The value's bytes where they are (no view object), or the digits of an int.
  let mem = db.stringRef(slot);
  let base = 0;
  let len: number;
  if (mem !== null) {
    base = db.refStart;
    len = db.refEnd - base;
  } else {
    mem = stringBytes(db.value(slot) as StringValue);
    len = mem.length;
  }
  // Exact comparison first (numbers and bigints compare exactly); after it
  // only comparisons with the length remain, which a rounded Number keeps.
  if (s0 < 0 && e0 < 0 && s0 > e0) return reply.bulk(EMPTY);
  let start = Number(s0);
  let end = Number(e0);
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= len) end = len - 1;
  if (start > end || len === 0) return reply.bulk(EMPTY);
  reply.bulk(mem, base + start, base + end + 1);
}
