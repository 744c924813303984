// HSTRLEN key field
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashRef, hashGet } from '../../engine/types/hash.js';

const ref = new HashRef();

export default defineCommand({
  name: 'hstrlen',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Get the length of the value of a hash field', since: '3.2.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(hashGet(db, pos, args.buf, args.start(2), args.end(2), ref) ? ref.length : 0);
  },
}) satisfies CommandSpec;
