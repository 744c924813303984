// HEXISTS key field
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { hashExists } from '../../engine/types/hash.js';

export default defineCommand({
  name: 'hexists',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Determine if a hash field exists', since: '2.0.0', group: 'hash', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(hashExists(db, pos, args.buf, args.start(2), args.end(2)) ? 1 : 0);
  },
}) satisfies CommandSpec;
