/**
 * The start/end [BYTE|BIT] range of BITCOUNT and BITPOS, normalised as Redis
 * 7.0 does: negative indexes count from the end, then clamp to the value.
 */
import type { Args } from '../args.js';

/** The parsed range (bit indexes, inclusive); `empty` when start > end after clamping. */
export const range = { first: 0, last: 0, empty: false, isBit: false };

/**
 * Reads start (`i`), end (`i + 1`, or the value's end when absent) and the
 * unit (`i + 2`) for a value of `len` bytes. Returns an error text, or null.
 * For BITCOUNT (`bitcount`), start < 0, end < 0 and start > end is empty.
 */
export function parseRange(args: Args, i: number, len: number, hasEnd: boolean, hasUnit: boolean, bitcount: boolean): string | null {
  const s0 = args.int64(i);
  if (s0 === null) return NOT_INT;
  // BITCOUNT reads end before the unit, BITPOS the unit before end.
  const e1 = hasEnd && bitcount ? args.int64(i + 1) : 0;
  if (e1 === null) return NOT_INT;
  // BITCOUNT answers 0 for start > end, both negative, before it reads the unit.
  if (bitcount && hasEnd && s0 < 0 && (e1 as number | bigint) < 0 && s0 > (e1 as number | bigint)) {
    range.empty = true;
    return null;
  }
  let isBit = false;
  if (hasUnit) {
    if (args.is(i + 2, 'bit')) isBit = true;
    else if (!args.is(i + 2, 'byte')) return 'ERR syntax error';
  }
  let e0: number | bigint;
  if (hasEnd) {
    const e = bitcount ? e1 : args.int64(i + 1);
    if (e === null) return NOT_INT;
    e0 = e;
  } else {
    e0 = isBit ? len * 8 + 7 : len - 1;
  }
  const total = isBit ? len * 8 : len;
  range.isBit = isBit;
  range.empty = false;
  // Exact comparisons with the length; a bigint beyond it clamps either way.
  let start = s0 < -total ? 0 : s0 < 0 ? total + Number(s0) : s0 > total ? total : Number(s0);
  let end = e0 < -total ? 0 : e0 < 0 ? total + Number(e0) : e0 >= total ? total - 1 : Number(e0);
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (start > end || total === 0) {
    range.empty = true;
    return null;
  }
  range.first = isBit ? start : start * 8;
  range.last = isBit ? end : end * 8 + 7;
  return null;
}

const NOT_INT = 'ERR value is not an integer or out of range';
