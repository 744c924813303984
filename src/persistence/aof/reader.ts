/**
 * Reads commands out of AOF bytes the way loadSingleAppendOnlyFile() and
 * redis-check-aof do: `*<argc>\r\n` then argc times `$<len>\r\n<bytes>\r\n`;
 * `#` lines (annotations) are skipped. A frame cut by the end of the data is
 * TRUNCATED (a crash mid-append), anything else malformed is BAD.
 */

export const enum Frame {
  OK = 0,
  /** The data ends inside the frame. */
  TRUNCATED = 1,
  /** Not a well-formed command. */
  BAD = 2,
  /** An annotation line was skipped (`end` is past it). */
  SKIPPED = 3,
}

/** Scratch for one parsed frame; the argument slices point into the parsed buffer. */
export class FrameReader {
  offs = new Int32Array(16);
  lens = new Int32Array(16);
  argc = 0;
  /** Offset just past the frame (or the annotation). */
  end = 0;
  /** What was wrong, for check-aof. */
  error = '';

  /** Reads the line at `p` ending in CRLF: the integer after its type byte, or -1 / -2 (truncated / bad). */
  private lineInt(buf: Buffer, p: number, limit: number): number {
    let i = p + 1;
    let v = 0;
    let digits = 0;
    for (; i < limit; i++) {
      const c = buf[i]!;
      if (c === 13) break;
      if (c < 48 || c > 57 || digits > 15) {
        this.error = `Invalid number: ${buf.latin1Slice(p + 1, Math.min(limit, p + 40)).split('\r')[0]}`;
        return -2;
      }
      v = v * 10 + (c - 48);
      digits++;
    }
    if (i + 1 >= limit) return -1;
    if (buf[i + 1] !== 10 || digits === 0) {
      this.error = 'Expected \\r\\n after a number';
      return -2;
    }
    this.end = i + 2;
    return v;
  }

  /** Parses the frame starting at `p` of buf[0, limit). */
  read(buf: Buffer, p: number, limit: number): Frame {
    if (p >= limit) return Frame.TRUNCATED;
    const c0 = buf[p]!;
    if (c0 === 35) {
      const nl = buf.indexOf(10, p);
      if (nl < 0 || nl >= limit) return Frame.TRUNCATED;
      this.end = nl + 1;
      return Frame.SKIPPED;
    }
    if (c0 !== 42) {
      this.error = `Wrong type byte 0x${c0.toString(16).padStart(2, '0')}, expected '*'`;
      return Frame.BAD;
    }
    const argc = this.lineInt(buf, p, limit);
    if (argc === -1) return Frame.TRUNCATED;
    if (argc < 1) {
      if (argc === 0) this.error = 'Invalid argument count 0';
      return Frame.BAD;
    }
    if (argc > this.offs.length) {
      const n = Math.max(argc, this.offs.length * 2);
      this.offs = new Int32Array(n);
      this.lens = new Int32Array(n);
    }
    let at = this.end;
    for (let j = 0; j < argc; j++) {
      if (at >= limit) return Frame.TRUNCATED;
      if (buf[at] !== 36) {
        this.error = `Expected '$', got 0x${buf[at]!.toString(16).padStart(2, '0')}`;
        return Frame.BAD;
      }
      const len = this.lineInt(buf, at, limit);
      if (len === -1) return Frame.TRUNCATED;
      if (len < 0) return Frame.BAD;
      at = this.end;
      if (at + len + 2 > limit) return Frame.TRUNCATED;
      if (buf[at + len] !== 13 || buf[at + len + 1] !== 10) {
        this.error = 'Expected \\r\\n after an argument';
        return Frame.BAD;
      }
      this.offs[j] = at;
      this.lens[j] = len;
      at += len + 2;
    }
    this.argc = argc;
    this.end = at;
    return Frame.OK;
  }
}

/** Whether a base file starts with an RDB preamble ("REDIS"), as Redis checks. */
export function isRdbPreamble(head: Buffer): boolean {
  return head.length >= 5 && head.latin1Slice(0, 5) === 'REDIS';
}
