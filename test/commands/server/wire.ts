/**
 * Test helpers for the administration commands: a connection that returns
 * each reply as its exact wire text (so replies compare byte for byte with
 * what Redis 7.0.15 sent), and a step-table runner.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { RawClient, encodeCommand, replyEnd } from '../../helpers/resp-client.js';

export { replyEnd };

/** A connection whose replies come back as their exact wire text. */
export class Wire {
  private constructor(private readonly c: RawClient) {}

  static async connect(port: number): Promise<Wire> {
    return new Wire(await RawClient.connect(port));
  }

  get socket(): net.Socket {
    return this.c.socket;
  }
  get closed(): boolean {
    return this.c.closed;
  }

  /** Sends a command without reading. */
  send(...args: (string | Buffer)[]): void {
    this.c.write(encodeCommand(args));
  }

  write(bytes: string): void {
    this.c.write(bytes);
  }

  /** The next reply's exact text. */
  reply(ms = 5000): Promise<string> {
    return this.c.readText(ms);
  }

  /** Sends a command and returns its reply's exact text. */
  async call(...args: (string | Buffer)[]): Promise<string> {
    this.send(...args);
    return this.reply();
  }

  /** True when nothing more arrives within `ms` (for commands that must not reply). */
  async silent(ms = 50): Promise<boolean> {
    await new Promise((r) => setTimeout(r, ms));
    return this.c.buffered === 0;
  }

  /** Waits for the server to close the connection; returns what it sent before. */
  untilClose(ms = 5000): Promise<string> {
    return this.c.readUntilClose(ms);
  }

  close(): void {
    this.c.close();
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
