/**
 * NenCache's listpack: the compact encoding shared by small hashes, lists
 * and sorted sets (Redis's listpack plays the same part). It is one byte
 * blob stored as the key's value in its arena item, so a small collection
 * costs no JS object at all:
 *
 *   +----------+----------------+----------------+-----
 *   | count16  | len | bytes    | len | bytes    | ...
 *   +----------+----------------+----------------+-----
 *   count16  number of entries, u16 little-endian (types convert to their
 *            big encoding before LP_MAX_COUNT)
 *   len      entry length as a LEB128 varint: 1 byte up to 127, 2 up to 16383
 *
 * A hash is field, value, field, value...; a sorted set member, score...
 * Edits rebuild the blob into a reused builder (O(n), as Redis's memmove),
 * and the caller stores the result with Database.replaceBytes().
 */

/** Bytes before the first entry. */
export const LP_HEADER = 2;
/** Most entries a listpack may hold (its count is a u16). */
export const LP_MAX_COUNT = 0xffff;

export function lpCount(buf: Uint8Array, start: number): number {
  return buf[start]! | (buf[start + 1]! << 8);
}

/** Bytes a varint of `n` takes. */
export function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
}

/** Bytes an entry of `len` bytes takes in a listpack. */
export function lpEntrySize(len: number): number {
  return varintSize(len) + len;
}

/**
 * Walks the entries of a listpack without allocating: after next() returns
 * true, buf[start, end) is the entry and `entry` its offset (the byte where
 * its length begins, for LpBuilder.pushRaw ranges).
 */
export class LpCursor {
  buf: Uint8Array = EMPTY;
  /** Offset of the current entry's length varint. */
  entry = 0;
  start = 0;
  end = 0;
  /** Entries left after the current one. */
  left = 0;
  private pos = 0;

  /** Positions the cursor before the first entry of the listpack at buf[at]; returns the count. */
  reset(buf: Uint8Array, at: number): number {
    this.buf = buf;
    this.left = lpCount(buf, at);
    this.pos = at + LP_HEADER;
    this.entry = this.start = this.end = this.pos;
    return this.left;
  }

  next(): boolean {
    if (this.left === 0) return false;
    this.left--;
    const b = this.buf;
    let p = this.pos;
    this.entry = p;
    let len = 0;
    let shift = 1;
    let byte: number;
    do {
      byte = b[p++]!;
      len += (byte & 0x7f) * shift;
      shift *= 0x80;
    } while (byte & 0x80);
    this.start = p;
    this.end = p + len;
    this.pos = this.end;
    return true;
  }

  /** Skips n entries; false when fewer were left. */
  skip(n: number): boolean {
    for (let i = 0; i < n; i++) if (!this.next()) return false;
    return true;
  }

  /** Whether the current entry is exactly src[s, e). */
  equals(src: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.end - this.start !== len) return false;
    const b = this.buf;
    const o = this.start;
    for (let i = 0; i < len; i++) if (b[o + i] !== src[s + i]) return false;
    return true;
  }

  /** The offset just after the current entry. */
  get after(): number {
    return this.end;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Builds a listpack into a buffer that is reused from one command to the
 * next (one per type module). bytes.subarray(0, length) is the result, valid
 * until the next reset().
 */
export class LpBuilder {
  bytes: Buffer;
  length = LP_HEADER;
  count = 0;

  constructor(initial = 1024) {
    this.bytes = Buffer.allocUnsafe(initial);
  }

  reset(): this {
    this.length = LP_HEADER;
    this.count = 0;
    return this;
  }

  /** Appends one entry, the bytes src[s, e). */
  push(src: Uint8Array, s: number, e: number): this {
    const len = e - s;
    this.reserve(lpEntrySize(len));
    let n = len;
    const b = this.bytes;
    let p = this.length;
    while (n >= 0x80) {
      b[p++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 0x80);
    }
    b[p++] = n;
    for (let i = 0; i < len; i++) b[p + i] = src[s + i]!;
    this.length = p + len;
    this.count++;
    return this;
  }

  /** Appends one entry holding a latin1 string (numbers as text, for example). */
  pushString(text: string): this {
    const len = text.length;
    scratch = scratch.length >= len ? scratch : Buffer.allocUnsafe(len * 2);
    scratch.latin1Write(text, 0);
    return this.push(scratch, 0, len);
  }

  /** Appends `n` whole entries copied as they are from src[s, e) (another listpack's bytes). */
  pushRaw(src: Uint8Array, s: number, e: number, n: number): this {
    this.reserve(e - s);
    const b = this.bytes;
    const p = this.length;
    for (let i = 0; i < e - s; i++) b[p + i] = src[s + i]!;
    this.length += e - s;
    this.count += n;
    return this;
  }

  /** Writes the count; returns the listpack's length in bytes. */
  finish(): number {
    if (this.count > LP_MAX_COUNT) throw new RangeError(`listpack of ${this.count} entries`);
    this.bytes[0] = this.count & 0xff;
    this.bytes[1] = this.count >>> 8;
    return this.length;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(next, 0, 0, this.length);
    this.bytes = next;
  }
}

let scratch = Buffer.allocUnsafe(64);

/** An empty listpack (for building a new collection key). */
export function lpEmpty(): Uint8Array {
  return new Uint8Array(LP_HEADER);
}
