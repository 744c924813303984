/**
 * LZF (liblzf 3.6 as built into Redis: HLOG 16, VERY_FAST, no INIT_HTAB;
 * lzf_compress / lzf_decompress), the compression of RDB strings. The compressor follows
 * the reference algorithm step by step so that its output matches Redis's
 * byte for byte. Redis leaves the hash table uninitialised: it is the stack
 * frame of the previous call, so stale slots of the previous input can
 * yield matches in the next one (a multi-node list's second node compresses
 * differently, measured: 1 byte in 4 KB). The table is therefore kept across
 * calls and emptied only by lzfReset(), at the start of a payload.
 *
 *   000LLLLL <L+1 bytes>          literal run
 *   LLLooooo oooooooo             back reference, length L+2 (L < 7)
 *   111ooooo LLLLLLLL oooooooo    back reference, length L+9
 */

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** Positions + 1 of the last occurrence of each hash (0 = none), kept between calls as Redis's stack is. */
const htab = new Int32Array(HSIZE);

/** Empties the hash table, as fresh stack pages are (before the first string of a payload). */
export function lzfReset(): void {
  htab.fill(0);
}

function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/**
 * Compresses input[0, inLen) into out (at most outLen bytes); returns the
 * compressed length, or 0 when the result would not fit (lzf_compress).
 */
export function lzfCompress(input: Uint8Array, out: Uint8Array, outLen: number): number {
  const inLen = input.length;
  if (inLen === 0 || outLen === 0) return 0;
  let ip = 0;
  let op = 0;
  const inEnd = inLen;
  const outEnd = outLen;
  let lit = 0;
  op++; // start run
  let hval = ((input[0]! << 8) | input[1]!) >>> 0;
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | input[ip + 2]!) >>> 0;
    const slot = idx(hval);
    const ref = htab[slot]! - 1;
    htab[slot] = ip + 1;
    let off = 0;
    if (
      ref > 0 && ref < ip && (off = ip - ref - 1) < MAX_OFF &&
      input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]
    ) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      out[op - lit - 1] = lit - 1; // stop run
      op -= lit === 0 ? 1 : 0; // undo run if length is zero
      if (op + 3 + 1 >= outEnd) return 0;
      // The reference compares 16 bytes unrolled without the maxlen bound
      // when more than 16 remain, so a match can end up to 2 bytes past it.
      let mismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16; k++) {
          len++;
          if (input[ref + len] !== input[ip + len]) {
            mismatch = true;
            break;
          }
        }
      }
      if (!mismatch) {
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
      }
      len -= 2; // now the number of octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      // VERY_FAST: hash the last two positions of the match.
      ip -= 2;
      hval = ((input[ip]! << 8) | input[ip + 1]!) >>> 0;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
    } else {
      if (op >= outEnd) return 0;
      lit++;
      out[op++] = input[ip++]!;
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outEnd) return 0;
  while (ip < inEnd) {
    lit++;
    out[op++] = input[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1;
  op -= lit === 0 ? 1 : 0;
  return op;
}

/**
 * Decompresses src[start, end) into a buffer of exactly `outLen` bytes;
 * null when the data is corrupt or does not fill it exactly.
 */
export function lzfDecompress(src: Uint8Array, start: number, end: number, outLen: number): Buffer | null {
  const out = Buffer.allocUnsafe(outLen);
  return lzfDecompressInto(src, start, end, out, outLen) ? out : null;
}

/** lzfDecompress() into out[0, outLen) (out may be bigger); false when malformed. */
export function lzfDecompressInto(src: Uint8Array, start: number, end: number, out: Buffer, outLen: number): boolean {
  let ip = start;
  let op = 0;
  while (ip < end) {
    let ctrl = src[ip++]!;
    if (ctrl < 1 << 5) {
      ctrl++;
      if (op + ctrl > outLen || ip + ctrl > end) return false;
      for (let k = 0; k < ctrl; k++) out[op++] = src[ip++]!;
    } else {
      let len = ctrl >>> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= end) return false;
      if (len === 7) {
        len += src[ip++]!;
        if (ip >= end) return false;
      }
      ref -= src[ip++]!;
      len += 2;
      if (op + len > outLen || ref < 0) return false;
      const dist = op - ref;
      if (dist === 1) {
        // A run of one byte (the common case of repetitive values).
        out.fill(out[ref]!, op, op + len);
        op += len;
      } else if (dist >= len && len >= 16) {
        out.copyWithin(op, ref, ref + len);
        op += len;
      } else {
        // Byte by byte: the reference overlaps the bytes it produces.
        for (let k = 0; k < len; k++) out[op++] = out[ref++]!;
      }
    }
  }
  return op === outLen;
}
