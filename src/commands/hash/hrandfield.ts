// HRANDFIELD key [count [WITHVALUES]]
import { defineCommand, rangeKeySpec, type CommandSpec } from '../define.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX, WRONGTYPE } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { HashPairs, type HashVisitor } from '../../engine/types/hash.js';

const LONG_MAX = 9223372036854775807n;
const HALF_LONG_MAX = LONG_MAX / 2n;
const OUT_OF_RANGE = 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807';
const WITHVALUES_OUT_OF_RANGE = 'ERR value is out of range';

const pairs = new HashPairs();
let picks = new Int32Array(64);

/** Writes one pick: the field, or field and value (a pair array in RESP3). */
class PickWriter implements HashVisitor {
  reply!: Reply;
  withValues = false;
  bytes(mem: Uint8Array, fs: number, fe: number, vs: number, ve: number): void {
    if (this.withValues && this.reply.resp === 3) this.reply.array(2);
    this.reply.bulk(mem, fs, fe);
    if (this.withValues) this.reply.bulk(mem, vs, ve);
  }
}
const writer = new PickWriter();

/** `count` distinct indexes below `size` (count < size), in random order, in picks[0, count). */
function distinct(count: number, size: number): void {
  if (picks.length < size) picks = new Int32Array(Math.max(size, picks.length * 2));
  if (count * 3 > size) {
    // Many of them: a partial shuffle of every index.
    for (let i = 0; i < size; i++) picks[i] = i;
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(Math.random() * (size - i));
      const t = picks[i]!;
      picks[i] = picks[j]!;
      picks[j] = t;
    }
    return;
  }
  // Few of a big hash: draw until enough distinct ones.
  const seen = new Set<number>();
  let n = 0;
  while (n < count) {
    const i = Math.floor(Math.random() * size);
    if (seen.has(i)) continue;
    seen.add(i);
    picks[n++] = i;
  }
}

export default defineCommand({
  name: 'hrandfield',
  arity: -2,
  flags: ['readonly'],
  acl: ['hash'],
  firstKey: 1,
  lastKey: 1,
  keyStep: 1,
  keySpecs: [rangeKeySpec(['RO', 'ACCESS'])],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Get one or multiple random fields from a hash', since: '6.2.0', group: 'hash', complexity: 'O(N) where N is the number of fields returned' },
  handler(ctx, args, reply) {
    const db = ctx.db;
    if (args.count < 3) {
      const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
      if (pos === NO_KEY) return reply.nil();
      if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
      pairs.load(db, pos);
      writer.reply = reply;
      writer.withValues = false;
      return pairs.visit(Math.floor(Math.random() * pairs.size), false, writer);
    }
    // hrandfieldCommand(): the count, then the syntax, then WITHVALUES's range, then the key.
    const l = args.int64(2);
    if (l === null) return reply.error(NOT_INTEGER);
    if (l < -LONG_MAX) return reply.error(OUT_OF_RANGE);
    if (args.count > 4 || (args.count === 4 && !keyword(args, 3, 'withvalues'))) return reply.error(SYNTAX);
    const withValues = args.count === 4;
    if (withValues && (l < -HALF_LONG_MAX || l > HALF_LONG_MAX)) return reply.error(WITHVALUES_OUT_OF_RANGE);
    const pos = lookupReadOf(db, KeyType.HASH, args.buf, args.start(1), args.end(1));
    if (pos === NO_KEY) return reply.array(0);
    if (pos === WRONG_TYPE) return reply.error(WRONGTYPE);
    const uniq = l >= 0;
    const count = Number(uniq ? l : -l);
    if (count === 0) return reply.array(0);
    pairs.load(db, pos);
    const size = pairs.size;
    writer.reply = reply;
    writer.withValues = withValues;
    const flat = withValues && reply.resp === 2;
    if (!uniq || count === 1) {
      // Independent picks, repeats allowed.
      reply.array(flat ? count * 2 : count);
      for (let i = 0; i < count; i++) pairs.visit(Math.floor(Math.random() * size), withValues, writer);
      return;
    }
    if (count >= size) {
      // The whole hash, in its order.
      reply.array(flat ? size * 2 : size);
      for (let i = 0; i < size; i++) pairs.visit(i, withValues, writer);
      return;
    }
    reply.array(flat ? count * 2 : count);
    distinct(count, size);
    for (let i = 0; i < count; i++) pairs.visit(picks[i]!, withValues, writer);
  },
}) satisfies CommandSpec;
