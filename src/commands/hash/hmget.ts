// HMGET key field [field ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashRef, hashGet } from '../../engine/types/hash.js';
import { replyHashValue } from './hash-common.js';

const ref = new HashRef();

export default defineCommand({
  name: 'hmget',
  arity: -3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Get the values of all the given hash fields', since: '2.0.0', group: 'hash', complexity: 'O(N) where N is the number of fields being requested.' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const pos = lookupReadOf(db, KeyType.HASH, buf, args.start(1), args.end(1));
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    // A missing key answers a nil per field.
    reply.array(args.count - 2);
    for (let i = 2; i < args.count; i++) {
      if (pos !== NO_KEY && hashGet(db, pos, buf, args.start(i), args.end(i), ref)) replyHashValue(reply, ref);
      else reply.nil();
    }
  },
}) satisfies CommandSpec;
