/** What the HyperLogLog commands share: their error texts and the check that a key holds a HLL. */
import type { Database } from '../../engine/keyspace.js';
import { Encoding, KeyType } from '../../engine/status.js';
import { StringView } from '../../engine/types/bitmap.js';
import { isHll } from '../../engine/types/hyperloglog.js';
import { WRONGTYPE } from '../errors.js';

export const NOT_HLL = 'WRONGTYPE Key is not a valid HyperLogLog string value.';
export const INVALIDOBJ = 'INVALIDOBJ Corrupted HLL object detected';

/** Points `view` at the HLL held by the key at `pos`; returns an error text when it is not one. */
export function viewHll(db: Database, pos: number, view: StringView): string | null {
  if (db.type(pos) !== KeyType.STRING) return WRONGTYPE;
  // An int-encoded string is never a HLL (and is not read as digits).
  if (db.encoding(pos) === Encoding.INT) return NOT_HLL;
  view.of(db, pos);
  return isHll(view.mem, view.start, view.len) ? null : NOT_HLL;
}

/** Whether the value at `pos` can be changed where it lies: raw, inline in its item (see StringEditor). */
export function editableInPlace(db: Database, pos: number): boolean {
  if (db.encoding(pos) !== Encoding.RAW) return false;
  return db.stringRef(pos) !== null && db.refStart !== 0;
}
