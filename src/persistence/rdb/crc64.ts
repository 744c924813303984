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

/** A CRC in progress (or done): the register's halves. */
export interface Crc64 {
  hi: number;
  lo: number;
}

/** Continues `crc` over buf[start, end) (Redis's crc64(crc, s, l)). */
export function crc64Update(crc: Crc64, buf: Uint8Array, start = 0, end = buf.length): Crc64 {
  let lo = crc.lo;
  let hi = crc.hi;
  for (let i = start; i < end; i++) {
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
