/**
 * The lm:// listener: LMCache's own server protocol on `lmcache-port`, over
 * the same engine as RESP (database 0, see ./lmcache-store.ts). Each
 * connection's requests are served in order, synchronously in its read
 * event, as LMCache's one-thread-per-connection server does; a GET hit's
 * payload goes to the socket as the stored Buffer. Like that server, PUT,
 * LIST and unknown commands get no reply; a frame that cannot be read (a
 * negative or over-limit payload length) closes that connection only.
 */
import net from 'node:net';
import { EvictResult } from '../engine/engine.js';
import { LmDecode, LmRequestDecoder } from '../protocol/lmcache/decoder.js';
import { LmCode, LmCommand, REPLY_FAIL, REPLY_SUCCESS, encodeReply, type LmMeta } from '../protocol/lmcache/frames.js';
import { LmStore } from './lmcache-store.js';
import type { Server } from './server.js';
import { bindListener } from './bind-listener.js';

/** Stop reading from a client while this much of its output waits, as for RESP clients. */
const OUTPUT_HIGH_WATER = 4 * 1024 * 1024;

export class LmcacheListener {
  private srv: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly store: LmStore;
  /** The GET hit being answered (reused). */
  private readonly hit: LmMeta = { length: 0, fmt: 0, dtype: 0, shape0: 0, shape1: 0, shape2: 0, shape3: 0 };
  /** Port actually bound (useful with port 0 in tests). */
  port = 0;

  constructor(private readonly server: Server) {
    this.store = new LmStore(
      () => server.engine.dbs[0]!,
      (n) => {
        server.stats.dirty += n;
      },
      (argv) => server.recorder?.also(argv),
    );
  }

  /** Binds `host:port`; rejects when the address is taken. */
  async listen(host: string, port: number): Promise<void> {
    const srv = net.createServer({ noDelay: true }, (socket) => this.accept(socket));
    this.port = await bindListener(srv, host, port);
    this.srv = srv;
    this.server.log.info({ port: this.port, bind: host }, 'LMCache protocol (lm://) ready to accept connections');
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const srv = this.srv;
    this.srv = null;
    if (srv !== null) await new Promise<void>((r) => srv.close(() => r()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const decoder = new LmRequestDecoder(() => this.server.config.getNumber('proto-max-bulk-len'));
    const addr = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? 0}`;
    socket.on('data', (chunk: Buffer) => {
      this.server.stats.netInputBytes += chunk.length;
      decoder.feed(chunk);
      for (;;) {
        const r = decoder.next();
        if (r === LmDecode.NEED_MORE) break;
        if (r === LmDecode.ERROR) {
          this.server.log.warn({ client: addr, error: decoder.error }, 'Closing lm:// client after an unreadable request');
          socket.destroy();
          return;
        }
        this.serve(decoder, socket);
      }
      if (socket.writableLength > OUTPUT_HIGH_WATER) socket.pause();
    });
    socket.on('drain', () => socket.resume());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private serve(d: LmRequestDecoder, socket: net.Socket): void {
    const k = d.header;
    switch (d.command) {
      case LmCommand.PUT: {
        const engine = this.server.engine;
        // As a RESP SET under maxmemory: evict first; refused when that fails (the protocol has no error reply).
        if (engine.maxMemory > 0 && engine.evict() !== EvictResult.OK) {
          this.server.log.debug({ bytes: d.length }, 'lm:// PUT dropped: used memory is over maxmemory');
          return;
        }
        this.store.put(k, d.keyStart, d.keyEnd, d.payload!, d);
        return;
      }
      case LmCommand.GET: {
        const payload = this.store.get(k, d.keyStart, d.keyEnd, this.hit);
        if (payload === null) return this.send(socket, REPLY_FAIL);
        this.send(socket, encodeReply(LmCode.SUCCESS, this.hit));
        if (payload.length > 0) this.send(socket, payload);
        return;
      }
      case LmCommand.EXIST:
        return this.send(socket, this.store.exists(k, d.keyStart, d.keyEnd) ? REPLY_SUCCESS : REPLY_FAIL);
      case LmCommand.HEALTH:
        return this.send(socket, REPLY_SUCCESS);
      default:
        // LIST (not served by LMCache's v1 server) and unknown commands: no reply, as there.
        this.server.log.debug({ command: d.command }, 'lm:// request ignored');
    }
  }

  private send(socket: net.Socket, b: Buffer): void {
    this.server.stats.netOutputBytes += b.length;
    socket.write(b);
  }
}
