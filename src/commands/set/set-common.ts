/**
 * Shared by the set commands: the reused views and accumulators, the
 * intset threshold from the config, reply helpers, and the multi-key
 * gathering that SINTER/SUNION/SDIFF and their STORE forms do (every key
 * looked up first, WRONGTYPE winning over a missing key, as Redis does).
 */
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { WRONGTYPE } from '../errors.js';
import { KeyType, NO_KEY, WRONG_TYPE } from '../../engine/status.js';
import { isValueAt } from '../../engine/types/intset.js';
import { lookupReadOf } from '../../engine/types/lookup.js';
import { SetAccum, SetView, intsetLimit } from '../../engine/types/set.js';
import { liveReader } from '../live-config.js';

/** The one accumulator commands edit or build a set in (commands run one at a time). */
export const acc = new SetAccum();
/** A second one, for SPOP's rebuilt set. */
export const acc2 = new SetAccum();
/** The view single-key commands read through. */
export const view = new SetView();

const setMaxIntsetEntries = liveReader('set-max-intset-entries');

/** set-max-intset-entries as Redis applies it. */
export function maxIntset(ctx: CommandContext): number {
  return intsetLimit(setMaxIntsetEntries(ctx.server.config));
}

/** Replies member i of a view (an intset member as its integer). */
export function replyMember(reply: Reply, v: SetView, i: number): void {
  const t = v.ht;
  if (t !== null) reply.bulk(t.mem, t.keyStart(i), t.keyEnd(i));
  else reply.bulkInt(isValueAt(v.mem, v.s, i));
}

/** Replies every member of a view (the header is the caller's). */
export function replyMembers(reply: Reply, v: SetView): void {
  const n = v.size;
  for (let i = 0; i < n; i++) replyMember(reply, v, i);
}

/** Replies member i of an accumulator. */
export function replyAccMember(reply: Reply, a: SetAccum, i: number): void {
  const t = a.ht;
  if (t !== null) reply.bulk(t.mem, t.keyStart(i), t.keyEnd(i));
  else reply.bulkInt(a.intAt(i));
}

/** Member i of an accumulator as a propagated argument (SPOP's SREM). */
export function accMember(a: SetAccum, i: number): string | number | bigint {
  return a.ht !== null ? a.ht.keyText(i) : a.intAt(i);
}

/** Replies an accumulator as a set (RESP3 `~`). */
export function replyAccSet(reply: Reply, a: SetAccum): void {
  const n = a.size;
  reply.set(n);
  for (let i = 0; i < n; i++) replyAccMember(reply, a, i);
}

const views: SetView[] = [];
const found: number[] = [];

/**
 * Looks up the keys in arguments [from, to) for reading; replies WRONGTYPE
 * and returns null when one holds another type. Otherwise returns views of
 * the sets, null entries for missing keys (valid until the next write).
 */
export function gatherSets(ctx: CommandContext, args: Args, from: number, to: number, reply: Reply): (SetView | null)[] | null {
  const db = ctx.db;
  const buf = args.buf;
  found.length = 0;
  for (let j = from; j < to; j++) {
    const pos = lookupReadOf(db, KeyType.SET, buf, args.start(j), args.end(j));
    if (pos === WRONG_TYPE) {
      reply.error(WRONGTYPE);
      return null;
    }
    found.push(pos);
  }
  // Found again: a lazy expiry during the lookups may have moved handles.
  const out: (SetView | null)[] = [];
  for (let j = from; j < to; j++) {
    if (found[j - from] === NO_KEY) {
      out.push(null);
      continue;
    }
    const k = j - from;
    while (views.length <= k) views.push(new SetView());
    out.push(views[k]!.load(db, db.findAt(buf, args.start(j), args.end(j))));
  }
  return out;
}

/** Whether two arguments are the same bytes. */
export function sameArg(args: Args, a: number, b: number): boolean {
  return args.len(a) === args.len(b) && args.buf.compare(args.buf, args.start(a), args.end(a), args.start(b), args.end(b)) === 0;
}

