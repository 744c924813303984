/**
 * Byte-level integer parsing with Redis's string2ll() rules: optional '-',
 * no '+', no leading zeros, no spaces, must fit in int64. Pure functions with
 * no storage in them, shared by the engine, the command layer and the RESP parser.
 */

/** Parses a small non-negative-or-negative length; returns NaN when not a valid int64 or beyond 2^53. */
export function parseLength(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len === 0 || len > 20) return NaN;
  let p = start;
  let neg = false;
  if (buf[p] === 45 /* - */) {
    neg = true;
    p++;
    if (p === end) return NaN;
  }
  const first = buf[p]!;
  if (first === 48 /* 0 */) return len === 1 ? 0 : NaN;
  if (first < 49 || first > 57) return NaN;
  let v = 0;
  for (; p < end; p++) {
    const c = buf[p]! - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  if (v > Number.MAX_SAFE_INTEGER) return NaN;
  return neg ? -v : v;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Parses an int64 like string2ll(). Returns a number when it is exactly
 * representable (|v| <= 2^53), a bigint when larger, null when invalid.
 */
export function parseInt64(buf: Uint8Array, start: number, end: number): number | bigint | null {
  const len = end - start;
  if (len === 0 || len > 20) return null;
  let p = start;
  let neg = false;
  if (buf[p] === 45) {
    neg = true;
    p++;
    if (p === end) return null;
  }
  const first = buf[p]!;
  if (first === 48) return len === 1 ? 0 : null;
  if (first < 49 || first > 57) return null;
  let v = 0;
  const digitsStart = p;
  for (; p < end; p++) {
    const c = buf[p]! - 48;
    if (c < 0 || c > 9) return null;
    v = v * 10 + c;
  }
  if (v <= Number.MAX_SAFE_INTEGER) return neg ? -v : v;
  let big = 0n;
  for (let q = digitsStart; q < end; q++) big = big * 10n + BigInt(buf[q]! - 48);
  if (neg) big = -big;
  if (big > INT64_MAX || big < INT64_MIN) return null;
  return big;
}

/** Canonical int64 text of a string value? (what Redis stores with the int encoding) */
export function isCanonicalInt64(buf: Uint8Array, start: number, end: number): boolean {
  return parseInt64(buf, start, end) !== null;
}
