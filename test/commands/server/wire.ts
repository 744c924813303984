/**
 * Test helpers for the administration commands: a connection that returns
 * each reply as its exact wire text (so replies compare byte for byte with
 * what Redis 7.0.15 sent), and a step-table runner.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { encodeCommand } from '../../helpers/resp-client.js';

/** End of the reply starting at `pos` in `buf`, or -1 when incomplete. */
export function replyEnd(buf: Buffer, pos: number): number {
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
    for (let i = 0; i < (type === '%' || type === '|' ? n * 2 : n); i++) {
      at = replyEnd(buf, at);
      if (at < 0) return -1;
    }
    return at;
  }
  return next;
}

export class Wire {
  private data = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (d: Buffer) => {
      this.data = Buffer.concat([this.data, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<Wire> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => resolve(new Wire(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timeout; buffered ${JSON.stringify(this.data.toString('latin1').slice(0, 300))}`)), ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Sends a command (or raw bytes) without reading. */
  send(...args: (string | Buffer)[]): void {
    this.socket.write(encodeCommand(args));
  }

  write(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }

  /** The next reply's exact text. */
  async reply(ms = 5000): Promise<string> {
    for (;;) {
      const end = this.data.length > 0 ? replyEnd(this.data, 0) : -1;
      if (end >= 0) {
        const s = this.data.toString('latin1', 0, end);
        this.data = this.data.subarray(end);
        return s;
      }
      if (this.closed) throw new Error(`connection closed; buffered ${JSON.stringify(this.data.toString('latin1'))}`);
      await this.wait(ms);
    }
  }

  /** Sends a command and returns its reply's exact text. */
  async call(...args: (string | Buffer)[]): Promise<string> {
    this.send(...args);
    return this.reply();
  }

  /** True when nothing more arrives within `ms` (for commands that must not reply). */
  async silent(ms = 50): Promise<boolean> {
    await new Promise((r) => setTimeout(r, ms));
    return this.data.length === 0;
  }

  /** Waits for the server to close the connection; returns what it sent before. */
  async untilClose(ms = 5000): Promise<string> {
    while (!this.closed) await this.wait(ms);
    const s = this.data.toString('latin1');
    this.data = Buffer.alloc(0);
    return s;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** A command and the reply Redis sent (exact text, or a pattern for replies holding ids, times, addresses). */
export type Step = readonly [readonly (string | Buffer)[], string | RegExp];

/** Runs the steps on one connection, comparing every reply. */
export async function runSteps(port: number, steps: readonly Step[]): Promise<void> {
  const c = await Wire.connect(port);
  try {
    for (const [cmd, want] of steps) {
      const got = await c.call(...cmd);
      if (typeof want === 'string') assert.equal(got, want, `reply to ${cmd.join(' ')}`);
      else assert.match(got, want, `reply to ${cmd.join(' ')}`);
    }
  } finally {
    c.close();
  }
}

/** The RESP2 HELLO reply for client `id` with protocol `proto`, as Redis 7.0.15 sends it. */
export function hello2(id: number | string, proto = 2): string {
  return (
    '*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n' +
    `:${proto}\r\n$2\r\nid\r\n:${id}\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n`
  );
}

/** The RESP3 HELLO reply (a map of 7 pairs). */
export function hello3(id: number | string): string {
  return (
    '%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n' +
    `:3\r\n$2\r\nid\r\n:${id}\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n`
  );
}
