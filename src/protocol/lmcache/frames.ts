/**
 * The LMCache server protocol (`lm://`, LMCache v1's lmcache/v1/protocol.py):
 * fixed-size request and reply headers of native int32s (little-endian on
 * every platform LMCache runs on) and a 150-byte space-padded key. Byte
 * layouts only; storage and sockets are elsewhere.
 *
 * ClientMetaMessage, struct "iiiiiiiii150s", 186 bytes:
 *
 *   0        4        8        12       16       20       24       28       32       36                186
 *   +--------+--------+--------+--------+--------+--------+--------+--------+--------+-----------------+
 *   |command | length |  fmt   | dtype  |location| shape0 | shape1 | shape2 | shape3 | key, ' '-padded |
 *   +--------+--------+--------+--------+--------+--------+--------+--------+--------+-----------------+
 *
 * ServerMetaMessage, struct "iiiiiiiii", 36 bytes (location is last here):
 *
 *   0        4        8        12       16       20       24       28       32       36
 *   +--------+--------+--------+--------+--------+--------+--------+--------+--------+
 *   |  code  | length |  fmt   | dtype  | shape0 | shape1 | shape2 | shape3 |location|
 *   +--------+--------+--------+--------+--------+--------+--------+--------+--------+
 */

/** MAX_KEY_LENGTH: the key field's width. */
export const MAX_KEY_LENGTH = 150;
/** ClientMetaMessage.packlength(). */
export const REQUEST_BYTES = 4 * 9 + MAX_KEY_LENGTH;
/** ServerMetaMessage.packlength(). */
export const REPLY_BYTES = 4 * 9;

/** ClientCommand. */
export const enum LmCommand {
  PUT = 1,
  GET = 2,
  EXIST = 3,
  LIST = 4,
  HEALTH = 5,
}

/** ServerReturnCode. */
export const enum LmCode {
  SUCCESS = 200,
  FAIL = 400,
}

/** The fields of a request or reply header besides command/code and key. */
export interface LmMeta {
  length: number;
  fmt: number;
  dtype: number;
  shape0: number;
  shape1: number;
  shape2: number;
  shape3: number;
}

/** What every reply but a GET hit carries after its code: length 0, fmt KV_2LTD (1), dtype float16 (2), no shape. */
export const DEFAULT_META: Readonly<LmMeta> = Object.freeze({ length: 0, fmt: 1, dtype: 2, shape0: 0, shape1: 0, shape2: 0, shape3: 0 });

/** Bytes of length, fmt, dtype and four dims: a reply's fields after its code, and redis://'s RemoteMetadata. */
export const META_BYTES = 28;

/** Writes length, fmt, dtype and the four dims as little-endian int32 from `at`. */
export function writeMeta(b: Buffer, at: number, m: Readonly<LmMeta>): void {
  b.writeInt32LE(m.length, at);
  b.writeInt32LE(m.fmt, at + 4);
  b.writeInt32LE(m.dtype, at + 8);
  b.writeInt32LE(m.shape0, at + 12);
  b.writeInt32LE(m.shape1, at + 16);
  b.writeInt32LE(m.shape2, at + 20);
  b.writeInt32LE(m.shape3, at + 24);
}

/** Reads what writeMeta() wrote at `at` into `m`. */
export function readMeta(b: Buffer, at: number, m: LmMeta): void {
  m.length = b.readInt32LE(at);
  m.fmt = b.readInt32LE(at + 4);
  m.dtype = b.readInt32LE(at + 8);
  m.shape0 = b.readInt32LE(at + 12);
  m.shape1 = b.readInt32LE(at + 16);
  m.shape2 = b.readInt32LE(at + 20);
  m.shape3 = b.readInt32LE(at + 24);
}

/** A reply header. */
export function encodeReply(code: number, m: Readonly<LmMeta>): Buffer {
  const b = Buffer.allocUnsafe(REPLY_BYTES);
  b.writeInt32LE(code, 0);
  writeMeta(b, 4, m);
  b.writeInt32LE(0, 32);
  return b;
}

/** SUCCESS with the default fields: the answer to HEALTH and to an EXIST that finds the key. */
export const REPLY_SUCCESS = encodeReply(LmCode.SUCCESS, DEFAULT_META);
/** FAIL with the default fields: a GET miss, an EXIST that does not find the key. */
export const REPLY_FAIL = encodeReply(LmCode.FAIL, DEFAULT_META);

/** Reads a reply header at `off` (for clients and tests). */
export function decodeReply(b: Uint8Array, off = 0): LmMeta & { code: number; location: number } {
  const v = Buffer.from(b.buffer, b.byteOffset + off, REPLY_BYTES);
  return {
    code: v.readInt32LE(0),
    length: v.readInt32LE(4),
    fmt: v.readInt32LE(8),
    dtype: v.readInt32LE(12),
    shape0: v.readInt32LE(16),
    shape1: v.readInt32LE(20),
    shape2: v.readInt32LE(24),
    shape3: v.readInt32LE(28),
    location: v.readInt32LE(32),
  };
}

/**
 * A request header as LMCache's client packs it: the key's UTF-8 bytes
 * right-padded with spaces. Throws RangeError for a key over 150 bytes
 * (struct.pack would cut it, silently naming another key).
 */
export function encodeRequest(command: number, key: string | Uint8Array, m: Readonly<LmMeta> = DEFAULT_META, location = 0): Buffer {
  const k = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (k.length > MAX_KEY_LENGTH) throw new RangeError(`key of ${k.length} bytes: the lm:// protocol allows ${MAX_KEY_LENGTH}`);
  const b = Buffer.alloc(REQUEST_BYTES, 0x20);
  b.writeInt32LE(command, 0);
  b.writeInt32LE(m.length, 4);
  b.writeInt32LE(m.fmt, 8);
  b.writeInt32LE(m.dtype, 12);
  b.writeInt32LE(location, 16);
  b.writeInt32LE(m.shape0, 20);
  b.writeInt32LE(m.shape1, 24);
  b.writeInt32LE(m.shape2, 28);
  b.writeInt32LE(m.shape3, 32);
  b.set(k, 36);
  return b;
}

/** Python's str.strip() set for ASCII: space, \t \n \v \f \r and the separators 0x1c-0x1f. */
function isStripped(c: number): boolean {
  return c === 0x20 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}

/**
 * The key's bytes within the 150-byte field at `from`: what the server's
 * `key.decode().strip()` keeps, plus trailing NULs trimmed (a C client's
 * padding). Returns [start, end).
 */
export function keyRange(b: Uint8Array, from: number): [number, number] {
  let s = from;
  let e = from + MAX_KEY_LENGTH;
  while (e > s && (isStripped(b[e - 1]!) || b[e - 1] === 0)) e--;
  while (s < e && isStripped(b[s]!)) s++;
  return [s, e];
}
