/**
 * Shared pieces of the sorted-set commands: the encoding limits copied from
 * the config before a write, the read view, and reply helpers that write a
 * member and its score as Redis 7.0 does per protocol version.
 */
import type { CommandContext } from '../context.js';
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { ZView, zsetLimits } from '../../engine/types/zset.js';
import type { CommandSpec, KeySpec } from '../define.js';
import { liveReader } from '../live-config.js';

/** The view commands read through (the engine's mutations use their own). */
export const zview = new ZView();
/** A second view for commands reading two keys at once. */
export const zview2 = new ZView();

export const MIN_MAX_NOT_FLOAT = 'ERR min or max is not a float';
export const MIN_MAX_NOT_STRING = 'ERR min or max not valid string range item';
export const SCORE_NAN = 'ERR resulting score is not a number (NaN)';

const zsetMaxEntries = liveReader('zset-max-listpack-entries');
const zsetMaxValue = liveReader('zset-max-listpack-value');

/** Copies zset-max-listpack-entries/-value into the engine (CONFIG SET takes effect on the next write). */
export function syncLimits(ctx: CommandContext): void {
  const config = ctx.server.config;
  zsetLimits.entries = zsetMaxEntries(config);
  zsetLimits.value = zsetMaxValue(config);
}

/** Writes the view's current member. */
export function replyMember(reply: Reply, v: ZView): void {
  if (v.tree !== null) reply.bulkStr(v.member());
  else reply.bulk(v.lp.buf, v.lp.mStart[v.i]!, v.lp.mEnd[v.i]!);
}

/** Writes the current member, with its score when asked (a [member, score] pair in RESP3). */
export function replyEntry(reply: Reply, v: ZView, withScores: boolean): void {
  if (withScores && reply.resp === 3) reply.array(2);
  replyMember(reply, v);
  if (withScores) reply.double(v.score);
}

/** The array header for n entries (flat pairs in RESP2, pairs in RESP3). */
export function entriesHeader(reply: Reply, n: number, withScores: boolean): void {
  reply.array(withScores && reply.resp === 2 ? n * 2 : n);
}

/** The argument as int64 saturated into a JS number, or null when not an integer (getLongFromObject). */
export function longArg(args: Args, i: number): number | null {
  const v = args.int64(i);
  if (v === null) return null;
  return typeof v === 'number' ? v : Number(v);
}

/** The key spec of a command reading or writing its one key at index 1. */
export function keyAt1(flags: readonly string[]): KeySpec {
  return { flags, beginSearch: { type: 'index', index: 1 }, findKeys: { type: 'range', lastkey: 0, step: 1, limit: 0 } };
}

/** Declared fields common to the one-key sorted-set commands. */
export const oneKey = { firstKey: 1, lastKey: 1, keyStep: 1 } as const satisfies Partial<CommandSpec>;
