/**
 * Streaming decoder of lm:// requests: 186-byte headers and, after a PUT's
 * header only, `length` payload bytes, split across socket reads at any
 * byte. A payload is received into one Buffer allocated at its declared
 * length (each read copied in once), which the caller then owns. Other
 * commands never carry a payload: like LMCache's server, their length is
 * not read, so bytes after their header are the next header.
 */
import { LmCommand, REQUEST_BYTES, keyRange } from './frames.js';

export const enum LmDecode {
  NEED_MORE = 0,
  REQUEST = 1,
  ERROR = -1,
}

export class LmRequestDecoder {
  command = 0;
  length = 0;
  fmt = 0;
  dtype = 0;
  location = 0;
  shape0 = 0;
  shape1 = 0;
  shape2 = 0;
  shape3 = 0;
  /** The header of the current request; the key is header[keyStart, keyEnd). Valid until the next next(). */
  readonly header = Buffer.allocUnsafe(REQUEST_BYTES);
  keyStart = 0;
  keyEnd = 0;
  /** A PUT's payload, the caller's to keep; null for other commands. */
  payload: Buffer | null = null;
  /** Why next() returned ERROR. */
  error = '';

  private filled = 0;
  private body: Buffer | null = null;
  private bodyFilled = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private pos = 0;

  /** @param maxPayload longest PUT payload accepted (proto-max-bulk-len), read on every request. */
  constructor(private readonly maxPayload: () => number) {}

  /** Bytes received and not yet consumed by a complete request. */
  get buffered(): number {
    return this.chunk.length - this.pos + (this.body === null ? this.filled : this.bodyFilled);
  }

  /** Hands over one socket read; call next() until NEED_MORE before the next feed. */
  feed(chunk: Buffer): void {
    this.chunk = chunk;
    this.pos = 0;
  }

  next(): LmDecode {
    const chunk = this.chunk;
    if (this.body === null) {
      const take = Math.min(REQUEST_BYTES - this.filled, chunk.length - this.pos);
      chunk.copy(this.header, this.filled, this.pos, this.pos + take);
      this.filled += take;
      this.pos += take;
      if (this.filled < REQUEST_BYTES) return LmDecode.NEED_MORE;
      this.filled = 0;
      const h = this.header;
      this.command = h.readInt32LE(0);
      this.length = h.readInt32LE(4);
      this.fmt = h.readInt32LE(8);
      this.dtype = h.readInt32LE(12);
      this.location = h.readInt32LE(16);
      this.shape0 = h.readInt32LE(20);
      this.shape1 = h.readInt32LE(24);
      this.shape2 = h.readInt32LE(28);
      this.shape3 = h.readInt32LE(32);
      const [ks, ke] = keyRange(h, 36);
      this.keyStart = ks;
      this.keyEnd = ke;
      if (this.command !== LmCommand.PUT) {
        this.payload = null;
        return LmDecode.REQUEST;
      }
      if (this.length < 0) return this.fail(`negative payload length ${this.length}`);
      if (this.length > this.maxPayload()) return this.fail(`payload of ${this.length} bytes is over proto-max-bulk-len`);
      this.body = Buffer.allocUnsafeSlow(this.length);
      this.bodyFilled = 0;
    }
    const body = this.body;
    const take = Math.min(body.length - this.bodyFilled, chunk.length - this.pos);
    if (take > 0) chunk.copy(body, this.bodyFilled, this.pos, this.pos + take);
    this.bodyFilled += take;
    this.pos += take;
    if (this.bodyFilled < body.length) return LmDecode.NEED_MORE;
    this.body = null;
    this.payload = body;
    return LmDecode.REQUEST;
  }

  private fail(text: string): LmDecode {
    this.error = text;
    this.body = null;
    this.chunk = Buffer.alloc(0);
    this.pos = 0;
    return LmDecode.ERROR;
  }
}
