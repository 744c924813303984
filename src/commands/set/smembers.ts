// SMEMBERS key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { replyMembers, view } from './set-common.js';

export default defineCommand({
  name: 'smembers',
  arity: 2,
  flags: ['readonly'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output_order'],
  doc: { summary: 'Get all the members in a set', since: '1.0.0', group: 'set', complexity: 'O(N) where N is the set cardinality.' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const pos = lookupReadOf(db, KeyType.SET, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.set(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    // Redis 7.0 runs SINTER of one key: a set reply, an intset ascending.
    view.load(db, pos);
    reply.set(view.size);
    replyMembers(reply, view);
  },
}) satisfies CommandSpec;
