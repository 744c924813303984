/**
 * What the hash commands share: the encoding thresholds read from the config
 * once per server and kept current by CONFIG SET listeners (a change takes
 * effect for the next conversion), value
 * replies for both encodings, and Redis's hash error texts.
 */
import type { Config } from '../../config/config.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import type { HashLimits, HashRef } from '../../engine/types/hash.js';

export const HASH_NOT_INTEGER = 'ERR hash value is not an integer';
export const HASH_NOT_FLOAT = 'ERR hash value is not a float';
export const INCR_NAN_OR_INF = 'ERR value is NaN or Infinity';

/** Per config (one per server): kept current by change listeners, so a write reads no config map. */
const cache = new WeakMap<Config, HashLimits>();

/** hash-max-listpack-entries and hash-max-listpack-value as they are now. */
export function hashLimits(ctx: CommandContext): HashLimits {
  const config = ctx.server.config;
  let limits = cache.get(config);
  if (limits === undefined) {
    const l: HashLimits = { maxEntries: config.getNumber('hash-max-listpack-entries'), maxValue: config.getNumber('hash-max-listpack-value') };
    config.onChange('hash-max-listpack-entries', () => (l.maxEntries = config.getNumber('hash-max-listpack-entries')));
    config.onChange('hash-max-listpack-value', () => (l.maxValue = config.getNumber('hash-max-listpack-value')));
    cache.set(config, l);
    limits = l;
  }
  return limits;
}

/** Replies with a value found by hashGet(). */
export function replyHashValue(reply: Reply, ref: HashRef): void {
  reply.bulk(ref.mem, ref.start, ref.end);
}

/** Latin1 bytes of a string in a reused buffer (valid until the next call). */
export function textBytes(text: string): Buffer {
  if (scratch.length < text.length) scratch = Buffer.allocUnsafe(text.length * 2);
  scratch.latin1Write(text, 0);
  return scratch;
}
let scratch = Buffer.allocUnsafe(64);
