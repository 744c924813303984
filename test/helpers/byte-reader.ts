/**
 * Exact reads from a socket for tests that move big values: received chunks
 * wait in a queue and each read copies them once into a buffer of the size
 * asked for (never a concat per chunk), so a 128 MiB reply costs 128 MiB.
 */
import net from 'node:net';

export class ByteReader {
  private chunks: Buffer[] = [];
  private head = 0;
  private queued = 0;
  private waiter: (() => void) | null = null;
  closed = false;

  constructor(readonly socket: net.Socket) {
    socket.on('data', (c: Buffer) => {
      this.chunks.push(c);
      this.queued += c.length;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number, host = '127.0.0.1'): Promise<ByteReader> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host }, () => {
        s.off('error', reject);
        resolve(new ByteReader(s));
      });
      s.setNoDelay(true);
      s.once('error', reject);
    });
  }

  /** Bytes received and not read yet. */
  get buffered(): number {
    return this.queued;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private async waitFor(n: number, timeoutMs: number): Promise<void> {
    while (this.queued < n) {
      if (this.closed) throw new Error(`connection closed with ${this.queued} of ${n} bytes`);
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timeout: ${this.queued} of ${n} bytes`)), timeoutMs);
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /** The next `n` bytes, copied once into a new Buffer. */
  async readExact(n: number, timeoutMs = 20000): Promise<Buffer> {
    await this.waitFor(n, timeoutMs);
    const out = Buffer.allocUnsafe(n);
    let p = 0;
    while (p < n) {
      const c = this.chunks[0]!;
      const take = Math.min(c.length - this.head, n - p);
      c.copy(out, p, this.head, this.head + take);
      p += take;
      this.head += take;
      if (this.head === c.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.queued -= n;
    return out;
  }

  /** One line up to and including CRLF, as latin1 text. */
  async readLine(timeoutMs = 20000): Promise<string> {
    let line = '';
    for (;;) {
      const b = (await this.readExact(1, timeoutMs))[0]!;
      line += String.fromCharCode(b);
      if (line.endsWith('\r\n')) return line;
    }
  }

  /** A RESP2 bulk reply's body (null for `$-1`); throws on any other reply. */
  async readBulk(timeoutMs = 20000): Promise<Buffer | null> {
    const line = await this.readLine(timeoutMs);
    if (!line.startsWith('$')) throw new Error(`expected a bulk, got ${JSON.stringify(line)}`);
    const n = Number(line.slice(1, -2));
    if (n < 0) return null;
    const body = await this.readExact(n + 2, timeoutMs);
    if (body[n] !== 13 || body[n + 1] !== 10) throw new Error('bulk not followed by CRLF');
    return body.subarray(0, n);
  }

  /** Resolves once the peer has closed the connection; returns what was left unread. */
  async untilClose(timeoutMs = 20000): Promise<Buffer> {
    const t = Date.now();
    while (!this.closed) {
      if (Date.now() - t > timeoutMs) throw new Error('the connection stayed open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.readExact(this.queued);
  }

  write(b: Buffer | string): void {
    this.socket.write(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The RESP2 request for `args` as its pieces: headers small, big Buffers passed through uncopied. */
export function requestParts(args: (string | Buffer)[]): Buffer[] {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a, 'latin1') : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return parts;
}
