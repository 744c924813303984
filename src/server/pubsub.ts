/**
 * Pub/Sub as Redis 7.0's pubsub.c: the server-wide registry of channels,
 * patterns and shard channels, and each client's own subscriptions. Messages
 * are written into the subscriber's reply buffer; the server flushes every
 * touched subscriber once per event-loop turn. Names are latin1 strings (one
 * char per byte), as keys are in the engine.
 */
import { SubKind, type PubSubHandle } from '../commands/context.js';
import { globMatch } from '../engine/glob.js';
import type { RespWriter } from '../protocol/resp/writer.js';
import { MODE_PUBSUB } from './multi.js';

/** What a subscription set needs from its connection. */
export interface SubscriberOwner {
  mode: number;
  readonly writer: RespWriter;
  /** Asks for the writer to be flushed at the end of this event-loop turn. */
  scheduleFlush(): void;
}

const SUBSCRIBE = ['subscribe', 'psubscribe', 'ssubscribe'] as const;
const UNSUBSCRIBE = ['unsubscribe', 'punsubscribe', 'sunsubscribe'] as const;

/** Who listens to what, server-wide. */
export class PubSubRegistry {
  /** Indexed by SubKind: name → subscribers in subscription order. */
  readonly maps: Map<string, Set<Subscriptions>>[] = [new Map(), new Map(), new Map()];
  /** Pattern bytes, kept so matching a channel makes no string. */
  private readonly patternBytes = new Map<string, Buffer>();

  add(kind: SubKind, name: string, s: Subscriptions): void {
    const m = this.maps[kind]!;
    const set = m.get(name);
    if (set !== undefined) set.add(s);
    else {
      m.set(name, new Set([s]));
      if (kind === SubKind.PATTERN) this.patternBytes.set(name, Buffer.from(name, 'latin1'));
    }
  }

  remove(kind: SubKind, name: string, s: Subscriptions): void {
    const m = this.maps[kind]!;
    const set = m.get(name);
    if (set === undefined) return;
    set.delete(s);
    if (set.size === 0) {
      m.delete(name);
      if (kind === SubKind.PATTERN) this.patternBytes.delete(name);
    }
  }

  /** pubsubPublishMessage(): channel subscribers first, then matching patterns; returns the receivers. */
  publish(shard: boolean, channel: Buffer, message: Buffer): number {
    let n = 0;
    const name = channel.latin1Slice(0, channel.length);
    const subs = this.maps[shard ? SubKind.SHARD : SubKind.CHANNEL]!.get(name);
    if (subs !== undefined) {
      for (const s of subs) {
        s.message(shard ? 'smessage' : 'message', null, channel, message);
        n++;
      }
    }
    if (shard) return n;
    for (const [pattern, psubs] of this.maps[SubKind.PATTERN]!) {
      const p = this.patternBytes.get(pattern)!;
      if (!globMatch(p, 0, p.length, channel, 0, channel.length)) continue;
      for (const s of psubs) {
        s.message('pmessage', pattern, channel, message);
        n++;
      }
    }
    return n;
  }

  /** Active channels (or shard channels) matching `pattern`, all when null. */
  channels(shard: boolean, pattern: Buffer | null): Buffer[] {
    const out: Buffer[] = [];
    for (const name of this.maps[shard ? SubKind.SHARD : SubKind.CHANNEL]!.keys()) {
      const b = Buffer.from(name, 'latin1');
      if (pattern === null || globMatch(pattern, 0, pattern.length, b, 0, b.length)) out.push(b);
    }
    return out;
  }

  numsub(shard: boolean, channel: Buffer): number {
    return this.maps[shard ? SubKind.SHARD : SubKind.CHANNEL]!.get(channel.latin1Slice(0, channel.length))?.size ?? 0;
  }

  /** INFO pubsub_channels / pubsub_patterns / pubsubshard_channels. */
  count(kind: SubKind): number {
    return this.maps[kind]!.size;
  }
}

/** One client's subscriptions. */
export class Subscriptions implements PubSubHandle {
  /** Indexed by SubKind, in subscription order. */
  private readonly mine: Set<string>[] = [new Set(), new Set(), new Set()];

  constructor(
    private readonly owner: SubscriberOwner,
    private readonly registry: PubSubRegistry,
  ) {}

  /** CLIENT_PUBSUB: set by a subscription, cleared when none of any kind is left. */
  get active(): boolean {
    return (this.owner.mode & MODE_PUBSUB) !== 0;
  }

  /** Subscriptions counted in confirmations: channels + patterns, or shard channels. */
  count(kind: SubKind): number {
    return kind === SubKind.SHARD ? this.mine[2]!.size : this.mine[0]!.size + this.mine[1]!.size;
  }

  /** Subscriptions of one kind (CLIENT LIST sub=, psub=, ssub=). */
  size(kind: SubKind): number {
    return this.mine[kind]!.size;
  }

  subscribe(kind: SubKind, name: Buffer): void {
    const key = name.latin1Slice(0, name.length);
    const mine = this.mine[kind]!;
    if (!mine.has(key)) {
      mine.add(key);
      this.registry.add(kind, key, this);
    }
    this.owner.mode |= MODE_PUBSUB;
    this.confirm(SUBSCRIBE[kind], name, kind);
  }

  unsubscribe(kind: SubKind, name: Buffer): void {
    const key = name.latin1Slice(0, name.length);
    if (this.mine[kind]!.delete(key)) this.registry.remove(kind, key, this);
    this.settle();
    this.confirm(UNSUBSCRIBE[kind], name, kind);
  }

  unsubscribeAll(kind: SubKind): void {
    const mine = this.mine[kind]!;
    if (mine.size === 0) {
      const w = this.owner.writer;
      w.push(3);
      w.bulkStr(UNSUBSCRIBE[kind]);
      w.nil();
      w.int(this.count(kind));
      return;
    }
    for (const key of [...mine]) this.unsubscribe(kind, Buffer.from(key, 'latin1'));
  }

  publish(shard: boolean, channel: Buffer, message: Buffer): number {
    return this.registry.publish(shard, channel, message);
  }
  channels(shard: boolean, pattern: Buffer | null): Buffer[] {
    return this.registry.channels(shard, pattern);
  }
  numsub(shard: boolean, channel: Buffer): number {
    return this.registry.numsub(shard, channel);
  }
  numpat(): number {
    return this.registry.count(SubKind.PATTERN);
  }

  /** Drops every subscription without replies (RESET, connection close). */
  clear(): void {
    for (let kind = 0; kind < 3; kind++) {
      const mine = this.mine[kind]!;
      for (const key of mine) this.registry.remove(kind, key, this);
      mine.clear();
    }
    this.owner.mode &= ~MODE_PUBSUB;
  }

  /** Writes one message frame (a push in RESP3) into this client's output. */
  message(type: string, pattern: string | null, channel: Buffer, message: Buffer): void {
    const w = this.owner.writer;
    // A client with replies turned off gets nothing; the flag is back on once its command ends.
    w.push(pattern === null ? 3 : 4);
    w.bulkStr(type);
    if (pattern !== null) w.bulkStr(pattern);
    w.bulk(channel);
    w.bulk(message);
    this.owner.scheduleFlush();
  }

  private settle(): void {
    if (this.mine[0]!.size + this.mine[1]!.size + this.mine[2]!.size === 0) this.owner.mode &= ~MODE_PUBSUB;
  }

  private confirm(type: string, name: Buffer, kind: SubKind): void {
    const w = this.owner.writer;
    w.push(3);
    w.bulkStr(type);
    w.bulk(name);
    w.int(this.count(kind));
  }
}
