/**
 * The client AOF commands run as while loading (Redis's fake client): no
 * socket, replies discarded, MULTI ... EXEC queued and run at EXEC so a
 * transaction cut by a crash is never half applied. Commands go straight to
 * their handlers, as loadSingleAppendOnlyFile() calls cmd->proc.
 */
import { Args } from '../../commands/args.js';
import {
  ReplyMode,
  SubKind,
  type BlockedServe,
  type ClientHandle,
  type CommandContext,
  type PubSubHandle,
  type ServerHandle,
  type TransactionHandle,
} from '../../commands/context.js';
import type { CommandEntry } from '../../commands/table.js';
import type { Database } from '../../engine/keyspace.js';
import type { Engine } from '../../engine/engine.js';
import { RespWriter } from '../../protocol/resp/writer.js';

/** A transaction handle for a client that never runs MULTI itself (the replayer queues). */
const noTx: TransactionHandle = {
  active: false,
  begin() {},
  exec(reply) {
    reply.nilArray();
  },
  discard() {},
  watch() {},
  unwatch() {},
};

/** A client with no socket has no subscriptions; publishing from the AOF reaches nobody. */
const noPubSub: PubSubHandle = {
  active: false,
  subscribe() {},
  unsubscribe() {},
  unsubscribeAll(_kind: SubKind) {},
  count: () => 0,
  publish: () => 0,
  channels: () => [],
  numsub: () => 0,
  numpat: () => 0,
};

/** Replays commands into the engine. */
export class Replayer implements CommandContext, ClientHandle {
  readonly id = 0;
  name = '';
  resp: 2 | 3 = 2;
  dbIndex = 0;
  authenticated = true;
  replyMode = ReplyMode.ON;
  noEvict = true;
  closeAfterReply = false;
  readonly addr = '';
  readonly laddr = '';
  readonly tx = noTx;
  readonly pubsub = noPubSub;
  readonly propagation = null;
  /** Commands of an open MULTI, run at EXEC; null outside one. */
  queued: { entry: CommandEntry; args: Args }[] | null = null;
  /** Commands run so far. */
  commands = 0;
  private readonly writer = new RespWriter(() => true);

  constructor(
    readonly engine: Engine,
    readonly server: ServerHandle,
  ) {}

  get db(): Database {
    return this.engine.dbs[this.dbIndex]!;
  }
  get client(): ClientHandle {
    return this;
  }
  dirty(): void {}
  describe(): string {
    return 'id=0 addr= laddr= fd=-1 name= flags=N cmd=NULL user=default';
  }
  kill(): void {}
  redactArg(): void {}
  startMonitor(): void {}
  reset(): void {
    this.dbIndex = 0;
  }
  setReplyMode(): void {}
  /** A blocking command found nothing: as a client with CLIENT_DENY_BLOCKING, it just answered nil. */
  block(_args: Args, _first: number, _n: number, _type: unknown, _deadline: number, _serve: BlockedServe): void {}

  /** Runs (or queues) one command; returns false when its name is unknown. */
  run(args: Args): boolean {
    const table = this.server.table;
    let entry = table.lookup(args.buf, args.start(0), args.end(0));
    if (entry === undefined) return false;
    if (entry.subcommands !== null && args.count > 1) {
      const sub = entry.subcommands.find(args.buf, args.start(1), args.end(1));
      if (sub === undefined) return false;
      entry = sub;
    }
    const name = entry.parent === null ? entry.spec.name : '';
    if (name === 'multi') {
      this.queued = [];
      return true;
    }
    if (name === 'exec') {
      const q = this.queued ?? [];
      this.queued = null;
      for (const c of q) this.exec(c.entry, c.args);
      return true;
    }
    if (this.queued !== null) {
      this.queued.push({ entry, args: args.detach() });
      return true;
    }
    this.exec(entry, args);
    return true;
  }

  private exec(entry: CommandEntry, args: Args): void {
    const handler = entry.handler;
    if (handler === undefined) return;
    handler(this, args, this.writer);
    this.writer.flush();
    this.commands++;
  }
}
