/**
 * Shared by the OBJECT subcommands: the key lookup Redis's
 * objectCommandLookup() does (lazy expiry and a keyspace hit or miss, but the
 * access time is left alone) and the eviction-policy facts they report on.
 */
import type { Args } from '../../args.js';
import type { CommandContext } from '../../context.js';
import { idleSeconds as idleOf, lfuDecayed } from '../../../engine/eviction/access.js';

/** The slot of the key in argument 2, or NO_KEY. */
export function objectLookup(ctx: CommandContext, args: Args): number {
  return ctx.db.lookupReadAt(args.buf, args.start(2), args.end(2), false);
}

/** Whether maxmemory-policy is an LFU one (MAXMEMORY_FLAG_LFU). */
export function lfuPolicy(ctx: CommandContext): boolean {
  return ctx.engine.policy.kind === 'lfu';
}

/** Whether the policy keeps a frequency counter (LFU, adaptive). */
export function tracksFrequency(ctx: CommandContext): boolean {
  const k = ctx.engine.policy.kind;
  return k === 'lfu' || k === 'adaptive';
}

/** Whether maxmemory-policy is an LRU or LFU one (MAXMEMORY_FLAG_NO_SHARED_INTEGERS). */
export function lruOrLfuPolicy(ctx: CommandContext): boolean {
  const p = ctx.server.config.getString('maxmemory-policy');
  return p.endsWith('-lru') || p.endsWith('-lfu');
}

/**
 * Seconds since the last access (since insertion under allkeys-fifo), from the
 * cached LRU clock as estimateObjectIdleTime() does (24-bit wrap).
 */
export function idleSeconds(ctx: CommandContext, slot: number): number {
  return idleOf(ctx.db.accessTime(slot), ctx.engine.stats);
}

/**
 * The frequency counter the policy keeps: Redis's decayed LFU counter under
 * *-lfu, the 0-3 read counter under *-adaptive.
 */
export function frequency(ctx: CommandContext, slot: number): number {
  const a = ctx.db.accessTime(slot);
  return ctx.engine.policy.kind === 'adaptive' ? a >>> 22 : lfuDecayed(a, ctx.engine.stats);
}
