/**
 * HyperLogLog cardinality as Redis 7.0 computes it: a histogram of register
 * values fed to Otmar Ertl's estimator ("New cardinality estimation
 * algorithms for HyperLogLog sketches", arXiv:1702.01284; hllSigma/hllTau),
 * and the register-wise maximum used by PFCOUNT over several keys and PFMERGE.
 */
import { HLL_DENSE, HLL_HDR, HLL_REGISTERS, denseGet } from './hyperloglog.js';

const Q = 50;
const ALPHA_INF = 0.721347520444481703680;
/** Register value counts; values up to 63 can be met in a dense value. */
const histo = new Int32Array(64);

/** Set by hllCount() when a sparse value's opcodes do not cover 16384 registers. */
export const countStatus = { invalid: false };

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let zPrime: number;
  let y = 1;
  let z = x;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let zPrime: number;
  let y = 1.0;
  let z = 1 - x;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (zPrime !== z);
  return z / 3;
}

function estimate(): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histo[Q + 1]!) / m);
  for (let j = Q; j >= 1; --j) {
    z += histo[j]!;
    z *= 0.5;
  }
  z += m * sigma(histo[0]! / m);
  // llroundl(): half away from zero, the same as Math.round for a positive value.
  const e = Math.round((ALPHA_INF * m * m) / z);
  // Beyond int64 (registers piled up past 49) llroundl gives LLONG_MIN, read back as uint64 2^63.
  return e < 9223372036854775808 ? e : 9223372036854775808;
}

/**
 * Estimates are integer-valued doubles; 2^63 stands for Redis's overflow
 * (llroundl out of range), which PFCOUNT answers as -2^63 (see cardReply).
 */

/** hllCount() of the HLL value mem[s, s + len) (already checked by isHll). */
export function hllCount(mem: Uint8Array, s: number, len: number): number {
  histo.fill(0);
  countStatus.invalid = false;
  if (mem[s + 4] === HLL_DENSE) {
    const r = s + HLL_HDR;
    for (let i = 0; i < HLL_REGISTERS; i++) histo[denseGet(mem, r, i)]!++;
  } else {
    const end = s + len;
    let p = s + HLL_HDR;
    let idx = 0;
    while (p < end) {
      const op = mem[p]!;
      if ((op & 0xc0) === 0) {
        const run = (op & 0x3f) + 1;
        idx += run;
        histo[0] += run;
        p++;
      } else if ((op & 0xc0) === 0x40) {
        const run = (((op & 0x3f) << 8) | (p + 1 < end ? mem[p + 1]! : 0)) + 1;
        idx += run;
        histo[0] += run;
        p += 2;
      } else {
        const run = (op & 3) + 1;
        idx += run;
        histo[((op >> 2) & 0x1f) + 1] += run;
        p++;
      }
    }
    if (idx !== HLL_REGISTERS) countStatus.invalid = true;
  }
  return estimate();
}

/** hllCount() of raw 8-bit registers (the merged maximum). */
export function rawCount(max: Uint8Array): number {
  histo.fill(0);
  for (let i = 0; i < HLL_REGISTERS; i++) histo[max[i]!]!++;
  return estimate();
}

/** hllMerge(): max[i] = max(max[i], register i); false when a sparse value is corrupt. */
export function hllMerge(max: Uint8Array, mem: Uint8Array, s: number, len: number): boolean {
  if (mem[s + 4] === HLL_DENSE) {
    const r = s + HLL_HDR;
    for (let i = 0; i < HLL_REGISTERS; i++) {
      const v = denseGet(mem, r, i);
      if (v > max[i]!) max[i] = v;
    }
    return true;
  }
  const end = s + len;
  let p = s + HLL_HDR;
  let i = 0;
  while (p < end) {
    const op = mem[p]!;
    if ((op & 0xc0) === 0) {
      i += (op & 0x3f) + 1;
      p++;
    } else if ((op & 0xc0) === 0x40) {
      i += (((op & 0x3f) << 8) | (p + 1 < end ? mem[p + 1]! : 0)) + 1;
      p += 2;
    } else {
      let run = (op & 3) + 1;
      const v = ((op >> 2) & 0x1f) + 1;
      if (run + i > HLL_REGISTERS) return false;
      while (run-- > 0) {
        if (v > max[i]!) max[i] = v;
        i++;
      }
      p++;
    }
  }
  return i === HLL_REGISTERS;
}

/** The estimate as PFCOUNT answers it (a long long: 2^63 wraps to -2^63). */
export function cardReply(card: number): number | bigint {
  if (card <= 9007199254740991) return card;
  return BigInt.asIntN(64, BigInt(card));
}

/** Writes the estimate as the cached cardinality (8 bytes little-endian at mem[s + 8]). */
export function storeCard(mem: Uint8Array, s: number, card: number): void {
  let c = BigInt(card);
  for (let k = 8; k < 16; k++) {
    mem[s + k] = Number(c & 0xffn);
    c >>= 8n;
  }
}
