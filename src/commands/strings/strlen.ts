// STRLEN key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { lookupStringAt, stringLength, WRONG_TYPE } from '../../engine/types/string.js';

export default defineCommand({
  name: 'strlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO'])],
  doc: { summary: 'Get the length of the value stored in a key', since: '2.2.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const slot = lookupStringAt(ctx.db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.int(0);
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    reply.int(stringLength(ctx.db.stringValue(slot)));
  },
}) satisfies CommandSpec;
