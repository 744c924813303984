/**
 * Arguments seen as C strings: Redis compares option words and formats them
 * into errors with strcasecmp()/%s, which stop at the first NUL byte.
 */
import type { Args } from '../args.js';

/** Argument `i` as text (one char per byte) up to its first NUL byte. */
export function cString(args: Args, i: number): string {
  const buf = args.buf;
  const start = args.start(i);
  const end = args.end(i);
  let p = start;
  while (p < end && buf[p] !== 0) p++;
  return buf.latin1Slice(start, p);
}
