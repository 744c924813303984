/**
 * Bit-exact emulation of the x87 80-bit `long double` arithmetic Redis 7.0 uses on x86_64 for
 * INCRBYFLOAT / HINCRBYFLOAT: glibc strtold() parsing (string2ld), correctly rounded addition and
 * "%.17Lf" human formatting (ld2string LD_STR_HUMAN). Pure functions over BigInt, no storage.
 */

/** value = (-1)^neg * mant * 2^exp. Finite normals have 2^63 <= mant < 2^64; subnormals have exp = MIN_EXP. */
export interface LongDouble {
  readonly kind: 'finite' | 'inf' | 'nan';
  readonly neg: boolean;
  readonly mant: bigint;
  readonly exp: number;
}

/** Exponent of the smallest subnormal (2^-16445) and of the ulp of the largest binade. */
const MIN_EXP = -16445;
const MAX_EXP = 16383 - 63;
/** Redis MAX_LONG_DOUBLE_CHARS: string2ld() rejects inputs of this length or longer. */
const MAX_LONG_DOUBLE_CHARS = 5 * 1024;
const TWO64 = 1n << 64n;
const TWO63 = 1n << 63n;
const TWO66 = 1n << 66n;
const TEN17 = 10n ** 17n;
/** Clamp for parsed exponents: any magnitude beyond this over/underflows regardless of digit count. */
const EXP_CLAMP = 1_000_000;

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  if (n >= 400) return 10n ** BigInt(n);
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[n]!;
}

/** Number of significant bits of x > 0. */
function bitLen(x: bigint): number {
  if (x < 0x100000000n) return 32 - Math.clz32(Number(x));
  if (x < 0x20000000000000n) return 64 - Math.clz32(Math.floor(Number(x) / 4294967296));
  const s = x.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

const ZERO: LongDouble = { kind: 'finite', neg: false, mant: 0n, exp: 0 };
const NEG_ZERO: LongDouble = { kind: 'finite', neg: true, mant: 0n, exp: 0 };
const INF: LongDouble = { kind: 'inf', neg: false, mant: 0n, exp: 0 };
const NEG_INF: LongDouble = { kind: 'inf', neg: true, mant: 0n, exp: 0 };
const NAN: LongDouble = { kind: 'nan', neg: false, mant: 0n, exp: 0 };

function zero(neg: boolean): LongDouble { return neg ? NEG_ZERO : ZERO; }
function inf(neg: boolean): LongDouble { return neg ? NEG_INF : INF; }

/**
 * Rounds (-1)^neg * (p / q) * 2^e2 (p, q > 0) to the nearest long double, ties to even, with
 * gradual underflow. Overflow gives +-inf; a result that rounds to zero gives a signed zero
 * (for a nonzero input glibc then reports ERANGE, which string2ld() rejects).
 */
function roundRational(neg: boolean, p: bigint, q: bigint, e2: number): LongDouble {
  const top = bitLen(p) - bitLen(q) + e2; // floor(log2(value)) is top - 1 or top
  if (top > 16385) return inf(neg);
  if (top < MIN_EXP - 2) return zero(neg);
  let u = top - 64; // ulp exponent if floor(log2) == top - 1
  const clamped = u < MIN_EXP;
  if (clamped) u = MIN_EXP;
  const t = u - 2; // keep two extra bits (guard + round) and a sticky flag
  const shift = e2 - t;
  let num = p;
  let den = q;
  if (shift >= 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  let m0: bigint;
  let sticky: boolean;
  if (den === 1n) {
    m0 = num;
    sticky = false;
  } else {
    m0 = num / den;
    sticky = m0 * den !== num;
  }
  // 67 bits means floor(log2) == top: the ulp is one bit coarser (never when clamped to subnormal).
  const drop = !clamped && m0 >= TWO66 ? 3 : 2;
  const dropN = BigInt(drop);
  let m = m0 >> dropN;
  const rest = m0 - (m << dropN);
  const half = 1n << (dropN - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  let exp = t + drop;
  if (m === TWO64) {
    m = TWO63;
    exp += 1;
  }
  if (m === 0n) return zero(neg);
  if (exp > MAX_EXP) return inf(neg);
  return { kind: 'finite', neg, mant: m, exp };
}

const DEC_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const HEX_RE = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const INF_RE = /^[+-]?inf(?:inity)?$/i;

function parseExp(s: string | undefined): number {
  if (s === undefined) return 0;
  const v = Number(s);
  return v > EXP_CLAMP ? EXP_CLAMP : v < -EXP_CLAMP ? -EXP_CLAMP : v;
}

/** Parses a Redis long double argument like string2ld(): returns null when invalid. */
export function parseLongDouble(bytes: Uint8Array): LongDouble | null {
  const len = bytes.length;
  if (len === 0 || len >= MAX_LONG_DOUBLE_CHARS) return null;
  // strtold() stops at an embedded NUL and string2ld() also requires eptr - buf == len.
  let s = '';
  for (let i = 0; i < len; i++) {
    const c = bytes[i]!;
    if (c === 0 || c >= 128) return null;
    s += String.fromCharCode(c);
  }
  let m = DEC_RE.exec(s);
  if (m !== null) {
    const intDigits = m[2]!;
    const fracDigits = m[3] ?? '';
    if (intDigits.length + fracDigits.length === 0) return null;
    const neg = m[1] === '-';
    let digits = (intDigits + fracDigits).replace(/^0+/, '');
    let e10 = parseExp(m[4]) - fracDigits.length;
    if (digits.length === 0) return zero(neg);
    const trimmed = digits.replace(/0+$/, '');
    e10 += digits.length - trimmed.length;
    digits = trimmed;
    const nd = digits.length;
    if (nd - 1 + e10 > 4933) return null; // overflow: ERANGE + HUGE_VAL
    if (nd + e10 < -4952) return null; // rounds to zero: ERANGE
    const d = BigInt(digits);
    const r = e10 >= 0 ? roundRational(neg, d * pow10(e10), 1n, 0) : roundRational(neg, d, pow10(-e10), 0);
    return r.kind === 'finite' && r.mant !== 0n ? r : null;
  }
  m = HEX_RE.exec(s);
  if (m !== null) {
    const intDigits = m[2]!;
    const fracDigits = m[3] ?? '';
    if (intDigits.length + fracDigits.length === 0) return null;
    const neg = m[1] === '-';
    const digits = (intDigits + fracDigits).replace(/^0+/, '');
    if (digits.length === 0) return zero(neg);
    const h = BigInt('0x' + digits);
    const r = roundRational(neg, h, 1n, parseExp(m[4]) - 4 * fracDigits.length);
    return r.kind === 'finite' && r.mant !== 0n ? r : null;
  }
  if (INF_RE.test(s)) return inf(s[0] === '-');
  return null; // includes every NaN spelling: isnan(value) is rejected
}

/** Adds two values with 80-bit rounding (round-to-nearest-even, 64-bit mantissa). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.neg !== a.neg ? NAN : a;
  if (b.kind === 'inf') return b;
  if (a.mant === 0n) return b.mant === 0n ? zero(a.neg && b.neg) : b;
  if (b.mant === 0n) return a;
  // When one operand is below a quarter ulp of the other (a normal), the sum rounds back to it.
  if (b.exp + bitLen(b.mant) <= a.exp - 2) return a;
  if (a.exp + bitLen(a.mant) <= b.exp - 2) return b;
  const e = Math.min(a.exp, b.exp);
  const av = a.mant << BigInt(a.exp - e);
  const bv = b.mant << BigInt(b.exp - e);
  const sum = (a.neg ? -av : av) + (b.neg ? -bv : bv);
  if (sum === 0n) return ZERO;
  return sum < 0n ? roundRational(true, -sum, 1n, e) : roundRational(false, sum, 1n, e);
}

export function isFiniteLongDouble(x: LongDouble): boolean {
  return x.kind === 'finite';
}

/** Formats like Redis ld2string(..., LD_STR_HUMAN): "%.17Lf", trailing zeros and a trailing '.' removed, "-0" -> "0". */
export function formatLongDouble(x: LongDouble): string {
  if (x.kind === 'nan') return x.neg ? '-nan' : 'nan';
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  const sign = x.neg ? '-' : '';
  if (x.mant === 0n) return '0';
  if (x.exp >= 0) return sign + (x.mant << BigInt(x.exp)).toString();
  const k = -x.exp;
  const scaled = x.mant * TEN17;
  let q: bigint;
  if (k > bitLen(scaled)) {
    q = 0n; // below half a unit of the 17th decimal: rounds to zero
  } else {
    const kN = BigInt(k);
    q = scaled >> kN;
    const r = scaled - (q << kN);
    const half = 1n << (kN - 1n);
    // glibc printf rounds the exact binary value in the current mode: nearest, ties to even.
    if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  }
  if (q === 0n) return '0';
  const digits = q.toString().padStart(18, '0');
  const intPart = digits.slice(0, -17);
  const frac = digits.slice(-17).replace(/0+$/, '');
  return sign + (frac.length > 0 ? intPart + '.' + frac : intPart);
}

/** Convenience used by the INCRBYFLOAT command: returns the new string value, or an error code. */
export function incrByFloat(
  current: Uint8Array | null,
  incr: Uint8Array,
): { ok: true; value: string } | { ok: false; error: 'NOT_FLOAT_VALUE' | 'NOT_FLOAT_INCR' | 'NAN_OR_INF' } {
  const value = current === null ? ZERO : parseLongDouble(current);
  if (value === null) return { ok: false, error: 'NOT_FLOAT_VALUE' };
  const by = parseLongDouble(incr);
  if (by === null) return { ok: false, error: 'NOT_FLOAT_INCR' };
  const sum = addLongDouble(value, by);
  if (sum.kind !== 'finite') return { ok: false, error: 'NAN_OR_INF' };
  return { ok: true, value: formatLongDouble(sum) };
}
