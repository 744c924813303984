// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { WRONGTYPE } from '../errors.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { parseMpop, popWithKey } from './list-generic.js';

export default defineCommand({
  name: 'lmpop',
  arity: -4,
  flags: ['write', 'movablekeys'],
  acl: ['list'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [{ flags: ['RW', 'ACCESS', 'DELETE'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } }],
  doc: { summary: 'Pop elements from a list', since: '7.0.0', group: 'list', complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.' },
  handler(ctx, args, reply) {
    const m = parseMpop(args, 1, reply);
    if (m === null) return;
    const db = ctx.db;
    for (let k = m.first; k < m.first + m.numkeys; k++) {
      const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(k), args.end(k));
      if (pos === NO_KEY) continue;
      if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
      return popWithKey(ctx, args, k, pos, m.where, m.count, reply);
    }
    reply.nilArray();
  },
}) satisfies CommandSpec;
