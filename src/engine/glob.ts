/**
 * Glob matching with the exact semantics of Redis 7.0's stringmatchlen():
 * `*`, `?`, `[...]` with `^` and ranges, backslash escapes, signed-char
 * ranges, nocase, the early exit that keeps `a*a*a*...b` linear, and the
 * nesting limit of 1000. Works on bytes; allocates nothing.
 */

const MAX_NESTING = 1000;

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Byte as C's signed char. */
function signed(c: number): number {
  return (c << 24) >> 24;
}

interface State {
  skipLonger: boolean;
}

function matchImpl(p: Uint8Array, pi: number, pEnd: number, s: Uint8Array, si: number, sEnd: number, nocase: boolean, st: State, nesting: number): boolean {
  if (nesting > MAX_NESTING) return false;
  // Bytes past the end read as the C string's NUL.
  const pat = (k: number): number => (k < pEnd ? p[k]! : 0);
  while (pi < pEnd && si < sEnd) {
    const c = p[pi]!;
    if (c === 42 /* * */) {
      while (pi < pEnd && pat(pi + 1) === 42) pi++;
      if (pEnd - pi === 1) return true;
      while (si < sEnd) {
        if (matchImpl(p, pi + 1, pEnd, s, si, sEnd, nocase, st, nesting + 1)) return true;
        if (st.skipLonger) return false;
        si++;
      }
      st.skipLonger = true;
      return false;
    } else if (c === 63 /* ? */) {
      si++;
    } else if (c === 91 /* [ */) {
      pi++;
      const not = pat(pi) === 94; /* ^ */
      if (not) pi++;
      let match = false;
      const sc = s[si]!;
      for (;;) {
        if (pat(pi) === 92 && pEnd - pi >= 2) {
          pi++;
          if (p[pi] === sc) match = true;
        } else if (pat(pi) === 93 /* ] */) {
          break;
        } else if (pi >= pEnd) {
          pi--;
          break;
        } else if (pEnd - pi >= 3 && p[pi + 1] === 45 /* - */) {
          let start = signed(p[pi]!);
          let end = signed(p[pi + 2]!);
          let ch = signed(sc);
          if (start > end) {
            const t = start;
            start = end;
            end = t;
          }
          if (nocase) {
            start = lower(start);
            end = lower(end);
            ch = lower(ch);
          }
          pi += 2;
          if (ch >= start && ch <= end) match = true;
        } else if (nocase ? lower(p[pi]!) === lower(sc) : p[pi] === sc) {
          match = true;
        }
        pi++;
      }
      if (not) match = !match;
      if (!match) return false;
      si++;
    } else {
      if (c === 92 /* \ */ && pEnd - pi >= 2) pi++;
      const pc = p[pi]!;
      const sc = s[si]!;
      if (nocase ? lower(pc) !== lower(sc) : pc !== sc) return false;
      si++;
    }
    pi++;
    if (si === sEnd) {
      while (pat(pi) === 42) pi++;
      break;
    }
  }
  return pi >= pEnd && si === sEnd;
}

/** Matches subject[sStart, sEnd) against pattern[pStart, pEnd). */
export function globMatch(pattern: Uint8Array, pStart: number, pEnd: number, subject: Uint8Array, sStart: number, sEnd: number, nocase = false): boolean {
  return matchImpl(pattern, pStart, pEnd, subject, sStart, sEnd, nocase, { skipLonger: false }, 0);
}

/** globMatch over latin1 strings (one char per byte). */
export function globMatchStr(pattern: string, subject: string, nocase = false): boolean {
  const p = Buffer.from(pattern, 'latin1');
  const s = Buffer.from(subject, 'latin1');
  return globMatch(p, 0, p.length, s, 0, s.length, nocase);
}
