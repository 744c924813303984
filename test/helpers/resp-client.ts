/**
 * A raw RESP client for tests: sends exact bytes and reads replies as
 * parsed values or as exact wire text, so tests can check framing byte for byte.
 */
import net from 'node:net';

export type RespValue = string | number | bigint | null | Buffer | RespError | RespValue[] | { map: [RespValue, RespValue][] } | { push: RespValue[] };

export class RespError {
  constructor(readonly message: string) {}
}

/** Parses one reply from `buf` at `pos`; returns [value, nextPos] or null when incomplete. */
export function parseReply(buf: Buffer, pos: number): [RespValue, number] | null {
  if (pos >= buf.length) return null;
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return null;
  const type = String.fromCharCode(buf[pos]!);
  const line = buf.toString('latin1', pos + 1, nl);
  const next = nl + 2;
  const aggregate = (n: number, at: number): [RespValue[], number] | null => {
    const items: RespValue[] = [];
    for (let i = 0; i < n; i++) {
      const r = parseReply(buf, at);
      if (r === null) return null;
      items.push(r[0]);
      at = r[1];
    }
    return [items, at];
  };
  switch (type) {
    case '+':
      return [line, next];
    case '-':
      return [new RespError(line), next];
    case ':':
      return [Number.isSafeInteger(Number(line)) ? Number(line) : BigInt(line), next];
    case ',':
      return [line, next];
    case '#':
      return [line === 't' ? 1 : 0, next];
    case '_':
      return [null, next];
    case '$':
    case '=': {
      const n = Number(line);
      if (n < 0) return [null, next];
      if (buf.length < next + n + 2) return null;
      return [buf.subarray(next, next + n), next + n + 2];
    }
    case '*':
    case '~':
    case '>': {
      const n = Number(line);
      if (n < 0) return [null, next];
      const r = aggregate(n, next);
      if (r === null) return null;
      return type === '>' ? [{ push: r[0] }, r[1]] : r;
    }
    case '%': {
      const r = aggregate(Number(line) * 2, next);
      if (r === null) return null;
      const pairs: [RespValue, RespValue][] = [];
      for (let i = 0; i < r[0].length; i += 2) pairs.push([r[0][i]!, r[0][i + 1]!]);
      return [{ map: pairs }, r[1]];
    }
    default:
      throw new Error(`bad reply type ${JSON.stringify(type)} in ${JSON.stringify(buf.toString('latin1', pos, pos + 40))}`);
  }
}

/** End of the reply starting at `pos` in `buf`, or -1 when it is incomplete. */
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
    const items = type === '%' || type === '|' ? n * 2 : n;
    for (let i = 0; i < items; i++) {
      at = replyEnd(buf, at);
      if (at < 0) return -1;
    }
    return at;
  }
  return next;
}

/** Encodes a command as a RESP multibulk. */
export function encodeCommand(args: (string | Buffer | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'latin1');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Converts a reply to plain comparable JSON-ish data (Buffers become latin1 strings). */
export function plain(v: RespValue): unknown {
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  if (v instanceof RespError) return { error: v.message };
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return v.toString();
  if (v !== null && typeof v === 'object' && 'map' in v) return { map: v.map.map(([a, b]) => [plain(a), plain(b)]) };
  if (v !== null && typeof v === 'object' && 'push' in v) return { push: v.push.map(plain) };
  return v;
}

export class RawClient {
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

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host }, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timeout; buffered: ${JSON.stringify(this.data.toString('latin1').slice(0, 200))}`)), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  write(bytes: string | Buffer): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** Sends a command and reads its reply. */
  async call(...args: (string | Buffer | number)[]): Promise<RespValue> {
    this.write(encodeCommand(args));
    return this.read();
  }

  /** Reads the next reply. */
  async read(timeoutMs = 5000): Promise<RespValue> {
    for (;;) {
      const r = parseReply(this.data, 0);
      if (r !== null) {
        this.data = this.data.subarray(r[1]);
        return r[0];
      }
      if (this.closed) throw new Error('connection closed');
      await this.wait(timeoutMs);
    }
  }

  /** Bytes received and not read yet. */
  get buffered(): number {
    return this.data.length;
  }

  /** The next reply's exact wire text (latin1), for byte-for-byte comparisons. */
  async readText(timeoutMs = 5000): Promise<string> {
    for (;;) {
      const end = this.data.length > 0 ? replyEnd(this.data, 0) : -1;
      if (end >= 0) {
        const text = this.data.toString('latin1', 0, end);
        this.data = this.data.subarray(end);
        return text;
      }
      if (this.closed) throw new Error(`connection closed; buffered ${JSON.stringify(this.data.toString('latin1'))}`);
      await this.wait(timeoutMs);
    }
  }

  /** Reads exactly `n` bytes of raw reply text. */
  async readRaw(n: number, timeoutMs = 5000): Promise<string> {
    while (this.data.length < n) {
      if (this.closed) throw new Error(`connection closed after ${JSON.stringify(this.data.toString('latin1'))}`);
      await this.wait(timeoutMs);
    }
    const s = this.data.toString('latin1', 0, n);
    this.data = this.data.subarray(n);
    return s;
  }

  /** Waits for the server to close the connection; returns everything it sent before. */
  async readUntilClose(timeoutMs = 5000): Promise<string> {
    while (!this.closed) await this.wait(timeoutMs);
    const s = this.data.toString('latin1');
    this.data = Buffer.alloc(0);
    return s;
  }

  close(): void {
    this.socket.destroy();
  }
}
