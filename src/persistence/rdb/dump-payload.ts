/**
 * DUMP payloads (Redis's createDumpPayload / verifyDumpPayload):
 *
 *   <type byte> <object body> <RDB version u16le> <CRC64 u64le of all that precedes>
 *
 * A payload from an older or equal RDB version is accepted; a newer one or a
 * wrong checksum is refused before anything is parsed.
 */
import { crc64, writeCrc64LE } from './crc64.js';
import { lzfReset } from './lzf.js';
import { RDB_VERSION, RdbReader, RdbWriter, readValue, writeValue, type RdbValue } from './rdb-object.js';

const writer = new RdbWriter();

/** The DUMP payload of a value; `compress` is rdbcompression. */
export function createDumpPayload(v: RdbValue, compress: boolean): Buffer {
  const w = writer;
  w.len = 0;
  w.compress = compress;
  lzfReset();
  writeValue(w, v);
  w.byte(RDB_VERSION & 0xff);
  w.byte(RDB_VERSION >> 8);
  const out = Buffer.allocUnsafe(w.len + 8);
  w.buf.copy(out, 0, 0, w.len);
  writeCrc64LE(crc64(out, 0, w.len), out, w.len);
  return out;
}

/** Whether the payload's footer names a version we read and its checksum is right. */
export function verifyDumpPayload(p: Uint8Array, skipChecksum = false): boolean {
  const len = p.length;
  if (len < 10) return false;
  const version = p[len - 10]! | (p[len - 9]! << 8);
  if (version > RDB_VERSION) return false;
  if (skipChecksum) return true;
  const crc = crc64(p, 0, len - 8);
  const want = Buffer.allocUnsafe(8);
  writeCrc64LE(crc, want, 0);
  for (let i = 0; i < 8; i++) if (want[i] !== p[len - 8 + i]) return false;
  return true;
}

/** The value a verified payload holds; null when it is not a value we can read ("Bad data format"). */
export function parseDumpPayload(p: Buffer): RdbValue | null {
  // The whole payload, footer included, as Redis's rioInitWithBuffer: a body
  // that reads into the footer is not refused.
  const r = new RdbReader(p, 0, p.length);
  const type = r.byte();
  return readValue(type, r);
}
