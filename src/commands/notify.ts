/**
 * Keyspace notifications (Redis 7.0's notify.c): a command that changed a key
 * calls notify() after the change, in Redis's order. With notifications off
 * (the default) a call costs one bit test of the server's cached flags and
 * allocates nothing; events are published through PUBLISH's delivery path.
 */
import type { Args } from './args.js';
import type { CommandContext } from './context.js';
import { NO_KEY } from '../engine/status.js';

/** Redis's NOTIFY_* bits (the same values as NOTIFY in src/config/values.ts, inlined by tsc). */
export const enum N {
  KEYSPACE = 1 << 0,
  KEYEVENT = 1 << 1,
  GENERIC = 1 << 2,
  STRING = 1 << 3,
  LIST = 1 << 4,
  SET = 1 << 5,
  HASH = 1 << 6,
  ZSET = 1 << 7,
  EXPIRED = 1 << 8,
  EVICTED = 1 << 9,
  STREAM = 1 << 10,
  KEY_MISS = 1 << 11,
  NEW = 1 << 14,
}

/** Where events are delivered: PUBLISH's path (a client's PubSubHandle or the server's registry). */
export interface EventSink {
  publish(shard: boolean, channel: Buffer, message: Buffer): number;
}

/** notify() for the key in argument `i`. */
export function notifyArg(ctx: CommandContext, cls: N, event: string, args: Args, i: number): void {
  if ((ctx.server.keyspaceEvents & cls) === 0) return;
  publishKeyspaceEvent(ctx.server.keyspaceEvents, ctx.client.pubsub, event, args.buf, args.start(i), args.end(i), ctx.client.dbIndex);
}

/** The 'del' Redis sends when a command left the collection in argument `i` empty (the engine removed the key). */
export function notifyDelIfGone(ctx: CommandContext, args: Args, i: number): void {
  if ((ctx.server.keyspaceEvents & N.GENERIC) === 0) return;
  if (ctx.db.findAt(args.buf, args.start(i), args.end(i)) !== NO_KEY) return;
  publishKeyspaceEvent(ctx.server.keyspaceEvents, ctx.client.pubsub, 'del', args.buf, args.start(i), args.end(i), ctx.client.dbIndex);
}

/**
 * notifyKeyspaceEvent(): `event` of class `cls` happened to the key
 * buf[start, end) of database `db` (the client's by default).
 */
export function notify(ctx: CommandContext, cls: N, event: string, buf: Uint8Array, start: number, end: number, db = -1): void {
  if ((ctx.server.keyspaceEvents & cls) === 0) return;
  publishKeyspaceEvent(ctx.server.keyspaceEvents, ctx.client.pubsub, event, buf, start, end, db < 0 ? ctx.client.dbIndex : db);
}

/** The slow path: __keyspace@<db>__:<key> gets the event, then __keyevent@<db>__:<event> gets the key. */
export function publishKeyspaceEvent(flags: number, sink: EventSink, event: string, buf: Uint8Array, start: number, end: number, db: number): void {
  const key = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
  if (flags & N.KEYSPACE) {
    const prefix = `__keyspace@${db}__:`;
    const channel = Buffer.allocUnsafe(prefix.length + key.length);
    channel.latin1Write(prefix, 0);
    key.copy(channel, prefix.length);
    sink.publish(false, channel, Buffer.from(event, 'latin1'));
  }
  if (flags & N.KEYEVENT) sink.publish(false, Buffer.from(`__keyevent@${db}__:${event}`, 'latin1'), key);
}
