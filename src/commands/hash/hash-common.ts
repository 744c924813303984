/**
 * What the hash commands share: the encoding thresholds read from the config
 * for each write (so CONFIG SET takes effect for the next conversion), value
 * replies for both encodings, and Redis's hash error texts.
 */
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import type { HashLimits, HashRef } from '../../engine/types/hash.js';

export const HASH_NOT_INTEGER = 'ERR hash value is not an integer';
export const HASH_NOT_FLOAT = 'ERR hash value is not a float';
export const INCR_NAN_OR_INF = 'ERR value is NaN or Infinity';

const limits: HashLimits = { maxEntries: 512, maxValue: 64 };

/** hash-max-listpack-entries and hash-max-listpack-value as they are now. */
export function hashLimits(ctx: CommandContext): HashLimits {
  const config = ctx.server.config;
  limits.maxEntries = config.getNumber('hash-max-listpack-entries');
  limits.maxValue = config.getNumber('hash-max-listpack-value');
  return limits;
}

/** Replies with a value found by hashGet(). */
export function replyHashValue(reply: Reply, ref: HashRef): void {
  if (ref.mem === null) reply.bulkStr(ref.str);
  else reply.bulk(ref.mem, ref.start, ref.end);
}

/** Latin1 bytes of a string in a reused buffer (valid until the next call). */
export function textBytes(text: string): Buffer {
  if (scratch.length < text.length) scratch = Buffer.allocUnsafe(text.length * 2);
  scratch.latin1Write(text, 0);
  return scratch;
}
let scratch = Buffer.allocUnsafe(64);
