// SRANDMEMBER key [count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { replyMember, replyMembers, view } from './set-common.js';
import { sampleIndexes } from './spop.js';

const OUT_OF_RANGE = 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807';
/**
 * A negative count repeats picks, so the reply is |count| long whatever the
 * set's size; Redis 7.0.15 tries to build a reply of any length (and dies on
 * 2^63 - 1). NenCache refuses beyond this many, with the range error.
 */
const MAX_REPEAT = 0x7fffffff;

export default defineCommand({
  name: 'srandmember',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Get one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
    history: [['2.6.0', 'Added the optional `count` argument.']],
  },
  handler(ctx, args, reply) {
    if (args.count > 3) return reply.error(SYNTAX);
    const db = ctx.db;
    const buf = args.buf;
    if (args.count === 2) {
      const pos = lookupReadOf(db, KeyType.SET, buf, args.start(1), args.end(1));
      if (pos === NO_KEY) return reply.nil();
      if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
      view.load(db, pos);
      return replyMember(reply, view, Math.floor(Math.random() * view.size));
    }
    const l = args.int64(2);
    if (l === null) return reply.error(NOT_INTEGER);
    // -LONG_MIN has no positive counterpart: Redis accepts [-LONG_MAX, LONG_MAX].
    if (typeof l === 'bigint' && l === -9223372036854775808n) return reply.error(OUT_OF_RANGE);
    const pos = lookupReadOf(db, KeyType.SET, buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.array(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    if (l === 0) return reply.array(0);
    view.load(db, pos);
    const size = view.size;
    const uniq = l > 0;
    const count = uniq ? Number(l) : -Number(l);
    if (!uniq && count > MAX_REPEAT) return reply.error(OUT_OF_RANGE);
    if (!uniq || count === 1) {
      // Picks may repeat.
      reply.array(count);
      for (let i = 0; i < count; i++) replyMember(reply, view, Math.floor(Math.random() * size));
      return;
    }
    if (count >= size) {
      reply.array(size);
      return replyMembers(reply, view);
    }
    const picks = sampleIndexes(size, count);
    reply.array(count);
    for (let i = 0; i < count; i++) replyMember(reply, view, picks[i]!);
  },
}) satisfies CommandSpec;
