/**
 * RESP request parser, in place: arguments are (offset, length) slices into
 * `buf`, valid until the next call to next(). A frame split across reads is
 * kept in a per-connection pending buffer, sized from the bulk header so a
 * large value is copied once (a read that runs past a big frame is split, the
 * rest parsed after it, so the buffer never doubles), and parsing resumes
 * where it stopped (no re-scan). A command may keep a big value's buffer
 * (donate()). Errors and limits follow Redis 7.0's networking.c exactly.
 */
import { parseLength } from '../../engine/types/int64.js';
import { splitInline } from './inline.js';

/** Limits the parser enforces; read on every frame so CONFIG SET applies at once. */
export interface ParserLimits {
  /** proto-max-bulk-len */
  maxBulkLen: number;
  /** client-query-buffer-limit */
  queryBufferLimit: number;
}

export const enum ParseResult {
  NEED_MORE = 0,
  COMMAND = 1,
  ERROR = -1,
}

/** Redis's PROTO_INLINE_MAX_SIZE: longest inline request or header line. */
const INLINE_MAX = 64 * 1024;
/** Bulk arguments at least this big get a pending buffer sized exactly for them. */
const BIG_ARG = 32 * 1024;
/** Room a big bulk's buffer keeps for each argument after it in its frame (the `EX 3600` of a SET). */
const TAIL_ROOM = 64;
const INT_MAX = 2147483647;
const EMPTY = Buffer.alloc(0);
const CR = 13;
const LF = 10;

export class RespParser {
  /** The buffer the current arguments point into. */
  buf: Buffer = Buffer.alloc(0);
  argc = 0;
  offs = new Int32Array(16);
  lens = new Int32Array(16);
  /** Whether the last command came inline (no reply for an empty line, etc.). */
  inline = false;
  /** Text after "Protocol error: " when next() returned ERROR. */
  error = '';
  /** Set by the connection: unauthenticated clients get the small limits. */
  authRequired = false;

  private pos = 0;
  private end = 0;
  private pending: Buffer | null = null;
  /** The part of a read that came after a big frame's end, parsed once that frame is done. */
  private overflow: Buffer | null = null;
  private frameStart = 0;
  /** Arguments still to read in the current multibulk frame (0 = at a frame boundary). */
  private mbLeft = 0;
  /** Length of the bulk being read, or -1 when its header is still to be read. */
  private bulkLen = -1;

  /**
   * `alloc` provides the buffers for big frames (the server passes a pool
   * that recycles donated values' memory); it must return at least n bytes.
   */
  constructor(
    private readonly limits: ParserLimits,
    private readonly alloc: (n: number) => Buffer = Buffer.allocUnsafe,
  ) {}

  /** Bytes buffered but not yet consumed (Redis's qbuf). */
  get queryBufferLength(): number {
    return this.end - this.pos + (this.overflow === null ? 0 : this.overflow.length);
  }

  /** Hands the parser the bytes of one socket read. Returns false when the query buffer limit is exceeded. */
  feed(chunk: Buffer): boolean {
    if (this.overflow !== null) this.absorbOverflow();
    return this.append(chunk, true);
  }

  /**
   * Appends a read to the buffered bytes. With `split`, a read that runs past
   * the end of the big bulk being received fills its buffer only to the end
   * of the frame; the rest waits in `overflow` (growing the buffer would copy
   * the whole value again).
   */
  private append(chunk: Buffer, split: boolean): boolean {
    if (this.pending === null || this.end === 0) {
      this.buf = chunk;
      this.pos = 0;
      this.frameStart = 0;
      this.end = chunk.length;
      return chunk.length <= this.limits.queryBufferLimit;
    }
    const need = this.end + chunk.length;
    if (need > this.limits.queryBufferLimit) return false;
    let dst = this.pending;
    if (need > dst.length && split && this.bulkLen >= BIG_ARG && this.pos + this.bulkLen + 2 <= dst.length) {
      const room = dst.length - this.end;
      chunk.copy(dst, this.end, 0, room);
      this.buf = dst;
      this.end = dst.length;
      this.overflow = chunk.subarray(room);
      return true;
    }
    if (need > dst.length) {
      const bigger = this.alloc(Math.max(need, this.wantedSize(), dst.length * 2));
      dst.copy(bigger, 0, 0, this.end);
      dst = bigger;
      this.pending = bigger;
    }
    chunk.copy(dst, this.end);
    this.buf = dst;
    this.end = need;
    return true;
  }

  /**
   * Where the next socket read may land directly: the rest of the frame of
   * the big bulk being received, inside the buffer sized for it, so its bytes
   * are never copied (the connection reads there and calls commit()). Null
   * when no such bulk is under way: read elsewhere and feed().
   */
  directTarget(): Buffer | null {
    const p = this.pending;
    if (this.bulkLen < BIG_ARG || p === null || this.buf !== p || this.overflow !== null) return null;
    const frameEnd = this.pos + this.bulkLen + 2;
    if (frameEnd > p.length || this.end >= frameEnd) return null;
    return p.subarray(this.end, frameEnd);
  }

  /**
   * After feed() and the parsing that followed: copies whatever still refers
   * to the fed bytes (an incomplete frame, a held-back rest) into the
   * parser's own memory, so the caller may reuse the read buffer.
   */
  detach(): void {
    if (this.overflow !== null) this.overflow = Buffer.from(this.overflow);
    if (this.buf === this.pending) return;
    if (this.pos >= this.end && this.mbLeft === 0) {
      this.rewind();
      this.buf = EMPTY;
      return;
    }
    if (this.mbLeft === 0) {
      this.frameStart = this.pos;
      this.argc = 0;
    }
    this.stash();
  }

  /** `n` bytes were read into directTarget(). Returns false when the query buffer limit is exceeded. */
  commit(n: number): boolean {
    this.end += n;
    return this.end <= this.limits.queryBufferLimit;
  }

  /** After next() returned COMMAND: where its frame starts and ends in `buf` (a multibulk frame unless `inline`). */
  get frameBegin(): number {
    return this.frameStart;
  }
  get frameEnd(): number {
    return this.pos;
  }

  /** Parses the next command. Call until it returns NEED_MORE or ERROR. */
  next(): ParseResult {
    for (;;) {
      const r = this.parse();
      if (r !== ParseResult.NEED_MORE || this.overflow === null) return r;
      // The query buffer limit was checked for the whole read.
      const rest = this.overflow;
      this.overflow = null;
      this.append(rest, true);
    }
  }

  /**
   * Lets the caller keep bytes [start, end) of the current command's buffer
   * (a big SET value) instead of copying them: returns a view of them, and
   * the parser never writes to that buffer again. Null when the bytes share
   * their buffer with others (a socket read, a small reused buffer).
   */
  donate(start: number, end: number): Buffer | null {
    const b = this.buf;
    if (b !== this.pending || end - start < b.length >>> 1) return null;
    this.pending = null;
    return b.subarray(start, end);
  }

  private parse(): ParseResult {
    for (;;) {
      if (this.mbLeft === 0) {
        if (this.pos >= this.end) {
          this.rewind();
          return ParseResult.NEED_MORE;
        }
        this.frameStart = this.pos;
        this.argc = 0;
        if (this.buf[this.pos] !== 42 /* * */) {
          const r = this.parseInline();
          if (r === ParseResult.COMMAND && this.argc === 0) continue;
          if (r === ParseResult.NEED_MORE) this.stash();
          return r;
        }
        this.inline = false;
        const nl = this.findCR(this.pos);
        if (nl < 0) {
          if (this.end - this.pos > INLINE_MAX) return this.fail('too big mbulk count string');
          this.stash();
          return ParseResult.NEED_MORE;
        }
        if (nl + 1 >= this.end) {
          this.stash();
          return ParseResult.NEED_MORE;
        }
        const n = parseLength(this.buf, this.pos + 1, nl);
        if (Number.isNaN(n) || n > INT_MAX) return this.fail('invalid multibulk length');
        if (n > 10 && this.authRequired) return this.fail('unauthenticated multibulk length');
        this.pos = nl + 2;
        if (n <= 0) continue;
        this.mbLeft = n;
        this.bulkLen = -1;
        if (this.offs.length < n && n <= 1024 * 1024) this.growArgs(n);
      }
      while (this.mbLeft > 0) {
        if (this.bulkLen === -1) {
          const nl = this.findCR(this.pos);
          if (nl < 0) {
            if (this.end - this.pos > INLINE_MAX) return this.fail('too big bulk count string');
            this.stash();
            return ParseResult.NEED_MORE;
          }
          if (nl + 1 >= this.end) {
            this.stash();
            return ParseResult.NEED_MORE;
          }
          const c = this.buf[this.pos]!;
          if (c !== 36 /* $ */) return this.fail(`expected '$', got '${String.fromCharCode(c)}'`);
          const n = parseLength(this.buf, this.pos + 1, nl);
          if (Number.isNaN(n) || n < 0 || n > this.limits.maxBulkLen) return this.fail('invalid bulk length');
          if (n > 16384 && this.authRequired) return this.fail('unauthenticated bulk length');
          this.pos = nl + 2;
          this.bulkLen = n;
        }
        // Redis skips the two bytes after a bulk without checking they are CRLF.
        if (this.end - this.pos < this.bulkLen + 2) {
          this.stash();
          return ParseResult.NEED_MORE;
        }
        if (this.argc === this.offs.length) this.growArgs(this.argc * 2);
        this.offs[this.argc] = this.pos;
        this.lens[this.argc] = this.bulkLen;
        this.argc++;
        this.pos += this.bulkLen + 2;
        this.bulkLen = -1;
        this.mbLeft--;
      }
      return ParseResult.COMMAND;
    }
  }

  /**
   * Keeps the bytes after the last command for a later next() (a blocked
   * client's pipelined commands), so that feed() appends to them.
   */
  hold(): void {
    if (this.pos >= this.end) this.rewind();
    else {
      this.frameStart = this.pos;
      this.argc = 0;
      this.stash();
    }
    if (this.overflow !== null) this.absorbOverflow();
  }

  /** Drops everything buffered (after an error, or when the client is closed). */
  reset(): void {
    this.overflow = null;
    this.rewind();
  }

  /** Appends the held rest of a read to the buffered bytes, without splitting it again. */
  private absorbOverflow(): void {
    const rest = this.overflow!;
    this.overflow = null;
    this.append(rest, false);
  }

  /** Forgets the consumed bytes at a frame boundary (a held overflow stays). */
  private rewind(): void {
    this.pos = 0;
    this.end = 0;
    this.frameStart = 0;
    this.mbLeft = 0;
    this.bulkLen = -1;
    // Keep a small pending buffer for reuse; drop a big one so an idle client holds little.
    if (this.pending !== null && this.pending.length > 64 * 1024) this.pending = null;
  }

  private parseInline(): ParseResult {
    this.inline = true;
    const buf = this.buf;
    let nl = -1;
    for (let i = this.pos; i < this.end; i++) {
      const c = buf[i]!;
      if (c === LF) {
        nl = i;
        break;
      }
      // Redis looks for the newline with strchr(), which stops at a NUL.
      if (c === 0) break;
    }
    if (nl < 0) {
      if (this.end - this.pos > INLINE_MAX) return this.fail('too big inline request');
      return ParseResult.NEED_MORE;
    }
    let lineEnd = nl;
    if (nl !== this.pos && buf[nl - 1] === CR) lineEnd--;
    const start = this.pos;
    this.pos = nl + 1;
    const n = splitInline(buf, start, lineEnd, this);
    if (n < 0) return this.fail('unbalanced quotes in request');
    this.argc = n;
    return ParseResult.COMMAND;
  }

  /** Makes room for `n` argument slices (used by splitInline too). */
  growArgs(n: number): void {
    const offs = new Int32Array(n);
    offs.set(this.offs.subarray(0, Math.min(this.offs.length, n)));
    const lens = new Int32Array(n);
    lens.set(this.lens.subarray(0, Math.min(this.lens.length, n)));
    this.offs = offs;
    this.lens = lens;
  }

  /** Index of the next CR from `from`, or -1; like strchr() it stops at a NUL byte. */
  private findCR(from: number): number {
    const buf = this.buf;
    const end = this.end;
    for (let i = from; i < end; i++) {
      const c = buf[i]!;
      if (c === CR) return i;
      if (c === 0) return -1;
    }
    return -1;
  }

  private fail(text: string): ParseResult {
    this.error = text;
    this.reset();
    return ParseResult.ERROR;
  }

  /** How big the pending buffer should be to hold the rest of the current frame. */
  private wantedSize(): number {
    if (this.bulkLen >= BIG_ARG) return this.pos - this.frameStart + this.bulkLen + 2 + (this.mbLeft - 1) * TAIL_ROOM;
    return 16 * 1024;
  }

  /**
   * Keeps the incomplete frame [frameStart, end) for the next read, moving it
   * to the start of the pending buffer and shifting the slices already parsed.
   */
  private stash(): void {
    const shift = this.frameStart;
    const keep = this.end - shift;
    const want = Math.max(keep, this.wantedSize());
    if (this.buf === this.pending) {
      if (want > this.pending.length) {
        const bigger = this.alloc(want);
        this.pending.copy(bigger, 0, shift, this.end);
        this.pending = bigger;
      } else if (shift > 0) {
        this.pending.copyWithin(0, shift, this.end);
      }
    } else {
      if (this.pending === null || this.pending.length < want) this.pending = this.alloc(Math.max(want, 16 * 1024));
      this.buf.copy(this.pending, 0, shift, this.end);
    }
    this.buf = this.pending;
    for (let i = 0; i < this.argc; i++) this.offs[i] -= shift;
    this.pos -= shift;
    this.frameStart = 0;
    this.end = keep;
  }
}
