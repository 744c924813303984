// HGET key field
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashRef, hashGet } from '../../engine/types/hash.js';
import { replyHashValue } from './hash-common.js';

const ref = new HashRef();

export default defineCommand({
  name: 'hget',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Get the value of a hash field', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.nil();
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    if (hashGet(db, pos, args.buf, args.start(2), args.end(2), ref)) replyHashValue(reply, ref);
    else reply.nil();
  },
}) satisfies CommandSpec;
