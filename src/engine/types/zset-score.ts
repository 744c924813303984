/**
 * Sorted-set scores and ranges as Redis 7.0 reads them: strtod() over C
 * strings (getDoubleFromObject for scores, zslParseRange for score bounds,
 * zslParseLexRangeItem for lex bounds), and the compact score entry stored
 * in the listpack. Pure functions; members travel as latin1 strings.
 */

/** Set by strtod(): offset just past the parsed number (the start when nothing was parsed). */
let strtodEnd = 0;
/** Set by strtod(): glibc would have set errno = ERANGE and returned +-HUGE_VAL or 0. */
let strtodRange = false;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}
function matchWord(buf: Uint8Array, p: number, e: number, word: string): boolean {
  if (e - p < word.length) return false;
  for (let i = 0; i < word.length; i++) if ((buf[p + i]! | 32) !== word.charCodeAt(i)) return false;
  return true;
}

/** glibc strtod() over buf[s, e) (the caller cuts e at a NUL): the value; strtodEnd and strtodRange as side results. */
function strtod(buf: Uint8Array, s: number, e: number): number {
  strtodRange = false;
  strtodEnd = s;
  let p = s;
  while (p < e && isSpace(buf[p]!)) p++;
  let neg = false;
  if (p < e && (buf[p] === 43 || buf[p] === 45)) {
    neg = buf[p] === 45;
    p++;
  }
  if (matchWord(buf, p, e, 'inf')) {
    strtodEnd = matchWord(buf, p, e, 'infinity') ? p + 8 : p + 3;
    return neg ? -Infinity : Infinity;
  }
  if (matchWord(buf, p, e, 'nan')) {
    let q = p + 3;
    if (q < e && buf[q] === 40) {
      let r = q + 1;
      while (r < e && (isDigit(buf[r]!) || ((buf[r]! | 32) >= 97 && (buf[r]! | 32) <= 122) || buf[r] === 95)) r++;
      if (r < e && buf[r] === 41) q = r + 1;
    }
    strtodEnd = q;
    return NaN;
  }
  if (p + 1 < e && buf[p] === 48 && (buf[p + 1]! | 32) === 120) {
    const v = hexFloat(buf, p + 2, e, neg);
    if (v !== null) return v;
  }
  const numStart = p;
  let digits = 0;
  let nonZero = false;
  let whole = 0;
  while (p < e && isDigit(buf[p]!)) {
    if (buf[p] !== 48) nonZero = true;
    whole = whole * 10 + buf[p]! - 48;
    p++;
    digits++;
  }
  // A plain integer of up to 15 digits is exact in a double: no text to build (most scores).
  if (digits !== 0 && digits <= 15 && (p === e || (buf[p] !== 46 && (buf[p]! | 32) !== 101))) {
    strtodEnd = p;
    return neg ? -whole : whole;
  }
  if (p < e && buf[p] === 46) {
    p++;
    while (p < e && isDigit(buf[p]!)) {
      if (buf[p] !== 48) nonZero = true;
      p++;
      digits++;
    }
  }
  if (digits === 0) return 0;
  if (p < e && (buf[p]! | 32) === 101) {
    let q = p + 1;
    if (q < e && (buf[q] === 43 || buf[q] === 45)) q++;
    if (q < e && isDigit(buf[q]!)) {
      while (q < e && isDigit(buf[q]!)) q++;
      p = q;
    }
  }
  strtodEnd = p;
  let text = '';
  for (let i = numStart; i < p; i++) text += String.fromCharCode(buf[i]!);
  const v = Number(text);
  if (v === Infinity || (v === 0 && nonZero)) strtodRange = true;
  return neg ? -v : v;
}

/** A hexadecimal float after "0x"; null when no hex digit follows (strtod then reads the "0"). */
function hexFloat(buf: Uint8Array, p: number, e: number, neg: boolean): number | null {
  let mant = 0n;
  let digits = 0;
  let exp = 0;
  while (p < e && hexVal(buf[p]!) >= 0) {
    mant = mant * 16n + BigInt(hexVal(buf[p]!));
    p++;
    digits++;
  }
  if (p < e && buf[p] === 46) {
    let q = p + 1;
    let frac = 0;
    while (q < e && hexVal(buf[q]!) >= 0) {
      mant = mant * 16n + BigInt(hexVal(buf[q]!));
      q++;
      frac++;
    }
    if (digits + frac > 0) p = q;
    digits += frac;
    exp -= 4 * frac;
  }
  if (digits === 0) return null;
  if (p < e && (buf[p]! | 32) === 112) {
    let q = p + 1;
    let eneg = false;
    if (q < e && (buf[q] === 43 || buf[q] === 45)) {
      eneg = buf[q] === 45;
      q++;
    }
    if (q < e && isDigit(buf[q]!)) {
      let x = 0;
      while (q < e && isDigit(buf[q]!)) {
        x = Math.min(x * 10 + buf[q]! - 48, 100000);
        q++;
      }
      exp += eneg ? -x : x;
      p = q;
    }
  }
  strtodEnd = p;
  let v = 0;
  if (mant !== 0n) {
    // Number(bigint) rounds to nearest; the power of two is exact unless it leaves the range.
    const bits = mant.toString(2).length;
    if (bits > 64) {
      const drop = bits - 64;
      mant = (mant >> BigInt(drop)) | ((mant & ((1n << BigInt(drop)) - 1n)) !== 0n ? 1n : 0n);
      exp += drop;
    }
    v = Number(mant) * Math.pow(2, exp);
    if (!Number.isFinite(v) && exp > 0) v = Number(mant) * Math.pow(2, exp - 64) * Math.pow(2, 64);
    if (v === 0 && exp < 0) v = Number(mant) * Math.pow(2, exp + 600) * Math.pow(2, -600);
    if (v === Infinity || v === 0) strtodRange = true;
  }
  return neg ? -v : v;
}

/** Index of the first NUL in buf[s, e), or e: strtod() stops at the C string's end. */
function cEnd(buf: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) if (buf[i] === 0) return i;
  return e;
}

/**
 * A score argument as getDoubleFromObject() reads it (ZADD, ZINCRBY, weights):
 * the whole string must parse, no leading space, no overflow or underflow to
 * zero, not NaN. Returns NaN when invalid.
 */
export function parseScore(buf: Uint8Array, s: number, e: number): number {
  if (e === s || isSpace(buf[s]!)) return NaN;
  const v = strtod(buf, s, e);
  if (strtodEnd !== e) return NaN;
  if (strtodRange && (v === 0 || !Number.isFinite(v))) return NaN;
  return v;
}

/** A bound parsed by parseScoreBound(). */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/**
 * One bound of a score range as zslParseRange() reads it: "(" makes it
 * exclusive; strtod() may stop at the C string's end (so "" is 0 and a NUL
 * ends the number); NaN is refused. Returns false when invalid.
 */
export function parseScoreBound(buf: Uint8Array, s: number, e: number, range: ScoreRange, isMax: boolean): boolean {
  let ex = false;
  if (s < e && buf[s] === 40) {
    ex = true;
    s++;
  }
  const end = cEnd(buf, s, e);
  const v = strtod(buf, s, end);
  if (strtodEnd !== end || Number.isNaN(v)) return false;
  if (isMax) {
    range.max = v;
    range.maxex = ex;
  } else {
    range.min = v;
    range.minex = ex;
  }
  return true;
}

/** zslValueGteMin */
export function gteMin(score: number, r: ScoreRange): boolean {
  return r.minex ? score > r.min : score >= r.min;
}
/** zslValueLteMax */
export function lteMax(score: number, r: ScoreRange): boolean {
  return r.maxex ? score < r.max : score <= r.max;
}
/** Whether the score range can hold nothing (zslIsInRange's first test). */
export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

/** Lex bound kinds: '-' and '+' sort before and after every member. */
export const LEX_MIN = -1;
export const LEX_VALUE = 0;
export const LEX_MAX = 1;

export interface LexRange {
  minKind: number;
  maxKind: number;
  min: string;
  max: string;
  minex: boolean;
  maxex: boolean;
}

/** One bound as zslParseLexRangeItem() reads it; false when invalid. */
export function parseLexBound(buf: Uint8Array, s: number, e: number, range: LexRange, isMax: boolean): boolean {
  if (s === e) return false;
  const c = buf[s]!;
  let kind = LEX_VALUE;
  let ex = false;
  let text = '';
  if (c === 43 || c === 45) {
    if (e - s > 1 && buf[s + 1] !== 0) return false;
    kind = c === 43 ? LEX_MAX : LEX_MIN;
    ex = true;
  } else if (c === 40 || c === 91) {
    ex = c === 40;
    for (let i = s + 1; i < e; i++) text += String.fromCharCode(buf[i]!);
  } else {
    return false;
  }
  if (isMax) {
    range.maxKind = kind;
    range.max = text;
    range.maxex = ex;
  } else {
    range.minKind = kind;
    range.min = text;
    range.minex = ex;
  }
  return true;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sdscmplex() of a member with a bound. */
function cmpBound(member: string, kind: number, bound: string): number {
  if (kind === LEX_MIN) return 1;
  if (kind === LEX_MAX) return -1;
  return cmpStr(member, bound);
}

export function lexGteMin(member: string, r: LexRange): boolean {
  const c = cmpBound(member, r.minKind, r.min);
  return r.minex ? c > 0 : c >= 0;
}
export function lexLteMax(member: string, r: LexRange): boolean {
  const c = cmpBound(member, r.maxKind, r.max);
  return r.maxex ? c < 0 : c <= 0;
}
/** Whether the lex range can hold nothing (zslIsInLexRange's first test). */
export function lexRangeEmpty(r: LexRange): boolean {
  let c: number;
  if (r.minKind === r.maxKind && r.minKind !== LEX_VALUE) c = 0;
  else if (r.minKind === LEX_MIN || r.maxKind === LEX_MAX) c = -1;
  else if (r.minKind === LEX_MAX || r.maxKind === LEX_MIN) c = 1;
  else c = cmpStr(r.min, r.max);
  return c > 0 || (c === 0 && (r.minex || r.maxex));
}

/**
 * The score entry of the listpack: an integer score of 0..7 bytes,
 * two's complement little-endian in the fewest bytes (0 bytes for 0), any
 * other double as its 8 IEEE-754 bytes. Integer scores (counters,
 * timestamps, ranks) are the common case and take 1-6 bytes; decoding needs
 * neither a string nor strtod, and every double survives exactly.
 */
export function encodeScore(score: number, out: Uint8Array): number {
  // -0 is stored as 0, as Redis's d2string() writes it into the listpack.
  if (Number.isSafeInteger(score)) {
    let n = 0;
    let v = score;
    // Emit bytes until the rest is pure sign extension of the last byte's top bit.
    while (v !== 0 && v !== -1) {
      out[n++] = ((v % 256) + 256) % 256;
      v = Math.floor(v / 256);
    }
    if (n > 0) {
      const top = out[n - 1]! & 0x80;
      if (v === 0 && top !== 0) out[n++] = 0;
      else if (v === -1 && top === 0) out[n++] = 0xff;
    } else if (v === -1) {
      out[n++] = 0xff;
    }
    return n;
  }
  f64[0] = score;
  for (let i = 0; i < 8; i++) out[i] = f64b[i]!;
  return 8;
}

const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);

/** Reads a score entry written by encodeScore(). */
export function decodeScore(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len === 8) {
    for (let i = 0; i < 8; i++) f64b[i] = buf[s + i]!;
    return f64[0]!;
  }
  if (len === 0) return 0;
  let v = buf[e - 1]! >= 0x80 ? buf[e - 1]! - 256 : buf[e - 1]!;
  for (let i = e - 2; i >= s; i--) v = v * 256 + buf[i]!;
  return v;
}
