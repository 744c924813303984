/**
 * maxMemory for the embedded Cache: a byte count, or a size written as in
 * redis.conf ('100mb', '1gb', '512k'), parsed by the config module's rules.
 */
import { parseMemory as parseConfigMemory } from '../config/values.js';

export function parseMemory(v: number | string): number {
  if (typeof v === 'number') {
    if (!(v >= 0 && Number.isSafeInteger(v))) throw new RangeError(`Cache: maxMemory must be a byte count >= 0, got ${v}`);
    return v;
  }
  const n = parseConfigMemory(v);
  if (n === null || n < 0) throw new RangeError(`Cache: maxMemory '${v}' is not a size (use bytes, or e.g. '100mb', '1gb')`);
  return n;
}
