/**
 * HSET and HMSET (Redis's hsetCommand): set every pair in order, converting
 * to a hashtable as soon as a field or value is too long or the hash has too
 * many fields; HSET answers the number of new fields, HMSET +OK.
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE, wrongArity } from '../errors.js';
import { KeyType, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { hashWriter } from '../../engine/types/hash.js';
import { hashLimits } from './hash-common.js';
import { N, notifyArg } from '../notify.js';

export function hsetGeneric(ctx: CommandContext, args: Args, reply: Reply, hmset: boolean): void {
  if (args.count % 2 === 1) return reply.error(wrongArity(hmset ? 'hmset' : 'hset'));
  const db = ctx.db;
  const buf = args.buf;
  const ks = args.start(1);
  const ke = args.end(1);
  const pos = lookupWriteOf(db, KeyType.HASH, buf, ks, ke);
  if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
  const w = hashWriter.begin(db, pos, buf, ks, ke, hashLimits(ctx));
  let created = 0;
  for (let i = 2; i < args.count; i += 2) {
    if (w.set(buf, args.start(i), args.end(i), buf, args.start(i + 1), args.end(i + 1))) created++;
  }
  w.commit();
  ctx.dirty((args.count - 2) / 2);
  notifyArg(ctx, N.HASH, 'hset', args, 1);
  if (hmset) reply.ok();
  else reply.int(created);
}
