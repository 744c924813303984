// SPOP key [count]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import { NOT_POSITIVE, SYNTAX, WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupWriteOf } from '../../engine/types/lookup.js';
import { parseMemberStr } from '../../engine/types/set.js';
import { IntVal } from '../../engine/types/intset.js';
import { acc, acc2, accMember, maxIntset, replyAccMember, replyMember, view, replyMembers } from './set-common.js';
import { N, notifyArg, notifyDelIfGone } from '../notify.js';

/** How much bigger than what stays the popped part must be for SPOP to rebuild the set (SPOP_MOVE_STRATEGY_MUL). */
const MOVE_STRATEGY_MUL = 5;
let pool = new Int32Array(64);
const v = new IntVal();

/** `k` distinct random indexes below n (a partial Fisher-Yates), in a reused array. */
export function sampleIndexes(n: number, k: number): Int32Array {
  if (pool.length < n) pool = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(Math.random() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool;
}

export default defineCommand({
  name: 'spop',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['set'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RW', 'ACCESS', 'DELETE'])],
  tips: ['nondeterministic_output'],
  doc: {
    summary: 'Remove and return one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    history: [['3.2.0', 'Added the `count` argument.']],
  },
  handler(ctx, args, reply) {
    if (args.count > 3) return reply.error(SYNTAX);
    const db = ctx.db;
    const buf = args.buf;
    const ks = args.start(1);
    const ke = args.end(1);
    if (args.count === 2) {
      const pos = lookupWriteOf(db, KeyType.SET, buf, ks, ke);
      if (pos === NO_KEY) return reply.nil();
      if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
      acc.load(db, pos, maxIntset(ctx));
      const i = Math.floor(Math.random() * acc.size);
      replyAccMember(reply, acc, i);
      // Replayed as SREM of the member drawn, so replay does not depend on the random choice.
      ctx.propagation?.rewrite(['SREM', args.view(1), accMember(acc, i)]);
      acc.removeAt(i);
      acc.commit(db, pos);
      ctx.dirty(1);
      notifyArg(ctx, N.SET, 'spop', args, 1);
      return notifyDelIfGone(ctx, args, 1);
    }
    const l = args.int64(2);
    // getPositiveLongFromObjectOrReply(): one message for both failures.
    if (l === null || l < 0) return reply.error(NOT_POSITIVE);
    const pos = lookupWriteOf(db, KeyType.SET, buf, ks, ke);
    if (pos === NO_KEY) return reply.set(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    if (l === 0) return reply.set(0);
    const count = Number(l);
    view.load(db, pos);
    const size = view.size;
    if (count >= size) {
      // The whole set, then the key goes.
      ctx.dirty(size);
      reply.set(size);
      replyMembers(reply, view);
      db.removeAt(pos);
      ctx.propagation?.rewrite(['DEL', args.view(1)]);
      notifyArg(ctx, N.SET, 'spop', args, 1);
      return notifyArg(ctx, N.GENERIC, 'del', args, 1);
    }
    ctx.dirty(count);
    notifyArg(ctx, N.SET, 'spop', args, 1);
    reply.set(count);
    const max = maxIntset(ctx);
    const remaining = size - count;
    // One SREM per member popped (wrapped in MULTI/EXEC by the propagation), never SPOP itself.
    const prop = ctx.propagation;
    if (prop !== null) prop.prevent();
    if (remaining * MOVE_STRATEGY_MUL > count) {
      acc.load(db, pos, max);
      for (let k = 0; k < count; k++) {
        const i = Math.floor(Math.random() * acc.size);
        replyAccMember(reply, acc, i);
        if (prop !== null) prop.also(['SREM', args.view(1), accMember(acc, i)]);
        acc.removeAt(i);
      }
      acc.commit(db, pos);
      return;
    }
    // Most of the set goes: the members that stay are picked and form a new
    // set (setTypeCreate() from the first of them), the rest is returned.
    const keep = sampleIndexes(size, remaining);
    const first = view.text(keep[0]!);
    if (parseMemberStr(first, v)) acc2.reset(max);
    else acc2.resetHash(max);
    const kept = new Uint8Array(size);
    const t = view.ht;
    for (let k = 0; k < remaining; k++) {
      const i = keep[k]!;
      kept[i] = 1;
      if (t !== null) acc2.addBytes(t.mem, t.keyStart(i), t.keyEnd(i));
      else acc2.addStr(view.text(i));
    }
    for (let i = 0; i < size; i++) {
      if (kept[i] === 1) continue;
      replyMember(reply, view, i);
      if (prop !== null) prop.also(['SREM', args.view(1), view.text(i)]);
    }
    acc2.replaceAt(db, pos);
  },
}) satisfies CommandSpec;
