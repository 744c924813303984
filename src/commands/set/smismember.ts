// SMISMEMBER key member [member ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { view } from './set-common.js';

export default defineCommand({
  name: 'smismember',
  arity: -3,
  flags: ['readonly', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: {
    summary: 'Returns the membership associated with the given elements for a set',
    since: '6.2.0',
    group: 'set',
    complexity: 'O(N) where N is the number of elements being checked for membership',
  },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const pos = lookupReadOf(db, KeyType.SET, buf, args.start(1), args.end(1));
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    // A missing key is an empty set: all zeros.
    if (pos !== NO_KEY) view.load(db, pos);
    reply.array(args.count - 2);
    for (let j = 2; j < args.count; j++) reply.int(pos !== NO_KEY && view.hasBytes(buf, args.start(j), args.end(j)) ? 1 : 0);
  },
}) satisfies CommandSpec;
