/**
 * The argument cursor over the parser's slices: arguments stay bytes in the
 * connection's buffer; helpers read them as keys, integers or keywords
 * without copying. Valid only during the handler call.
 */
import { Database } from '../engine/keyspace.js';
import { parseInt64 } from '../engine/types/int64.js';

/** Who may give up the buffer the arguments point into (the connection's parser). */
export interface ArgDonor {
  /** A view of bytes [start, end) that the caller may keep, or null when they must be copied. */
  donate(start: number, end: number): Buffer | null;
}

export class Args {
  buf: Buffer = Buffer.alloc(0);
  /** Set once by a connection whose parser can hand over a big value's buffer; null for copies (MULTI, blocked clients). */
  donor: ArgDonor | null = null;
  offs: Int32Array = new Int32Array(0);
  lens: Int32Array = new Int32Array(0);
  count = 0;
  /** Index of the first argument (non-zero when a container passed a subcommand through). */
  base = 0;

  /** Points the cursor at a parsed command. */
  bind(buf: Buffer, offs: Int32Array, lens: Int32Array, count: number): this {
    this.buf = buf;
    this.offs = offs;
    this.lens = lens;
    this.count = count;
    this.base = 0;
    this.rawStart = -1;
    return this;
  }

  /**
   * buf[rawStart, rawEnd) is the request exactly as a RESP multibulk frame
   * (the parser validated it, so it is what re-encoding the arguments would
   * give); -1 otherwise (inline requests, copies). The AOF copies it whole.
   */
  rawStart = -1;
  rawEnd = -1;

  /** Marks the arguments as the multibulk frame buf[start, end). */
  frame(start: number, end: number): this {
    this.rawStart = start;
    this.rawEnd = end;
    return this;
  }

  start(i: number): number {
    return this.offs[i]!;
  }
  end(i: number): number {
    return this.offs[i]! + this.lens[i]!;
  }
  len(i: number): number {
    return this.lens[i]!;
  }

  /** The argument as a key (the engine's key form). */
  key(i: number): string {
    const o = this.offs[i]!;
    return Database.keyOf(this.buf, o, o + this.lens[i]!);
  }

  /** The argument as text, one char per byte. */
  str(i: number): string {
    const o = this.offs[i]!;
    return this.buf.latin1Slice(o, o + this.lens[i]!);
  }

  /** A view of the argument's bytes (no copy; do not keep it). */
  view(i: number): Buffer {
    const o = this.offs[i]!;
    return this.buf.subarray(o, o + this.lens[i]!);
  }

  /**
   * The argument's bytes for keeping without a copy, when they fill a buffer
   * of their own that the connection can give up (a big value); null when
   * the caller must copy them. After it, `buf` stays readable as before.
   */
  take(i: number): Buffer | null {
    if (this.donor === null) return null;
    const o = this.offs[i]!;
    return this.donor.donate(o, o + this.lens[i]!);
  }

  /** An owned copy of the argument's bytes, for storing. */
  copy(i: number): Buffer {
    const o = this.offs[i]!;
    const len = this.lens[i]!;
    const b = Buffer.allocUnsafe(len);
    this.buf.copy(b, 0, o, o + len);
    return b;
  }

  /**
   * An owned copy of every argument, for a command that outlives the read
   * that brought it (a blocked client's BLPOP). Allocates; not for hot paths.
   * When a big value sits in a buffer the connection can give up, that
   * buffer is kept instead, arguments and frame as they are, and the copy
   * can give it up in turn (take()): an 8 MiB SET held for the disk tier is
   * neither copied here nor again when it runs.
   */
  detach(): Args {
    const n = this.count;
    if (this.donor !== null && n > 0) {
      let big = 0;
      for (let i = 1; i < n; i++) if (this.lens[i]! > this.lens[big]!) big = i;
      if (this.take(big) !== null) {
        const kept = new Args().bind(this.buf, this.offs.slice(0, n), this.lens.slice(0, n), n);
        if (this.rawStart >= 0) kept.frame(this.rawStart, this.rawEnd);
        kept.donor = new KeptBuffer(this.buf);
        return kept;
      }
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += this.lens[i]!;
    const buf = Buffer.allocUnsafeSlow(total);
    const offs = new Int32Array(n);
    const lens = new Int32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const len = this.lens[i]!;
      this.buf.copy(buf, p, this.offs[i]!, this.offs[i]! + len);
      offs[i] = p;
      lens[i] = len;
      p += len;
    }
    return new Args().bind(buf, offs, lens, n);
  }

  /** Case-insensitive comparison with a lowercase ASCII word, without allocating. */
  is(i: number, lowerWord: string): boolean {
    const len = this.lens[i]!;
    if (len !== lowerWord.length) return false;
    const o = this.offs[i]!;
    const buf = this.buf;
    for (let k = 0; k < len; k++) {
      let c = buf[o + k]!;
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== lowerWord.charCodeAt(k)) return false;
    }
    return true;
  }

  /** Lowercased text of an argument (for names and subcommands). */
  lower(i: number): string {
    return this.str(i).toLowerCase();
  }

  /** The argument as int64: number when |v| <= 2^53, bigint beyond, null when not an integer. */
  int64(i: number): number | bigint | null {
    const o = this.offs[i]!;
    return parseInt64(this.buf, o, o + this.lens[i]!);
  }

  /** The argument as an integer that fits in a double exactly; null otherwise (or out of int64). */
  int(i: number): number | null {
    const v = this.int64(i);
    if (v === null) return null;
    return typeof v === 'number' ? v : Number(v);
  }
}

/** The donor of a detached command's kept buffer: gives its big value up once, as the parser would have. */
class KeptBuffer implements ArgDonor {
  private given = false;
  constructor(private readonly buf: Buffer) {}

  donate(start: number, end: number): Buffer | null {
    if (this.given || end - start < this.buf.length >>> 1) return null;
    this.given = true;
    return this.buf.subarray(start, end);
  }
}
