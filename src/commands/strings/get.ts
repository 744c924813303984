// GET key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { NO_KEY } from '../../engine/status.js';
import { replyStoredString } from './string-reply.js';

export default defineCommand({
  name: 'get',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  doc: { summary: 'Get the value of a key', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = lookupStringAt(ctx.db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.nil();
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    replyStoredString(reply, ctx.db, slot);
  },
}) satisfies CommandSpec;
