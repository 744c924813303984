/**
 * The AOF's in-memory tail (Redis's aof_buf): commands appended as RESP
 * arrays of bulk strings exactly as feedAppendOnlyFile() writes them, with a
 * SELECT whenever the database differs from the last one written. The buffer
 * grows and is reused; take() hands out the bytes and empties it.
 */
import type { Args } from '../../commands/args.js';
import type { PropArg } from '../../commands/context.js';

const INITIAL = 64 * 1024;

/** Growable RESP command buffer; nothing is allocated per command once warm. */
export class CommandBuffer {
  buf: Buffer = Buffer.allocUnsafe(INITIAL);
  len = 0;
  /** Database of the last SELECT written (-1: none yet, so the first command selects). */
  selectedDb = -1;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n + 1024));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private header(prefix: number, n: number): void {
    this.reserve(24);
    const b = this.buf;
    b[this.len++] = prefix;
    this.len += b.latin1Write(String(n), this.len);
    b[this.len++] = 13;
    b[this.len++] = 10;
  }

  private bulkBytes(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.header(36, n);
    this.reserve(n + 2);
    this.buf.set(start === 0 && end === src.length ? src : src.subarray(start, end), this.len);
    this.len += n;
    this.buf[this.len++] = 13;
    this.buf[this.len++] = 10;
  }

  private bulkText(s: string): void {
    this.header(36, s.length);
    this.reserve(s.length + 2);
    this.len += this.buf.latin1Write(s, this.len);
    this.buf[this.len++] = 13;
    this.buf[this.len++] = 10;
  }

  /** One argument: bytes, latin1 text (keys travel as such) or an integer's digits. */
  arg(a: PropArg): void {
    if (typeof a === 'string') this.bulkText(a);
    else if (typeof a === 'number' || typeof a === 'bigint') this.bulkText(String(a));
    else this.bulkBytes(a, 0, a.length);
  }

  /** SELECT db when db differs from the last one written; db < 0 (MULTI, EXEC) never selects. */
  selectFor(db: number): void {
    if (db < 0 || db === this.selectedDb) return;
    this.header(42, 2);
    this.bulkText('SELECT');
    this.bulkText(String(db));
    this.selectedDb = db;
  }

  /** Appends a command given as values. */
  command(db: number, argv: readonly PropArg[]): void {
    this.selectFor(db);
    this.header(42, argv.length);
    for (const a of argv) this.arg(a);
  }

  /** Appends a command as the client sent it (the common case: no copy of the arguments first). */
  commandArgs(db: number, args: Args): void {
    this.selectFor(db);
    if (args.rawStart >= 0) {
      // The request's own multibulk bytes are what re-encoding would write: one copy.
      const n = args.rawEnd - args.rawStart;
      this.reserve(n);
      args.buf.copy(this.buf, this.len, args.rawStart, args.rawEnd);
      this.len += n;
      return;
    }
    this.header(42, args.count);
    for (let i = 0; i < args.count; i++) this.bulkBytes(args.buf, args.start(i), args.end(i));
  }

  /** Bytes buffered. */
  get pending(): number {
    return this.len;
  }

  /** The buffered bytes: a view, valid until the next append or consume(). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  /** Drops the first `n` bytes (written to the file); a short write keeps the rest for the retry. */
  consume(n: number): void {
    if (n >= this.len) this.len = 0;
    else {
      this.buf.copyWithin(0, n, this.len);
      this.len -= n;
    }
  }

  /** Empties the buffer (a command with no bytes written yet is abandoned, e.g. the AOF turned off). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.len);
    this.len = 0;
    return out;
  }
}

/** One command as a standalone RESP array (tests, check-aof, the base writer's small pieces). */
export function encodeCommand(argv: readonly PropArg[]): Buffer {
  const b = new CommandBuffer();
  b.selectedDb = -2;
  b.command(-1, argv);
  return Buffer.from(b.take());
}
