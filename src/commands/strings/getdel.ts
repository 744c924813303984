// GETDEL key
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { NO_KEY } from '../../engine/status.js';
import { lookupStringAt, WRONG_TYPE } from '../../engine/types/string.js';
import { replyStoredString } from './string-reply.js';
import { N, notifyArg } from '../notify.js';

export default defineCommand({
  name: 'getdel',
  arity: 2,
  flags: ['write', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE'])],
  doc: { summary: 'Get the value of a key and delete the key', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const slot = lookupStringAt(db, args.buf, args.start(1), args.end(1));
    if (slot === NO_KEY) return reply.nil();
    if (slot === WRONG_TYPE) return reply.error(WRONGTYPE);
    // The reply takes the bytes before the key goes (arena bytes are copied
    // into the output; a large value's Buffer is never modified).
    replyStoredString(reply, db, slot);
    db.removeAt(slot);
    ctx.dirty(1);
    notifyArg(ctx, N.GENERIC, 'del', args, 1);
    ctx.propagation?.rewrite(['DEL', args.view(1)]);
  },
}) satisfies CommandSpec;
