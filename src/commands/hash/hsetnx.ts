// HSETNX key field value
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { hashExists, hashWriter } from '../../engine/types/hash.js';
import { hashLimits } from './hash-common.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'hsetnx',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'INSERT'])],
  doc: { summary: 'Set the value of a hash field, only if the field does not exist', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const pos = lookupWriteOf(db, KeyType.HASH, buf, ks, ke);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    if (pos !== NO_KEY && hashExists(db, pos, buf, args.start(2), args.end(2))) return reply.int(0);
    hashWriter.begin(db, pos, buf, ks, ke, hashLimits(ctx)).set(buf, args.start(2), args.end(2), buf, args.start(3), args.end(3));
    hashWriter.commit();
    ctx.dirty(1);
    notifyArg(ctx, N.HASH, 'hset', args, 1);
    reply.int(1);
  },
}) satisfies CommandSpec;
