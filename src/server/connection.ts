/**
 * One client connection: feeds socket reads to the RESP parser, dispatches
 * each complete command, and writes all replies of a read event with one
 * socket write. Owns the client state commands see (db, name, RESP version,
 * auth, reply mode). Reading pauses while the socket's output backs up.
 * While the AOF has bytes not yet written (or, under appendfsync always, not
 * yet fsynced), output is held and released by the AOF writer's batch.
 */
import type { Socket } from 'node:net';
import { Args } from '../commands/args.js';
import { ReplyMode, type BlockedServe, type ClientHandle, type CommandContext } from '../commands/context.js';
import type { KeyType } from '../engine/status.js';
import type { Database } from '../engine/keyspace.js';
import { ParseResult, RespParser } from '../protocol/resp/parser.js';
import { RespWriter } from '../protocol/resp/writer.js';
import { SubKind } from '../commands/context.js';
import type { CommandEntry } from '../commands/table.js';
import type { Reply } from '../commands/reply.js';
import type { Waiter } from './blocking.js';
import { call, dispatch, type DispatchTarget } from './dispatch.js';
import { MODE_MULTI, MODE_PUBSUB, Transaction, type TxOwner } from './multi.js';
import { OutputLimitState } from './output-limits.js';
import { Subscriptions, type SubscriberOwner } from './pubsub.js';
import type { Server } from './server.js';
import { adoptSocket, type DirectReader } from './socket-reads.js';
import type { Propagator } from '../persistence/aof/propagate.js';
import type { HeldOutput } from '../persistence/aof/writer.js';
import { bigBuffers } from '../engine/arena/big-buffers.js';
import type { BigWriter } from '../protocol/resp/writer.js';

/** Output chunks up to this size are copied when the socket has output queued (see send()). */
const SMALL_COPY = 1024;
/** Pause reading when this much output waits in the socket. */
const OUTPUT_HIGH_WATER = 4 * 1024 * 1024;

export class Connection implements ClientHandle, DispatchTarget, CommandContext, TxOwner, SubscriberOwner, HeldOutput, DirectReader, BigWriter {
  readonly id: number;
  name = '';
  dbIndex = 0;
  authenticated: boolean;
  replyMode = ReplyMode.ON;
  noEvict = false;
  closeAfterReply = false;
  lastCommand = 'NULL';
  clockMark = 0;
  readonly addr: string;
  readonly laddr: string;
  readonly createdAt = Date.now();
  lastInteraction = Date.now();
  monitor = false;
  closed = false;
  /** Argument indexes hidden from MONITOR and SLOWLOG for the current command (AUTH passwords). */
  readonly redacted: number[] = [];
  /** MODE_MULTI | MODE_PUBSUB: non-zero sends dispatch off its fast path. */
  mode = 0;
  readonly tx: Transaction;
  readonly pubsub: Subscriptions;
  /** What the client waits on while a blocking command holds it (./blocking.ts). */
  blocked: Waiter | null = null;

  readonly parser: RespParser;
  readonly writer: RespWriter;
  private readonly args = new Args();
  private readonly outputState = new OutputLimitState();
  /** CLIENT REPLY SKIP: the reply of the command after next is dropped. */
  private skipNext = false;
  /** Output waiting for the AOF batch (see send()); reused between batches. */
  private held: Buffer | null = null;
  private heldLen = 0;
  private corked = false;

  readonly socket: Socket;

  constructor(
    accepted: Socket,
    readonly server: Server,
    id: number,
  ) {
    const socket = accepted;
    this.id = id;
    this.addr = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
    this.laddr = `${socket.localAddress ?? '?'}:${socket.localPort ?? 0}`;
    this.authenticated = !server.requiresAuth();
    this.parser = new RespParser(server.parserLimits, bigBuffers.take);
    this.args.donor = this.parser;
    this.writer = new RespWriter(
      (chunk) => this.send(chunk),
      (text) => server.countError(text),
      (grew) => (grew ? server.stats.replyBufferExpands++ : server.stats.replyBufferShrinks++),
    );
    this.writer.big = this;
    this.tx = new Transaction(this, server.watches, server.engine);
    this.pubsub = new Subscriptions(this, server.pubsubRegistry);
    const direct = server.directReads ? adoptSocket(accepted, this) : null;
    this.socket = direct ?? accepted;
    if (direct === null) accepted.on('data', (chunk: Buffer) => this.onData(chunk));
    this.setSocketOptions();
    this.listen(this.socket);
  }

  private setSocketOptions(): void {
    const keepalive = this.server.config.getNumber('tcp-keepalive');
    if (keepalive > 0) this.socket.setKeepAlive(true, keepalive * 1000);
    this.socket.setNoDelay(true);
  }

  private listen(socket: Socket): void {
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    socket.on('drain', () => {
      if (!this.closed) socket.resume();
    });
  }

  // ---- CommandContext ------------------------------------------------------

  get engine() {
    return this.server.engine;
  }
  get db(): Database {
    return this.server.engine.dbs[this.dbIndex]!;
  }
  get client(): ClientHandle {
    return this;
  }
  get ctx(): CommandContext {
    return this;
  }
  dirty(n: number): void {
    this.server.stats.dirty += n;
  }
  get propagation(): Propagator | null {
    return this.server.recorder;
  }
  get recorder(): Propagator | null {
    return this.server.recorder;
  }

  // ---- ClientHandle --------------------------------------------------------

  get resp(): 2 | 3 {
    return this.writer.resp;
  }
  set resp(v: 2 | 3) {
    this.writer.resp = v;
  }

  describe(): string {
    const now = Date.now();
    let flags = (this.monitor ? 'O' : '') + (this.mode & MODE_PUBSUB ? 'P' : '') + (this.mode & MODE_MULTI ? 'x' : '') + (this.blocked !== null ? 'b' : '') + (this.tx.dirtyCas ? 'd' : '');
    if (flags === '') flags = 'N';
    const qbuf = this.parser.queryBufferLength;
    const ps = this.pubsub;
    return (
      `id=${this.id} addr=${this.addr} laddr=${this.laddr} fd=${(this.socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1} name=${this.name}` +
      ` age=${Math.floor((now - this.createdAt) / 1000)} idle=${Math.floor((now - this.lastInteraction) / 1000)} flags=${flags}` +
      ` db=${this.dbIndex} sub=${ps.size(SubKind.CHANNEL)} psub=${ps.size(SubKind.PATTERN)} ssub=${ps.size(SubKind.SHARD)}` +
      ` multi=${this.tx.length} qbuf=${qbuf} qbuf-free=0 argv-mem=0 multi-mem=${this.tx.memory} rbs=16384 rbp=0` +
      ` obl=${this.writer.pending} oll=0 omem=${this.socket.writableLength} tot-mem=${qbuf + this.writer.out.length + 1024}` +
      ` events=r${this.socket.writableLength > 0 ? 'w' : ''} cmd=${this.lastCommand} user=default redir=-1 resp=${this.resp}`
    );
  }

  kill(): void {
    // The calling client still gets its reply: close once the writes drain.
    this.closeAfterReply = true;
    if (this.server.current !== this) this.finishAndClose();
  }

  block(args: Args, first: number, n: number, type: KeyType, deadline: number, serve: BlockedServe, onTimeout?: (r: Reply) => void): void {
    this.server.blocking.block(this, args, first, n, type, deadline, serve, onTimeout ?? null);
  }

  redactArg(i: number): void {
    this.redacted.push(i);
  }

  startMonitor(): void {
    this.monitor = true;
    this.server.addMonitor(this);
  }

  reset(): void {
    // clearClientConnectionState(): the transaction and every subscription go, silently.
    this.tx.discard();
    this.pubsub.clear();
    this.dbIndex = 0;
    this.resp = 2;
    this.name = '';
    this.replyMode = ReplyMode.ON;
    this.skipNext = false;
    this.noEvict = false;
    if (this.monitor) {
      this.monitor = false;
      this.server.removeMonitor(this);
    }
    this.authenticated = !this.server.requiresAuth();
  }

  // ---- DispatchTarget, TxOwner, SubscriberOwner ----------------------------

  run(entry: CommandEntry, args: Args): void {
    call(this, entry, args, this.server.stats, this.server);
  }

  scheduleFlush(): void {
    this.server.scheduleFlush(this);
  }

  authRequired(): boolean {
    return !this.authenticated;
  }

  protectedAllowed(): boolean {
    const mode = this.server.config.getString('enable-debug-command');
    if (mode === 'yes') return true;
    if (mode === 'local') return isLoopback(this.socket.remoteAddress);
    return false;
  }

  /** CLIENT REPLY: arrange for replies to be dropped. */
  setReplyMode(mode: ReplyMode): void {
    if (mode === ReplyMode.SKIP) {
      if (this.replyMode !== ReplyMode.OFF) this.skipNext = true;
      return;
    }
    this.replyMode = mode;
    // CLIENT REPLY ON (and RESET) answer even though replies were off when the command started.
    if (mode === ReplyMode.ON) this.writer.enabled = true;
  }

  // ---- I/O -----------------------------------------------------------------

  // DirectReader (./socket-reads.ts): reads into a big bulk's buffer, or the shared read buffer.
  directTarget(): Buffer | null {
    return this.closed ? null : this.parser.directTarget();
  }

  readDirect(n: number): void {
    if (this.closed || this.closeAfterReply) return;
    this.server.stats.totalReads++;
    this.server.stats.netInputBytes += n;
    this.lastInteraction = this.server.cachedNow;
    if (!this.parser.commit(n)) {
      this.server.log.warn({ client: this.addr }, 'Closing client that reached max query buffer length');
      this.close();
      return;
    }
    if (this.blocked !== null) return;
    this.processInput();
  }

  readShared(chunk: Buffer): void {
    this.onData(chunk);
    // The shared buffer takes the next socket's read: keep nothing in it.
    if (!this.closed) this.parser.detach();
  }

  private onData(chunk: Buffer): void {
    if (this.closed || this.closeAfterReply) return;
    this.server.stats.totalReads++;
    this.server.stats.netInputBytes += chunk.length;
    // The cron's cached clock (like Redis's server.unixtime): idle time needs no finer grain.
    this.lastInteraction = this.server.cachedNow;
    const parser = this.parser;
    parser.authRequired = !this.authenticated;
    if (!parser.feed(chunk)) {
      this.server.log.warn({ client: this.addr }, 'Closing client that reached max query buffer length');
      this.close();
      return;
    }
    // A blocked client's pipelined commands wait in the query buffer.
    if (this.blocked !== null) return;
    this.processInput();
  }

  /** Runs a command that waited for tiered values (./tier-wait.ts); resumeInput() follows. */
  rerun(args: Args, enabled: boolean): void {
    if (this.closed) return;
    const server = this.server;
    server.current = this;
    this.clockMark = 0;
    this.writer.enabled = enabled;
    dispatch(this, server.table, server.stats, args, server);
    this.writer.enabled = true;
    server.current = null;
    if (server.blocking.hasReady) server.blocking.handleReady();
  }

  /** After an unblock: the reply goes out and the commands that waited run. */
  resumeInput(): void {
    if (this.closed || this.closeAfterReply) return;
    if (this.blocked !== null) return this.writer.flush();
    this.processInput();
  }

  private processInput(): void {
    const parser = this.parser;
    const server = this.server;
    server.current = this;
    this.clockMark = 0;
    for (;;) {
      const r = parser.next();
      if (r === ParseResult.NEED_MORE) break;
      if (r === ParseResult.ERROR) {
        this.writer.enabled = true;
        this.writer.error(`ERR Protocol error: ${parser.error}`);
        server.log.debug({ client: this.addr, error: parser.error }, 'Protocol error from client');
        this.closeAfterReply = true;
        break;
      }
      this.runCommand();
      if (server.blocking.count !== 0 && this.afterCommandWhileBlocking()) break;
      if (this.closeAfterReply || this.closed) break;
      parser.authRequired = !this.authenticated;
    }
    server.current = null;
    if (this.closed) return;
    // As Redis's beforeSleep: replies leave once every readable socket of this
    // turn was read, so the clients wake to full batches (measured: -P 16 GET
    // 0.73-0.80 -> 0.84-0.85 of Redis). flushPending() writes the AOF tail
    // first, so under everysec and no a reply still follows its write. Output
    // an appendfsync-always batch holds goes through hold() now, so it is
    // never released before its fsync.
    const aof = server.aof;
    if (!this.closeAfterReply && (aof === null || !aof.writer.holding || aof.writer.policy !== 'always')) {
      server.scheduleFlush(this);
      return;
    }
    this.flushOutput();
  }

  /** Writes the replies out, then applies the output limits. */
  flushOutput(): void {
    this.writer.flush();
    if (this.closeAfterReply) {
      this.finishAndClose();
      return;
    }
    if (this.socket.writableLength === 0) return;
    if (this.checkOutputLimit()) return;
    if (this.socket.writableLength > OUTPUT_HIGH_WATER) this.socket.pause();
  }

  /** Serves the keys the command made ready; true when this client itself blocked (its input is then held). */
  private afterCommandWhileBlocking(): boolean {
    const b = this.server.blocking;
    if (b.hasReady) b.handleReady();
    if (this.blocked === null) return false;
    this.parser.hold();
    return true;
  }

  /** Closes the client if its pending output breaks client-output-buffer-limit; true when closed. */
  checkOutputLimit(): boolean {
    const pending = this.closed ? 0 : this.socket.writableLength;
    // Subscribed clients are the pubsub class of client-output-buffer-limit.
    const limit = this.mode & MODE_PUBSUB ? this.server.pubsubOutputLimit : this.server.outputLimit;
    if (!this.outputState.exceeded(limit, pending, this.server.cachedNow)) return false;
    this.server.log.warn({ client: this.addr, pending }, 'Client scheduled to be closed ASAP for overcoming of output buffer limits.');
    this.close();
    return true;
  }

  private runCommand(): void {
    const p = this.parser;
    const args = this.args.bind(p.buf, p.offs, p.lens, p.argc);
    if (!p.inline) args.frame(p.frameBegin, p.frameEnd);
    const skipThis = this.skipNext;
    this.skipNext = false;
    const w = this.writer;
    w.enabled = this.replyMode === ReplyMode.ON && !skipThis;
    dispatch(this, this.server.table, this.server.stats, args, this.server);
    w.enabled = true;
  }

  /**
   * Hands bytes to the socket. Returns true when the kernel took them all
   * synchronously, so the writer may reuse its buffer.
   */
  private send(chunk: Buffer): boolean {
    if (this.closed) return true;
    this.server.stats.totalWrites++;
    this.server.stats.netOutputBytes += chunk.length;
    const aof = this.server.aof;
    if (aof !== null && aof.writer.holding) return this.hold(chunk, aof.writer);
    if (this.heldLen !== 0) this.releaseHeld();
    if (chunk.length <= SMALL_COPY && (this.corked || this.socket.writableLength !== 0)) {
      // Behind a big write the socket would keep the writer's buffer and the
      // writer would allocate a new one: a few bytes (a header, a CRLF) are copied instead.
      this.socket.write(Buffer.from(chunk));
      return true;
    }
    this.socket.write(chunk);
    return this.socket.writableLength === 0;
  }

  /** A big bulk by reference: pinned while the socket holds it, when it is recyclable memory. */
  writeBig(bytes: Buffer): void {
    const aof = this.server.aof;
    // Held output is a copy (hold()); memory that is not recyclable needs no tracking.
    if (this.closed || (aof !== null && aof.writer.holding) || !bigBuffers.pin(bytes)) {
      this.send(bytes);
      return;
    }
    if (this.heldLen !== 0) this.releaseHeld();
    this.server.stats.netOutputBytes += bytes.length;
    const ab = bytes.buffer as ArrayBuffer;
    this.socket.write(bytes, () => bigBuffers.unpin(ab));
  }

  /**
   * A big bulk goes to the socket by reference between its header and its
   * CRLF: corked until the turn ends, the three leave in one writev.
   */
  beginBig(): void {
    if (this.corked || this.closed) return;
    this.corked = true;
    this.socket.cork();
    process.nextTick(this.uncork);
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.socket.uncork();
  };

  /** Keeps a copy of reply bytes until the AOF batch made the writes they acknowledge durable. */
  private hold(chunk: Buffer, writer: { hold(c: HeldOutput): void }): boolean {
    let h = this.held;
    const need = this.heldLen + chunk.length;
    if (h === null || h.length < need) {
      const bigger = Buffer.allocUnsafe(Math.max(need, 16 * 1024, h === null ? 0 : h.length * 2));
      if (h !== null) h.copy(bigger, 0, 0, this.heldLen);
      h = this.held = bigger;
    }
    chunk.copy(h, this.heldLen);
    if (this.heldLen === 0) writer.hold(this);
    this.heldLen = need;
    return true;
  }

  /** The AOF batch is durable: held output goes to the socket. */
  releaseHeld(): void {
    const n = this.heldLen;
    if (n === 0) return;
    this.heldLen = 0;
    if (this.closed) return;
    this.socket.write(this.held!.subarray(0, n));
    // The socket keeps a reference when it could not write at once: the next hold needs a new buffer.
    if (this.socket.writableLength !== 0) this.held = null;
    if (this.closeAfterReply) this.finishAndClose();
    else if (!this.checkOutputLimit() && this.socket.writableLength > OUTPUT_HIGH_WATER) this.socket.pause();
  }

  /** Writes a line to a MONITOR client. */
  feedMonitor(line: string): void {
    if (this.closed) return;
    this.writer.simple(line);
    this.writer.flush();
  }

  /** Drops the watched keys and subscriptions the server holds for this client. */
  private forget(): void {
    this.server.blocking.remove(this);
    this.tx.discard();
    this.pubsub.clear();
  }

  private finishAndClose(): void {
    if (this.closed) return;
    this.writer.flush();
    // QUIT after a write: the reply (and the close) wait for the AOF batch.
    if (this.heldLen !== 0) return;
    this.closed = true;
    this.forget();
    this.server.removeClient(this);
    this.socket.end();
  }

  /** Closes at once, dropping unsent output. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.forget();
    this.server.removeClient(this);
    this.socket.destroy();
  }
}

export function isLoopback(addr: string | undefined): boolean {
  if (addr === undefined) return false;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}
