/**
 * CRC-64/Jones as Redis's crc64.c computes it (the checksum of DUMP payloads
 * and RDB files): polynomial 0xad93d23594c935a9, reflected input and output,
 * initial value 0, no final xor. Check value: "123456789" -> 0xe9c6d914c4b8d9ca.
 * The 64-bit register is kept as two 32-bit halves so no BigInt is made per byte.
 */

/** The reflected polynomial (0xad93d23594c935a9 with its bits reversed), as halves. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_LO = new Uint32Array(256);
const TABLE_HI = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let lo = n;
  let hi = 0;
  for (let k = 0; k < 8; k++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      lo = (lo ^ POLY_LO) >>> 0;
      hi = (hi ^ POLY_HI) >>> 0;
    }
  }
  TABLE_LO[n] = lo;
  TABLE_HI[n] = hi;
}

// Slice-by-8 (as Redis's crcspeed): table k gives the CRC of a byte followed
// by k zero bytes, so 8 bytes fold in with 8 lookups. Measured: ~3x faster
// than byte at a time on a 31 MB RDB file.
const SLICE_LO = [TABLE_LO];
const SLICE_HI = [TABLE_HI];
for (let k = 1; k < 8; k++) {
  const plo = SLICE_LO[k - 1]!;
  const phi = SLICE_HI[k - 1]!;
  const lo = new Uint32Array(256);
  const hi = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    const idx = plo[n]! & 0xff;
    lo[n] = (TABLE_LO[idx]! ^ ((plo[n]! >>> 8) | (phi[n]! << 24))) >>> 0;
    hi[n] = (TABLE_HI[idx]! ^ (phi[n]! >>> 8)) >>> 0;
  }
  SLICE_LO.push(lo);
  SLICE_HI.push(hi);
}
const [L0, L1, L2, L3, L4, L5, L6, L7] = SLICE_LO as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
const [H0, H1, H2, H3, H4, H5, H6, H7] = SLICE_HI as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];

/** A CRC in progress (or done): the register's halves. */
export interface Crc64 {
  hi: number;
  lo: number;
}

/** Continues `crc` over buf[start, end) (Redis's crc64(crc, s, l)). */
export function crc64Update(crc: Crc64, buf: Uint8Array, start = 0, end = buf.length): Crc64 {
  let lo = crc.lo;
  let hi = crc.hi;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = (lo ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24))) >>> 0;
    const b = (hi ^ (buf[i + 4]! | (buf[i + 5]! << 8) | (buf[i + 6]! << 16) | (buf[i + 7]! << 24))) >>> 0;
    lo = (L7[a & 0xff]! ^ L6[(a >>> 8) & 0xff]! ^ L5[(a >>> 16) & 0xff]! ^ L4[a >>> 24]! ^ L3[b & 0xff]! ^ L2[(b >>> 8) & 0xff]! ^ L1[(b >>> 16) & 0xff]! ^ L0[b >>> 24]!) >>> 0;
    hi = (H7[a & 0xff]! ^ H6[(a >>> 8) & 0xff]! ^ H5[(a >>> 16) & 0xff]! ^ H4[a >>> 24]! ^ H3[b & 0xff]! ^ H2[(b >>> 8) & 0xff]! ^ H1[(b >>> 16) & 0xff]! ^ H0[b >>> 24]!) >>> 0;
  }
  for (; i < end; i++) {
    const idx = (lo ^ buf[i]!) & 0xff;
    lo = (TABLE_LO[idx]! ^ ((lo >>> 8) | (hi << 24))) >>> 0;
    hi = (TABLE_HI[idx]! ^ (hi >>> 8)) >>> 0;
  }
  crc.lo = lo;
  crc.hi = hi;
  return crc;
}

/** The CRC of buf[start, end) from 0. */
export function crc64(buf: Uint8Array, start = 0, end = buf.length): Crc64 {
  return crc64Update({ hi: 0, lo: 0 }, buf, start, end);
}

/** The CRC as a bigint (for tests and messages). */
export function crc64BigInt(crc: Crc64): bigint {
  return (BigInt(crc.hi) << 32n) | BigInt(crc.lo);
}

/** Writes the CRC little-endian (as Redis stores it on little-endian hosts: memrev64ifbe). */
export function writeCrc64LE(crc: Crc64, out: Uint8Array, at: number): void {
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  v.setUint32(at, crc.lo, true);
  v.setUint32(at + 4, crc.hi, true);
}
