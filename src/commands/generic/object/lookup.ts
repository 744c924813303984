/**
 * Shared by the OBJECT subcommands: the key lookup Redis's
 * objectCommandLookup() does (lazy expiry and a keyspace hit or miss, but the
 * access time is left alone) and the eviction-policy facts they report on.
 */
import type { Args } from '../../args.js';
import type { CommandContext } from '../../context.js';
import { idleSeconds as idleOf, lfuDecayed } from '../../../engine/eviction/access.js';
import { ENCODING_NAMES, Encoding, KeyType } from '../../../engine/status.js';

/** Redis's OBJ_SHARED_REFCOUNT: the refcount of its shared integer objects. */
const OBJ_SHARED_REFCOUNT = 2147483647;
/** OBJ_SHARED_INTEGERS: 0..9999 are shared. */
const OBJ_SHARED_INTEGERS = 10000;

/** The slot of the key in argument 2, or NO_KEY. */
export function objectLookup(ctx: CommandContext, args: Args): number {
  const db = ctx.db;
  // LOOKUP_NONOTIFY: a miss counts in the stats but sends no keymiss event.
  const events = db.events;
  db.events = null;
  const pos = db.lookupReadAt(args.buf, args.start(2), args.end(2), false);
  db.events = events;
  return pos;
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

/** The encoding Redis 7.0 would report: every list is a quicklist there (a small one is a listpack blob here). */
export function encodingName(ctx: CommandContext, slot: number): string {
  const enc = ctx.db.type(slot) === KeyType.LIST ? Encoding.QUICKLIST : ctx.db.encoding(slot);
  return ENCODING_NAMES[enc]!;
}

/**
 * The refcount Redis would report. Values are never shared here; an int is
 * what Redis would have stored: a shared integer unless maxmemory is set
 * with an LRU/LFU policy. COPY stores its ints as bigints: Redis's copies
 * are unshared.
 */
export function refcount(ctx: CommandContext, slot: number): number {
  const db = ctx.db;
  if (db.encoding(slot) !== Encoding.INT) return 1;
  const v = db.stringValue(slot);
  const shareable = ctx.server.config.getNumber('maxmemory') === 0 || !lruOrLfuPolicy(ctx);
  return shareable && typeof v === 'number' && v >= 0 && v < OBJ_SHARED_INTEGERS ? OBJ_SHARED_REFCOUNT : 1;
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
