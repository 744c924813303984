/**
 * Table runner for the string command tests: each case runs its steps on an
 * empty keyspace and compares every reply byte for byte with the wire text
 * Redis 7.0.15 sent for the same steps (recorded in the tables).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, type TestServer } from '../../helpers/server.js';
import { encodeCommand } from '../../helpers/resp-client.js';
import { Encoding, KeyType } from '../../../src/engine/status.js';

/** One command and the exact reply text Redis sent for it. */
export type Step = readonly [readonly (string | Buffer)[], string];
export interface Case {
  name: string;
  /** Runs the steps on a RESP3 connection (HELLO 3 first, HELLO 2 after). */
  resp?: 3;
  /**
   * Keys made lists before the steps (on Redis with RPUSH key x; here put in
   * the engine directly, so WRONGTYPE paths can be tested with strings only).
   */
  lists?: readonly string[];
  steps: readonly Step[];
}

/** End of the reply starting at `pos`, or -1 when incomplete. */
function replyEnd(buf: Buffer, pos: number): number {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return -1;
  const type = String.fromCharCode(buf[pos]!);
  const n = Number(buf.toString('latin1', pos + 1, nl));
  const next = nl + 2;
  if (type === '$' || type === '=' || type === '!') {
    if (n < 0) return next;
    return buf.length >= next + n + 2 ? next + n + 2 : -1;
  }
  if (type === '*' || type === '~' || type === '>' || type === '%' || type === '|') {
    if (n < 0) return next;
    let at = next;
    const items = type === '%' || type === '|' ? n * 2 : n;
    for (let i = 0; i < items; i++) {
      at = replyEnd(buf, at);
      if (at < 0) return -1;
    }
    return at;
  }
  return next;
}

/** A connection that returns each reply as its exact wire text. */
export class WireClient {
  private data = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.data = Buffer.concat([this.data, d]);
      this.waiter?.();
    });
  }

  static connect(port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => resolve(new WireClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends a command; resolves with the reply's wire text (latin1). */
  call(...args: readonly (string | Buffer)[]): Promise<string> {
    this.socket.write(encodeCommand([...args]));
    return this.read();
  }

  /** Sends several commands in one write (a pipeline); read the replies with read(). */
  send(cmds: readonly (readonly (string | Buffer)[])[]): void {
    this.socket.write(Buffer.concat(cmds.map((c) => encodeCommand([...c]))));
  }

  /** The next reply's wire text. */
  async read(): Promise<string> {
    for (;;) {
      const end = replyEnd(this.data, 0);
      if (end >= 0) {
        const text = this.data.toString('latin1', 0, end);
        this.data = this.data.subarray(end);
        return text;
      }
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timeout waiting for a reply; buffered ${this.data.length} bytes`)), 5000);
        this.waiter = () => {
          clearTimeout(t);
          this.waiter = null;
          resolve();
        };
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A server and one connection, shared by the tests of a file. */
export interface Fixture {
  s: TestServer;
  c: WireClient;
  /** Empties every database (each case starts from an empty keyspace). */
  flush(): void;
}

/** Starts a server (with redis-server style overrides) before the file's tests and stops it after them. */
export function useServer(overrides: readonly string[] = []): Fixture {
  const fx = {} as Fixture;
  before(async () => {
    fx.s = await startServer(['--enable-debug-command', 'yes', ...overrides]);
    fx.c = await WireClient.connect(fx.s.port);
    fx.flush = () => void fx.s.server.engine.flushAll();
  });
  after(async () => {
    fx.c.close();
    await fx.s.stop();
  });
  return fx;
}

/** Runs each case as a test of its own, on an empty keyspace and a fresh RESP2 connection state. */
export function runCases(title: string, cases: readonly Case[], overrides: readonly string[] = []): Fixture {
  const fx = useServer(overrides);
  describe(title, () => {
    for (const kase of cases) {
      test(kase.name, async () => {
        fx.flush();
        for (const key of kase.lists ?? []) fx.s.server.engine.dbs[0]!.put(key, KeyType.LIST, Encoding.QUICKLIST, null);
        if (kase.resp === 3) await fx.c.call('HELLO', '3');
        try {
          for (const [cmd, want] of kase.steps) {
            const got = await fx.c.call(...cmd);
            assert.equal(got, want, `${cmd.map(String).join(' ')}`);
          }
        } finally {
          if (kase.resp === 3) await fx.c.call('HELLO', '2');
        }
      });
    }
  });
  return fx;
}
