/**
 * What SCAN, HSCAN, SSCAN and ZSCAN share (Redis's scanGenericCommand()):
 * the cursor, the COUNT / MATCH (/ TYPE) options with their errors, the
 * empty answer for a missing key, and the MATCH test.
 */
import type { Args } from '../args.js';
import type { Reply } from '../reply.js';
import { NOT_INTEGER, SYNTAX } from '../errors.js';
import { keyword } from '../strings/set-generic.js';
import { globMatch } from '../../engine/glob.js';
import { cString } from './c-string.js';

export const INVALID_CURSOR = 'ERR invalid cursor';
const ULONG_MAX = 18446744073709551615n;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * The cursor as parseScanCursorOrReply() reads it: strtoul() over the C
 * string (an optional sign, digits, nothing after; "" is 0; "-1" wraps), no
 * leading space, no overflow. Returns -1 when invalid. Cursors beyond the
 * engine's slot range all mean "past the end".
 */
export function parseCursor(args: Args, i: number): number {
  const buf = args.buf;
  let p = args.start(i);
  let end = args.end(i);
  for (let q = p; q < end; q++) {
    if (buf[q] === 0) {
      end = q;
      break;
    }
  }
  if (p === end) return 0;
  if (isSpace(buf[p]!)) return -1;
  let neg = false;
  if (buf[p] === 43 /* + */ || buf[p] === 45 /* - */) {
    neg = buf[p] === 45;
    p++;
  }
  if (p === end) return -1;
  let v = 0n;
  for (; p < end; p++) {
    const d = buf[p]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10n + BigInt(d);
    if (v > ULONG_MAX) return -1;
  }
  if (neg && v !== 0n) v = ULONG_MAX + 1n - v;
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** The options after the cursor (or key), reused from call to call. */
export interface ScanOptions {
  count: number;
  /** MATCH pattern's range in args.buf; usePattern false for none or "*". */
  usePattern: boolean;
  patStart: number;
  patEnd: number;
  /** SCAN's TYPE, lower case; null when not given. */
  typeName: string | null;
}

const options: ScanOptions = { count: 10, usePattern: false, patStart: 0, patEnd: 0, typeName: null };

/**
 * Parses COUNT, MATCH and (for SCAN only) TYPE from argument `from`;
 * null after replying the error, as Redis does.
 */
export function parseScanOptions(args: Args, from: number, allowType: boolean, reply: Reply): ScanOptions | null {
  const o = options;
  o.count = 10;
  o.usePattern = false;
  o.typeName = null;
  for (let i = from; i < args.count; ) {
    const left = args.count - i;
    if (left >= 2 && keyword(args, i, 'count')) {
      const n = args.int64(i + 1);
      if (n === null) {
        reply.error(NOT_INTEGER);
        return null;
      }
      if (n < 1) {
        reply.error(SYNTAX);
        return null;
      }
      o.count = Number(n);
      i += 2;
    } else if (left >= 2 && keyword(args, i, 'match')) {
      o.patStart = args.start(i + 1);
      o.patEnd = args.end(i + 1);
      // "*" matches everything: Redis skips the matching.
      o.usePattern = !(o.patEnd - o.patStart === 1 && args.buf[o.patStart] === 42);
      i += 2;
    } else if (allowType && left >= 2 && keyword(args, i, 'type')) {
      o.typeName = cString(args, i + 1).toLowerCase();
      i += 2;
    } else {
      reply.error(SYNTAX);
      return null;
    }
  }
  return o;
}

/** Whether bytes mem[s, e) pass the MATCH option. */
export function scanMatches(args: Args, o: ScanOptions, mem: Uint8Array, s: number, e: number): boolean {
  return !o.usePattern || globMatch(args.buf, o.patStart, o.patEnd, mem, s, e);
}

/** The reply for a missing key: cursor 0 and no elements. */
export function replyEmptyScan(reply: Reply): void {
  reply.array(2);
  reply.bulkStr('0');
  reply.array(0);
}
