// MGET key [key ...]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { KeyType, NO_KEY } from '../../engine/status.js';
import { replyStoredString } from './string-reply.js';

export default defineCommand({
  name: 'mget',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  firstKey: 1,
  lastKey: -1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'], 1, -1, 1, 0)],
  tips: ['request_policy:multi_shard'],
  doc: { summary: 'Get the values of all the given keys', since: '1.0.0', group: 'string', complexity: 'O(N) where N is the number of keys to retrieve.' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    const buf = args.buf;
    const n = args.count;
    reply.array(n - 1);
    for (let j = 1; j < n; j++) {
      const slot = db.lookupReadAt(buf, args.start(j), args.end(j));
      // Keys of other types read as nil, not WRONGTYPE.
      if (slot === NO_KEY || db.type(slot) !== KeyType.STRING) reply.nil();
      else replyStoredString(reply, db, slot);
    }
  },
}) satisfies CommandSpec;
