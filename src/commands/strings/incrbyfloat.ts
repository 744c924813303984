// INCRBYFLOAT key increment
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NAN_OR_INF, NOT_FLOAT, WRONGTYPE } from '../errors.js';
import { Encoding, KeyType, NO_KEY } from '../../engine/status.js';
import { EMBSTR_LIMIT, stringBytes } from '../../engine/types/string.js';
import { incrByFloat } from '../../engine/types/longdouble.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'incrbyfloat',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'UPDATE'])],
  doc: { summary: 'Increment the float value of a key by the given amount', since: '2.6.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const kbuf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    const slot = db.lookupWriteAt(kbuf, ks, ke);
    let current: Buffer | null = null;
    if (slot !== NO_KEY) {
      if (db.type(slot) !== KeyType.STRING) return reply.error(WRONGTYPE);
      current = stringBytes(db.stringValue(slot));
    }
    // Checks the stored value, then the increment, then the sum (long double arithmetic).
    const r = incrByFloat(current, args.view(2));
    if (!r.ok) return reply.error(r.error === 'NAN_OR_INF' ? NAN_OR_INF : NOT_FLOAT);
    const text = r.value;
    const value = Buffer.from(text, 'latin1');
    // createStringObjectFromLongDouble(): embstr or raw by length, never int.
    const enc = value.length <= EMBSTR_LIMIT ? Encoding.EMBSTR : Encoding.RAW;
    // An existing key keeps its TTL (dbOverwrite()).
    db.putAt(kbuf, ks, ke, KeyType.STRING, enc, value, true);
    ctx.dirty(1);
    notifyArg(ctx, N.STRING, 'incrbyfloat', args, 1);
    // Replayed as the result, so float rounding on another machine cannot drift (SET ... KEEPTTL).
    ctx.propagation?.rewrite(['SET', args.view(1), value, 'KEEPTTL']);
    reply.bulk(value);
  },
}) satisfies CommandSpec;
