/**
 * Typed key lookups for the collection types: the handle of a live key of
 * the wanted type, NO_KEY when there is none, or WRONG_TYPE. Reads count a
 * keyspace hit or miss (Redis's lookupKeyRead); writes do not.
 */
import type { Database } from '../keyspace.js';
import { type KeyType, NO_KEY, WRONG_TYPE } from '../status.js';

export function lookupReadOf(db: Database, type: KeyType, buf: Uint8Array, start: number, end: number): number {
  const pos = db.lookupReadAt(buf, start, end);
  if (pos === NO_KEY) return NO_KEY;
  return db.type(pos) === type ? pos : WRONG_TYPE;
}

export function lookupWriteOf(db: Database, type: KeyType, buf: Uint8Array, start: number, end: number): number {
  const pos = db.lookupWriteAt(buf, start, end);
  if (pos === NO_KEY) return NO_KEY;
  return db.type(pos) === type ? pos : WRONG_TYPE;
}
