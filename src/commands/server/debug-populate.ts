/**
 * DEBUG POPULATE count [prefix] [size], as Redis 7.0: string keys
 * "<prefix>:<n>" (prefix "key"; the name cut at 127 bytes, as Redis's
 * 128-byte buffer does) for n in [0, count), each holding "value:<n>", cut or
 * zero-padded to `size` when one is given. Existing keys are left alone.
 * Like Redis it neither marks the dataset dirty nor propagates to the AOF,
 * and sends no keyspace events.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { NOT_POSITIVE } from '../errors.js';
import type { Reply } from '../reply.js';
import { NO_KEY } from '../../engine/status.js';
import { putStringAt } from '../../engine/types/string.js';

const NAME_MAX = 127;
/** Our key table cannot hold more; Redis answers this when its dict cannot grow. */
const MAX_KEYS = 2 ** 31;

/** getPositiveLongFromObjectOrReply(): a whole number >= 0, or null. */
function positiveLong(args: Args, i: number): number | null {
  const v = args.int(i);
  return v === null || v < 0 ? null : v;
}

export function debugPopulate(ctx: CommandContext, args: Args, reply: Reply): void {
  const count = positiveLong(args, 2);
  if (count === null) return reply.error(NOT_POSITIVE);
  if (count > MAX_KEYS) return reply.error('ERR OOM in dictTryExpand');
  let size = 0;
  if (args.count === 5) {
    const s = positiveLong(args, 4);
    if (s === null) return reply.error(NOT_POSITIVE);
    size = s;
  }
  const prefix = args.count >= 4 ? args.view(3) : Buffer.from('key');
  const db = ctx.db;
  const key = Buffer.alloc(NAME_MAX + 32);
  const value = Buffer.alloc(Math.max(size, 32));
  prefix.copy(key, 0, 0, Math.min(prefix.length, NAME_MAX));
  for (let j = 0; j < count; j++) {
    let klen = Math.min(prefix.length, NAME_MAX);
    klen += key.latin1Write(`:${j}`, klen);
    klen = Math.min(klen, NAME_MAX);
    if (db.lookupWriteAt(key, 0, klen) !== NO_KEY) continue;
    const text = `value:${j}`;
    let vlen: number;
    if (size === 0) vlen = value.latin1Write(text, 0);
    else {
      value.fill(0, 0, size);
      value.latin1Write(text.slice(0, size), 0);
      vlen = size;
    }
    putStringAt(db, key, 0, klen, value, 0, vlen);
  }
  reply.ok();
}
