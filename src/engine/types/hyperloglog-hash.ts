/**
 * MurmurHash64A (Austin Appleby) with HyperLogLog's seed, and hllPatLen():
 * which register an element lands in and the length of its 000..1 run, bit
 * for bit as Redis computes them. 64-bit products are done on 32-bit halves,
 * so hashing allocates nothing (a bigint version is ~20x slower).
 */

const SEED = 0xadc83b19;
const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

/** The product of the last mul(): its high and low 32 bits. */
let rh = 0;
let rl = 0;

/** Low 64 bits of (ah:al) * (bh:bl), into rh:rl. */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rl = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const hi = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  rh = (hi + Math.imul(al, bh) + Math.imul(ah, bl)) >>> 0;
}

/** Set by murmur64a(): the hash's high and low 32 bits. */
export const hash = { hi: 0, lo: 0 };

/** MurmurHash64A of buf[start, end) with Redis's HLL seed, into `hash`. */
export function murmur64a(buf: Uint8Array, start: number, end: number): void {
  const len = end - start;
  mul(0, len, M_HI, M_LO);
  let hh = rh;
  let hl = (rl ^ SEED) >>> 0;
  const stop = start + (len - (len & 7));
  let p = start;
  for (; p < stop; p += 8) {
    let kl = (buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24)) >>> 0;
    let kh = (buf[p + 4]! | (buf[p + 5]! << 8) | (buf[p + 6]! << 16) | (buf[p + 7]! << 24)) >>> 0;
    mul(kh, kl, M_HI, M_LO);
    kh = rh;
    kl = (rl ^ (kh >>> 15)) >>> 0; // k ^= k >> 47
    mul(kh, kl, M_HI, M_LO);
    hh = (hh ^ rh) >>> 0;
    hl = (hl ^ rl) >>> 0;
    mul(hh, hl, M_HI, M_LO);
    hh = rh;
    hl = rl;
  }
  const tail = len & 7;
  if (tail > 0) {
    if (tail >= 7) hh ^= buf[p + 6]! << 16;
    if (tail >= 6) hh ^= buf[p + 5]! << 8;
    if (tail >= 5) hh ^= buf[p + 4]!;
    if (tail >= 4) hl ^= buf[p + 3]! << 24;
    if (tail >= 3) hl ^= buf[p + 2]! << 16;
    if (tail >= 2) hl ^= buf[p + 1]! << 8;
    hl ^= buf[p]!;
    mul(hh >>> 0, hl >>> 0, M_HI, M_LO);
    hh = rh;
    hl = rl;
  }
  hl = (hl ^ (hh >>> 15)) >>> 0;
  mul(hh, hl, M_HI, M_LO);
  hh = rh;
  hl = (rl ^ (rh >>> 15)) >>> 0;
  hash.hi = hh;
  hash.lo = hl;
}

/** Set by patLen(): the register the element maps to. */
export const pat = { index: 0 };

/**
 * hllPatLen(): hashes an element; the low 14 bits pick the register
 * (pat.index) and the returned count is 1 + the number of zero bits that
 * follow them (at most 51: bit 50 of the shifted hash is forced to 1).
 */
export function patLen(buf: Uint8Array, start: number, end: number): number {
  murmur64a(buf, start, end);
  pat.index = hash.lo & 0x3fff;
  // hash >> 14, with bit 50 set.
  const lo = ((hash.lo >>> 14) | (hash.hi << 18)) >>> 0;
  if (lo !== 0) return 32 - Math.clz32(lo & -lo);
  const hi = (hash.hi >>> 14) | (1 << 18);
  return 32 + 32 - Math.clz32(hi & -hi);
}
