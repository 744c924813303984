/**
 * Port of Redis's sdssplitargs() and sdscatrepr(): splits a config line or an
 * inline command into arguments, and quotes a value as redis-server echoes it.
 */

/*
 * Rules: blanks (C isspace) separate arguments; "double quotes" understand
 * \n \r \t \b \a \xHH and \<any> (the char itself); 'single quotes' only \';
 * a closing quote must be followed by a blank or the end; quotes may start in
 * the middle of an argument (ab"cd" is abcd). A NUL ends the input like the
 * end of a C string. Unbalanced quotes make the whole line invalid (null).
 */

/** C isspace() in the C locale: space, \t \n \v \f \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function unescape(c: number): number {
  switch (c) {
    case 110: return 10; // n
    case 114: return 13; // r
    case 116: return 9; // t
    case 98: return 8; // b
    case 97: return 7; // a
    default: return c;
  }
}

/**
 * Core of both variants: walks code units `at(i)` (0 past the end) and calls
 * `emit(code)` for every output unit and `end()` after each argument.
 * Returns false on unbalanced quotes.
 */
function split(at: (i: number) => number, emit: (c: number) => void, end: () => void): boolean {
  let p = 0;
  for (;;) {
    while (at(p) !== 0 && isSpace(at(p))) p++;
    if (at(p) === 0) return true;
    let inq = false;
    let insq = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inq) {
        if (c === 92 && at(p + 1) === 120 && hexValue(at(p + 2)) >= 0 && hexValue(at(p + 3)) >= 0) {
          emit(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 3;
        } else if (c === 92 && at(p + 1) !== 0) {
          p++;
          emit(unescape(at(p)));
        } else if (c === 34) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return false;
          done = true;
        } else if (c === 0) {
          return false;
        } else {
          emit(c);
        }
      } else if (insq) {
        if (c === 92 && at(p + 1) === 39) {
          p++;
          emit(39);
        } else if (c === 39) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return false;
          done = true;
        } else if (c === 0) {
          return false;
        } else {
          emit(c);
        }
      } else if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0) {
        done = true;
      } else if (c === 34) {
        inq = true;
      } else if (c === 39) {
        insq = true;
      } else {
        emit(c);
      }
      if (c !== 0) p++;
    }
    end();
  }
}

/**
 * Splits a line into arguments; null on unbalanced quotes. Works on UTF-16
 * code units: characters above 0xFF pass through unchanged, and \xHH yields
 * the code unit HH (a latin1 byte).
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let cur: number[] = [];
  const ok = split(
    (i) => (i < line.length ? line.charCodeAt(i) : 0),
    (c) => cur.push(c),
    () => {
      let s = '';
      for (let i = 0; i < cur.length; i += 4096) s += String.fromCharCode(...cur.slice(i, i + 4096));
      out.push(s);
      cur = [];
    },
  );
  return ok ? out : null;
}

/** Byte variant: splits buf[start, end) into fresh Uint8Arrays; null on unbalanced quotes. */
export function splitArgsBytes(buf: Uint8Array, start: number, end: number): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  const cur = new Uint8Array(Math.max(0, end - start));
  let n = 0;
  const ok = split(
    (i) => (start + i < end ? buf[start + i]! : 0),
    (c) => {
      cur[n++] = c;
    },
    () => {
      out.push(cur.slice(0, n));
      n = 0;
    },
  );
  return ok ? out : null;
}

/**
 * sdscatrepr(): the value in double quotes with \\ \" \n \r \t \a \b escapes
 * and \xHH for other non-printable bytes (0x00-0x1f, 0x7f-0xff). Code units
 * above 0xFF are kept as they are, so splitArgs(quoteArg(s)) gives s back.
 */
export function quoteArg(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 92: out += '\\\\'; break;
      case 34: out += '\\"'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      case 7: out += '\\a'; break;
      case 8: out += '\\b'; break;
      default:
        if ((c >= 0x20 && c < 0x7f) || c > 0xff) out += s[i];
        else out += '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}
