// HLEN key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { hashLength } from '../../engine/types/hash.js';

export default defineCommand({
  name: 'hlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Get the number of fields in a hash', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(hashLength(db, pos));
  },
}) satisfies CommandSpec;
