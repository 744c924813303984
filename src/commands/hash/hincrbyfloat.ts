// HINCRBYFLOAT key field increment
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NAN_OR_INF, NOT_FLOAT, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { addLongDouble, formatLongDouble, parseLongDouble, type LongDouble } from '../../engine/types/longdouble.js';
import { HashRef, hashGet, hashWriter } from '../../engine/types/hash.js';
import { HASH_NOT_FLOAT, INCR_NAN_OR_INF, hashLimits, textBytes } from './hash-common.js';
import { N, notifyArg } from '../notify.js';

const ref = new HashRef();
const ZERO = parseLongDouble(Buffer.from('0'))!;

export default defineCommand({
  name: 'hincrbyfloat',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Increment the float value of a hash field by the given amount', since: '2.6.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    // hincrbyfloatCommand(): the increment (valid, then finite), the key's
    // type, the stored value, then the sum, in long double arithmetic.
    const by = parseLongDouble(args.view(3));
    if (by === null) return reply.error(NOT_FLOAT);
    if (by.kind !== 'finite') return reply.error(INCR_NAN_OR_INF);
    const db = ctx.db;
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const fs = args.start(2);
    const fe = args.end(2);
    const pos = lookupWriteOf(db, KeyType.HASH, buf, ks, ke);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    let value: LongDouble = ZERO;
    if (pos !== NO_KEY && hashGet(db, pos, buf, fs, fe, ref)) {
      const v = parseLongDouble(ref.bytes());
      if (v === null) return reply.error(HASH_NOT_FLOAT);
      value = v;
    }
    const sum = addLongDouble(value, by);
    if (sum.kind !== 'finite') return reply.error(NAN_OR_INF);
    const text = formatLongDouble(sum);
    hashWriter.begin(db, pos, buf, ks, ke, hashLimits(ctx)).set(buf, fs, fe, textBytes(text), 0, text.length);
    hashWriter.commit();
    ctx.dirty(1);
    notifyArg(ctx, N.HASH, 'hincrbyfloat', args, 1);
    ctx.propagation?.rewrite(['HSET', args.view(1), args.view(2), text]);
    reply.bulkStr(text);
  },
}) satisfies CommandSpec;
