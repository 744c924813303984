/**
 * The string type: encodings chosen as Redis 7.0's tryObjectEncoding() does
 * (int for canonical int64 text of at most 20 bytes, embstr up to 44 bytes,
 * raw beyond) and byte access to a value whatever its encoding.
 */
import type { Database, StringValue } from '../keyspace.js';
import { Encoding, KeyType, NO_KEY, WRONG_TYPE } from '../status.js';
import { parseInt64 } from './int64.js';

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
export const EMBSTR_LIMIT = 44;

/** Stores bytes as a string value, picking the encoding; returns the slot. */
export function putString(db: Database, key: string, src: Uint8Array, start: number, end: number, keepTtl = false): number {
  const k = Buffer.from(key, 'latin1');
  return putStringAt(db, k, 0, k.length, src, start, end, keepTtl);
}

/** putString with the key given as bytes (the SET hot path). */
export function putStringAt(db: Database, kbuf: Uint8Array, kstart: number, kend: number, src: Uint8Array, start: number, end: number, keepTtl = false): number {
  const len = end - start;
  if (len <= 20) {
    const n = parseInt64(src, start, end);
    if (n !== null) return db.putAt(kbuf, kstart, kend, KeyType.STRING, Encoding.INT, n, keepTtl);
  }
  return db.putBytesAt(kbuf, kstart, kend, len <= EMBSTR_LIMIT ? Encoding.EMBSTR : Encoding.RAW, src, start, end, keepTtl);
}

/**
 * Stores a big value Buffer the caller gives up (a SET value received into a
 * buffer of its own): kept as the value itself, not copied. Raw encoding, as
 * for any value too long for an int or an embstr.
 */
export function putOwnedStringAt(db: Database, kbuf: Uint8Array, kstart: number, kend: number, value: Buffer, keepTtl = false): number {
  return db.putAt(kbuf, kstart, kend, KeyType.STRING, Encoding.RAW, value, keepTtl);
}

/** Stores an integer value with the int encoding. */
export function putInteger(db: Database, key: string, n: number | bigint, keepTtl: boolean): number {
  return db.put(key, KeyType.STRING, Encoding.INT, n, keepTtl);
}

/** Stores an owned buffer with an explicit encoding (APPEND and SETRANGE make raw strings). */
export function putBuffer(db: Database, key: string, value: Buffer, enc: Encoding, keepTtl: boolean): number {
  return db.put(key, KeyType.STRING, enc, value, keepTtl);
}

/** The value's bytes; allocates only for the int encoding. */
export function stringBytes(v: StringValue): Buffer {
  if (typeof v === 'object') return v;
  return Buffer.from(String(v), 'latin1');
}

/** Length in bytes of a string value (STRLEN). */
export function stringLength(v: StringValue): number {
  if (typeof v === 'object') return v.length;
  return String(v).length;
}

export { WRONG_TYPE } from '../status.js';

/** Finds a string key for reading: the slot, NO_KEY, or WRONG_TYPE. */
export function lookupString(db: Database, key: string): number {
  const slot = db.lookupRead(key);
  if (slot === NO_KEY) return NO_KEY;
  return db.type(slot) === KeyType.STRING ? slot : WRONG_TYPE;
}

/** lookupString with the key given as bytes (the GET hot path). */
export function lookupStringAt(db: Database, buf: Uint8Array, start: number, end: number): number {
  const slot = db.lookupReadAt(buf, start, end);
  if (slot === NO_KEY) return NO_KEY;
  return db.type(slot) === KeyType.STRING ? slot : WRONG_TYPE;
}
