// LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { listLength, listPop } from '../../engine/types/list.js';
import { bulkSink, listEnd, listFill, notifyListPop } from './list-generic.js';

const NUMKEYS = 'ERR numkeys should be greater than 0';
const COUNT = 'ERR count should be greater than 0';

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
    const numkeys = args.int(1);
    if (numkeys === null || numkeys < 1) return reply.error(NUMKEYS);
    const whereIdx = numkeys + 2;
    if (whereIdx >= args.count) return reply.error(SYNTAX);
    const where = listEnd(args, whereIdx);
    if (where === -1) return reply.error(SYNTAX);
    let count = -1;
    for (let j = whereIdx + 1; j < args.count; j++) {
      if (count === -1 && j < args.count - 1 && keyword(args, j, 'count')) {
        const v = args.int(++j);
        if (v === null || v < 1) return reply.error(COUNT);
        count = v;
      } else {
        return reply.error(SYNTAX);
      }
    }
    if (count === -1) count = 1;
    const db = ctx.db;
    for (let k = 2; k < whereIdx; k++) {
      const pos = lookupWriteOf(db, KeyType.LIST, args.buf, args.start(k), args.end(k));
      if (pos === NO_KEY) continue;
      if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
      reply.array(2);
      reply.bulk(args.buf, args.start(k), args.end(k));
      reply.array(Math.min(count, listLength(db, pos)));
      ctx.dirty(listPop(db, pos, where, count, bulkSink(reply), listFill(ctx)));
      notifyListPop(ctx, args, k, where);
      return;
    }
    reply.nilArray();
  },
}) satisfies CommandSpec;
