/**
 * Glob matching over bytes with the exact semantics of Redis 7.0.15's
 * stringmatchlen() (util.c): KEYS, SCAN MATCH, CONFIG GET, PSUBSCRIBE.
 */

/*
 * Iterative and allocation-free, O(pattern * subject) at worst. Semantics
 * carried over from the C code (checked against redis-server by fuzzing):
 * - elements are `*`, `?`, `[...]`, `\x` and literal bytes; every element but
 *   `*` consumes exactly one subject byte;
 * - an empty subject matches only the empty pattern, so `*` does not match ""
 *   (KEYS and SCAN special-case the pattern "*" before calling the matcher);
 * - `[...]`: optional `^`, `\x` escapes (compared case-sensitively even with
 *   nocase), `a-z` ranges compared as *signed* chars with reversed bounds
 *   swapped (then lowered for nocase, without swapping again), and an
 *   unterminated class that runs to the end of the pattern;
 * - a `\` as the very last pattern byte is a literal backslash;
 * - Redis recurses once per (collapsed) `*` and answers "no match" beyond 1000
 *   levels: reaching the 1001st star that is not the last pattern byte fails;
 * - its skipLongerMatches cut-off is what makes one backtrack point (the last
 *   star seen) equivalent to its full recursion.
 */

/** stringmatchlen_impl() gives up when nesting > 1000. */
const MAX_STAR_NESTING = 1000;

const STAR = 42; // *
const QMARK = 63; // ?
const LBRACKET = 91; // [
const RBRACKET = 93; // ]
const BACKSLASH = 92; // \
const CARET = 94; // ^
const DASH = 45; // -

/** C `char` on x86 is signed: bytes >= 0x80 compare as negative numbers. */
function signed(b: number): number {
  return b >= 128 ? b - 256 : b;
}

/** tolower() in the C locale (Redis never sets LC_CTYPE). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Matches the non-star element at pat[p] against byte `c`: the index just
 * past the element when it matches, else -1. Pattern bytes at or past `pEnd`
 * read as 0, like the NUL that ends an sds string.
 */
function matchElement(pat: Uint8Array, p: number, pEnd: number, c: number, nocase: boolean): number {
  const b = pat[p]!;
  if (b === QMARK) return p + 1;
  if (b === LBRACKET) {
    p++;
    const not = p < pEnd && pat[p] === CARET;
    if (not) p++;
    let match = false;
    for (;;) {
      const q = p < pEnd ? pat[p]! : 0;
      if (q === BACKSLASH && pEnd - p >= 2) {
        p++;
        if (pat[p] === c) match = true;
      } else if (q === RBRACKET) {
        break;
      } else if (p >= pEnd) {
        p--; // unterminated: the class ends with the pattern
        break;
      } else if (pEnd - p >= 3 && pat[p + 1] === DASH) {
        let start = signed(q);
        let end = signed(pat[p + 2]!);
        let sc = signed(c);
        if (start > end) {
          const t = start;
          start = end;
          end = t;
        }
        if (nocase) {
          start = lower(start);
          end = lower(end);
          sc = lower(sc);
        }
        p += 2;
        if (sc >= start && sc <= end) match = true;
      } else if (nocase ? lower(q) === lower(c) : q === c) {
        match = true;
      }
      p++;
    }
    if (not) match = !match;
    return match ? p + 1 : -1;
  }
  if (b === BACKSLASH && pEnd - p >= 2) p++;
  const q = pat[p]!;
  return (nocase ? lower(q) === lower(c) : q === c) ? p + 1 : -1;
}

/**
 * True when subject[sStart, sEnd) matches the glob pattern[pStart, pEnd),
 * exactly as stringmatchlen(pattern, plen, subject, slen, nocase).
 */
export function globMatch(
  pattern: Uint8Array,
  pStart: number,
  pEnd: number,
  subject: Uint8Array,
  sStart: number,
  sEnd: number,
  nocase = false,
): boolean {
  // The C loop never runs on an empty subject: only an empty pattern matches.
  if (sStart >= sEnd) return pStart >= pEnd;
  let p = pStart;
  let s = sStart;
  // The last star seen: where the pattern after it starts, and the subject
  // position the current attempt at that rest started from.
  let restP = -1;
  let restS = -1;
  let stars = 0;
  while (s < sEnd) {
    if (p < pEnd && pattern[p] === STAR) {
      while (p + 1 < pEnd && pattern[p + 1] === STAR) p++;
      if (p + 1 === pEnd) return true;
      if (++stars > MAX_STAR_NESTING) return false;
      restP = p + 1;
      restS = s;
      p = restP;
      continue;
    }
    const next = p < pEnd ? matchElement(pattern, p, pEnd, subject[s]!, nocase) : -1;
    if (next >= 0) {
      p = next;
      s++;
      continue;
    }
    if (restP < 0) return false;
    // Let the last star swallow one more byte and retry the rest after it.
    s = ++restS;
    p = restP;
  }
  while (p < pEnd && pattern[p] === STAR) p++;
  return p === pEnd;
}

/** Reused buffers for globMatchStr, grown on demand. */
let patBuf: Uint8Array = new Uint8Array(256);
let subjBuf: Uint8Array = new Uint8Array(256);

function toLatin1(str: string, buf: Uint8Array): Uint8Array {
  const out = str.length > buf.length ? new Uint8Array(str.length * 2) : buf;
  for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
  return out;
}

/** globMatch over latin1 strings (one byte per char, low 8 bits). */
export function globMatchStr(pattern: string, subject: string, nocase = false): boolean {
  patBuf = toLatin1(pattern, patBuf);
  subjBuf = toLatin1(subject, subjBuf);
  return globMatch(patBuf, 0, pattern.length, subjBuf, 0, subject.length, nocase);
}
