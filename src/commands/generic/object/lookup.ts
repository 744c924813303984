/**
 * Shared by the OBJECT subcommands: the key lookup Redis's
 * objectCommandLookup() does (lazy expiry and a keyspace hit or miss, but the
 * access time is left alone) and the eviction-policy facts they report on.
 */
import type { Args } from '../../args.js';
import type { CommandContext } from '../../context.js';
import { LRU_CLOCK_MAX } from '../../../engine/keyspace.js';

/** The slot of the key in argument 2, or NO_KEY. */
export function objectLookup(ctx: CommandContext, args: Args): number {
  return ctx.db.lookupReadAt(args.buf, args.start(2), args.end(2), false);
}

/** Whether maxmemory-policy is an LFU one (MAXMEMORY_FLAG_LFU). */
export function lfuPolicy(ctx: CommandContext): boolean {
  return ctx.server.config.getString('maxmemory-policy').endsWith('-lfu');
}

/** Whether maxmemory-policy is an LRU or LFU one (MAXMEMORY_FLAG_NO_SHARED_INTEGERS). */
export function lruOrLfuPolicy(ctx: CommandContext): boolean {
  const p = ctx.server.config.getString('maxmemory-policy');
  return p.endsWith('-lru') || p.endsWith('-lfu');
}

/** Seconds since the last access, from the cached LRU clock as estimateObjectIdleTime() does (24-bit wrap). */
export function idleSeconds(ctx: CommandContext, slot: number): number {
  const now = ctx.engine.stats.lru;
  const then = ctx.db.accessTime(slot);
  return now >= then ? now - then : now + (LRU_CLOCK_MAX - then);
}
