/**
 * Splits an inline request line into arguments with the quoting rules of
 * Redis's sdssplitargs(): "double quotes" with \n \r \t \b \a \xHH escapes,
 * 'single quotes' with \' only, a closing quote must be followed by a space.
 * Unescaping happens in place (the output never outgrows the input).
 */

/** Where the slices go: the parser's reusable arrays. */
export interface SliceSink {
  offs: Int32Array;
  lens: Int32Array;
  growArgs(n: number): void;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Splits buf[start, end) into sink's slices; returns the argument count, or
 * -1 for unbalanced quotes. Bytes past `end` act as the C string's NUL.
 */
export function splitInline(buf: Uint8Array, start: number, end: number, sink: SliceSink): number {
  let p = start;
  let argc = 0;
  const at = (i: number): number => (i < end ? buf[i]! : 0);
  for (;;) {
    while (p < end && isSpace(buf[p]!)) p++;
    if (p >= end) return argc;
    let inq = false;
    let insq = false;
    let done = false;
    const tokStart = p;
    let w = p;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === 92 /* \ */ && at(p + 1) === 120 /* x */ && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
          buf[w++] = hexValue(at(p + 2)) * 16 + hexValue(at(p + 3));
          p += 3;
        } else if (c === 92 && at(p + 1) !== 0) {
          p++;
          const e = buf[p]!;
          buf[w++] = e === 110 ? 10 : e === 114 ? 13 : e === 116 ? 9 : e === 98 ? 8 : e === 97 ? 7 : e;
        } else if (c === 34 /* " */) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return -1;
          done = true;
        } else if (c === 0) {
          return -1;
        } else {
          buf[w++] = c;
        }
      } else if (insq) {
        if (c === 92 && at(p + 1) === 39 /* ' */) {
          p++;
          buf[w++] = 39;
        } else if (c === 39) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return -1;
          done = true;
        } else if (c === 0) {
          return -1;
        } else {
          buf[w++] = c;
        }
      } else if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0) {
        done = true;
      } else if (c === 34) {
        inq = true;
      } else if (c === 39) {
        insq = true;
      } else {
        buf[w++] = c;
      }
      if (c !== 0) p++;
    }
    if (argc === sink.offs.length) sink.growArgs(argc * 2);
    sink.offs[argc] = tokStart;
    sink.lens[argc] = w - tokStart;
    argc++;
  }
}
