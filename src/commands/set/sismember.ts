// SISMEMBER key member
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { view } from './set-common.js';

export default defineCommand({
  name: 'sismember',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Determine if a given value is a member of a set', since: '1.0.0', group: 'set', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.SET, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.int(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(view.load(db, pos).hasBytes(args.buf, args.start(2), args.end(2)) ? 1 : 0);
  },
}) satisfies CommandSpec;
