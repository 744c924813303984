/**
 * TTL, PTTL, EXPIRETIME and PEXPIRETIME (Redis's ttlGenericCommand): -2 for
 * a missing key, -1 without a TTL, otherwise the remaining or absolute time,
 * seconds rounded as (ms + 500) / 1000. The lookup counts a keyspace hit or
 * miss but leaves the access time alone.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { NO_KEY } from '../../engine/status.js';

const LLONG_MAX = 9223372036854775807n;

export function ttlGeneric(ctx: CommandContext, args: Args, reply: Reply, outputMs: boolean, outputAbs: boolean): void {
  const db = ctx.db;
  const slot = db.lookupReadAt(args.buf, args.start(1), args.end(1), false);
  if (slot === NO_KEY) return reply.int(-2);
  const expire = db.expireAt(slot);
  if (expire === 0) return reply.int(-1);
  if (expire <= Number.MAX_SAFE_INTEGER) {
    let ttl = outputAbs ? expire : expire - ctx.engine.clock.now();
    if (ttl < 0) ttl = 0;
    return reply.int(outputMs ? ttl : Math.floor((ttl + 500) / 1000));
  }
  // Beyond 2^53 the engine holds the nearest double; LLONG_MAX comes back as 2^63, so clamp.
  let big = BigInt(expire);
  if (big > LLONG_MAX) big = LLONG_MAX;
  if (!outputAbs) big -= BigInt(ctx.engine.clock.now());
  reply.bigint(outputMs ? big : (big + 500n) / 1000n);
}
