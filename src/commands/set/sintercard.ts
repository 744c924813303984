// SINTERCARD numkeys key [key ...] [LIMIT limit]
import { defineCommand, type CommandSpec } from '../define.js';
import { SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import type { SetView } from '../../engine/types/set.js';
import { setInter } from '../../engine/types/set-ops.js';
import { gatherSets } from './set-common.js';

const NUMKEYS = 'ERR numkeys should be greater than 0';
const TOO_MANY_KEYS = "ERR Number of keys can't be greater than number of args";
const NEGATIVE_LIMIT = "ERR LIMIT can't be negative";

export default defineCommand({
  name: 'sintercard',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  acl: ['set'],
  firstKey: 0,
  lastKey: 0,
  keyStep: 0,
  keySpecs: [{ flags: ['RO', 'ACCESS'], beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'keynum', keynumidx: 0, firstkey: 1, step: 1 } }],
  doc: {
    summary: 'Intersect multiple sets and return the cardinality of the result',
    since: '7.0.0',
    group: 'set',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
  },
  handler(ctx, args, reply) {
    const nk = args.int64(1);
    // getRangeLongFromObjectOrReply() with a message uses it for a non-integer too.
    if (nk === null || nk < 1) return reply.error(NUMKEYS);
    if (nk > args.count - 2) return reply.error(TOO_MANY_KEYS);
    const numkeys = Number(nk);
    let limit = 0;
    for (let j = 2 + numkeys; j < args.count; j++) {
      if (keyword(args, j, 'limit') && j < args.count - 1) {
        j++;
        const l = args.int64(j);
        if (l === null || l < 0) return reply.error(NEGATIVE_LIMIT);
        limit = Number(l);
      } else {
        return reply.error(SYNTAX);
      }
    }
    const sets = gatherSets(ctx, args, 2, 2 + numkeys, reply);
    if (sets === null) return;
    if (sets.includes(null)) return reply.int(0);
    reply.int(setInter(sets as SetView[], null, limit));
  },
}) satisfies CommandSpec;
