// HINCRBY key field increment
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, OVERFLOW, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { parseInt64 } from '../../engine/types/int64.js';
import { HashRef, hashGet, hashWriter } from '../../engine/types/hash.js';
import { HASH_NOT_INTEGER, hashLimits, textBytes } from './hash-common.js';
import { N, notifyArg } from '../notify.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const ref = new HashRef();

/** Exact int64 sum: a number while safe, a bigint beyond, null on overflow. */
function add(a: number | bigint, b: number | bigint): number | bigint | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  const r = BigInt(a) + BigInt(b);
  if (r > INT64_MAX || r < INT64_MIN) return null;
  return r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER ? Number(r) : r;
}

export default defineCommand({
  name: 'hincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Increment the integer value of a hash field by the given number', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    // hincrbyCommand(): the increment first, then the key's type, then the stored value.
    const incr = args.int64(3);
    if (incr === null) return reply.error(NOT_INTEGER);
    const db = ctx.db;
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const fs = args.start(2);
    const fe = args.end(2);
    const pos = lookupWriteOf(db, KeyType.HASH, buf, ks, ke);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    let cur: number | bigint = 0;
    if (pos !== NO_KEY && hashGet(db, pos, buf, fs, fe, ref)) {
      const n = parseInt64(ref.mem, ref.start, ref.end);
      if (n === null) return reply.error(HASH_NOT_INTEGER);
      cur = n;
    }
    const result = add(cur, incr);
    if (result === null) return reply.error(OVERFLOW);
    const text = String(result);
    hashWriter.begin(db, pos, buf, ks, ke, hashLimits(ctx)).set(buf, fs, fe, textBytes(text), 0, text.length);
    hashWriter.commit();
    ctx.dirty(1);
    notifyArg(ctx, N.HASH, 'hincrby', args, 1);
    if (typeof result === 'number') reply.int(result);
    else reply.bigint(result);
  },
}) satisfies CommandSpec;
