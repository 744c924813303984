/**
 * Reads an RDB file front to back through a window of a few hundred KiB
 * (never the whole file), checking every opcode Redis 7.0 writes and the
 * CRC64 trailer, and hands each key to a visitor: the engine loader stores
 * it, `nencache check-rdb` counts it. Errors carry the byte offset of the
 * record that failed. Linear in the file size.
 */
import fs from 'node:fs';
import { crc64Update, crc64BigInt, type Crc64 } from './crc64.js';
import { RdbOpcode } from './rdb-file.js';
import { BadData, ENC_INT16, ENC_INT32, ENC_INT8, ENC_LZF, RDB_VERSION, RdbReader, readValue, type RdbValue } from './rdb-object.js';
import { lzfDecompressInto } from './lzf.js';
import { runFileSteps, runFileStepsPaused } from '../file-steps.js';

/** A file that is not a well-formed RDB file; `offset` is where the failing record starts. */
export class RdbFormatError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${reason} (at offset ${offset})`);
  }
}

/** One key as read from the file. */
export interface RdbEntry {
  db: number;
  /** The key: a view valid only during the entry() call (copy it to keep it). */
  key: Buffer;
  /** The RDB type byte. */
  type: number;
  value: RdbValue;
  /** Absolute expiry in ms, -1 when none. */
  expireMs: number;
  /** IDLE seconds, -1 when absent. */
  idle: number;
  /** FREQ counter, -1 when absent. */
  freq: number;
  /** Offset of the record's first byte (its EXPIRETIME, IDLE or type byte). */
  offset: number;
}

/** What the reader tells as it goes; any callback may throw RdbFormatError to stop. */
export interface RdbVisitor {
  aux?(key: string, value: string, offset: number): void;
  selectDb?(index: number, offset: number): void;
  resizeDb?(size: number, expires: number): void;
  entry(e: RdbEntry): void;
  /**
   * A plain string key (type 0), for a visitor that copies the bytes at once:
   * the key is key[ks, ke), the value value[vs, ve); both valid only during
   * the call. When present it replaces entry() for these keys, which then
   * cost no allocation (most of a cache's dump).
   */
  stringEntry?(db: number, key: Buffer, ks: number, ke: number, value: Buffer, vs: number, ve: number, expireMs: number, idle: number, freq: number, offset: number): void;
  /** Bytes read so far out of the file's size, after each refill. */
  progress?(loaded: number, total: number): void;
}

export interface RdbParseOptions {
  /** Verify the trailer (rdbchecksum); a zero trailer is never checked, as Redis. */
  checksum?: boolean;
  /** Window size in bytes. */
  chunkSize?: number;
}

export interface RdbParseResult {
  version: number;
  /** 'ok', 'zero' (saved with rdbchecksum no), 'skipped' (not verified), 'none' (version < 5). */
  checksum: 'ok' | 'zero' | 'skipped' | 'none';
  /** Offset just past the trailer. */
  bytes: number;
}

/** RdbReader over a file: refills its window on demand, feeding consumed bytes to the CRC. */
class FileReader extends RdbReader {
  /** File offset of buf[0]. */
  base = 0;
  private crcAt = 0;
  /** Set when a read ran past the end of the file. */
  cutShort = false;
  /** File offset of bytes a refill must keep in the window (a key read before its value), or -1. */
  keepFrom = -1;
  readonly crc: Crc64 = { hi: 0, lo: 0 };

  constructor(
    private readonly fd: number,
    readonly size: number,
    chunk: number,
    private readonly onFill: (loaded: number) => void,
  ) {
    super(Buffer.allocUnsafe(chunk), 0, 0);
  }

  get offset(): number {
    return this.base + this.pos;
  }

  override byte(): number {
    if (this.pos >= this.end) this.fill(1);
    return this.buf[this.pos++]!;
  }

  override take(n: number): Buffer {
    if (n < 0) throw new BadData();
    if (this.pos + n > this.end) this.fill(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /**
   * Reads a string in any encoding without making a Buffer: sets `at` to its
   * bytes, in the window (plain: valid until the next read) or in `scratch`
   * (decompressed or formatted).
   */
  stringRange(scratch: Scratch, at: Range): void {
    const n = this.lengthOrEncoding();
    if (n >= 0) {
      if (this.pos + n > this.end) this.fill(n);
      at.buf = this.buf;
      at.start = this.pos;
      at.end = this.pos += n;
      return;
    }
    const enc = -n - 1;
    let len: number;
    if (enc === ENC_LZF) {
      const clen = this.length();
      len = this.length();
      if (len === 0) throw new BadData();
      if (this.pos + clen > this.end) this.fill(clen);
      if (!lzfDecompressInto(this.buf, this.pos, this.pos + clen, scratch.room(len), len)) throw new BadData();
      this.pos += clen;
    } else {
      let v: number;
      if (enc === ENC_INT8) v = this.take(1).readInt8(0);
      else if (enc === ENC_INT16) v = this.take(2).readInt16LE(0);
      else if (enc === ENC_INT32) v = this.take(4).readInt32LE(0);
      else throw new BadData();
      const text = String(v);
      len = scratch.room(text.length).latin1Write(text, 0);
    }
    at.buf = scratch.buf;
    at.start = 0;
    at.end = len;
  }

  /** Makes `n` bytes available at pos: CRC and drop the consumed ones, read more. */
  private fill(n: number): void {
    // A corrupt length must not make us allocate it: the file cannot hold it.
    if (this.base + this.pos + n > this.size) {
      this.cutShort = true;
      throw new BadData();
    }
    crc64Update(this.crc, this.buf, this.crcAt, this.pos);
    const from = this.keepFrom >= 0 ? this.keepFrom - this.base : this.pos;
    const keep = this.end - from;
    const need = this.pos - from + n;
    if (need > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(next, 0, from, this.end);
      this.buf = next;
    } else {
      this.buf.copyWithin(0, from, this.end);
    }
    this.base += from;
    this.pos -= from;
    this.crcAt = this.pos;
    this.end = keep;
    while (this.end < this.pos + n) {
      const got = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, this.base + this.end);
      if (got === 0) {
        this.cutShort = true;
        throw new BadData();
      }
      this.end += got;
    }
    this.onFill(this.base + this.end);
  }

  /** The CRC of everything consumed so far. */
  finishCrc(): Crc64 {
    crc64Update(this.crc, this.buf, this.crcAt, this.pos);
    this.crcAt = this.pos;
    return this.crc;
  }
}

/** RDB types Redis 7.0 knows but NenCache cannot hold, with the reason given. */
function unsupportedType(type: number): string | null {
  if (type === 6 || type === 7) return `The RDB file contains a module value (type ${type}): modules are not supported`;
  if (type === 15 || type === 19) return `The RDB file contains a stream (type ${type}): streams are not supported`;
  return null;
}

/** Value types readValue() reads (rdb.h's rdbIsObjectType minus modules and streams). */
function knownType(type: number): boolean {
  return (type >= 0 && type <= 5) || (type >= 9 && type <= 14) || (type >= 16 && type <= 18);
}

/** The parse of the open file `fd`, one step per STEP_KEYS keys. */
function fileSteps(fd: number, visitor: RdbVisitor, options: RdbParseOptions): Generator<void, RdbParseResult> {
  const size = fs.fstatSync(fd).size;
  const r = new FileReader(fd, size, options.chunkSize ?? 256 * 1024, (loaded) => visitor.progress?.(loaded, size));
  return parseSteps(r, visitor, options.checksum ?? true);
}

/** Reads the RDB file at `path`, calling the visitor for every AUX field, database change and key. */
export function parseRdbFile(path: string, visitor: RdbVisitor, options: RdbParseOptions = {}): RdbParseResult {
  return runFileSteps(path, (fd) => fileSteps(fd, visitor, options));
}

/**
 * parseRdbFile() that awaits `pause` every STEP_KEYS keys, so a server
 * loading at startup answers clients (-LOADING) meanwhile, as Redis's
 * processEventsWhileBlocked() does.
 */
export function parseRdbFileAsync(path: string, visitor: RdbVisitor, pause: () => Promise<void>, options: RdbParseOptions = {}): Promise<RdbParseResult> {
  return runFileStepsPaused(path, (fd) => fileSteps(fd, visitor, options), pause);
}

/** Keys parsed between two pauses of parseRdbFileAsync(). */
export const STEP_KEYS = 4096;

/** A growable buffer reused from key to key. */
class Scratch {
  buf = Buffer.allocUnsafe(256);
  /** The buffer, with room for n bytes (its contents are not kept when it grows). */
  room(n: number): Buffer {
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(n, this.buf.length * 2));
    return this.buf;
  }
  /** A copy of `b` in the buffer, as a view valid until the next use. */
  hold(b: Buffer): Buffer {
    b.copy(this.room(b.length), 0);
    return this.buf.subarray(0, b.length);
  }
}

/** Where stringRange() found a string's bytes. */
interface Range {
  buf: Buffer;
  start: number;
  end: number;
}

const keyBytes = new Scratch();
const valueBytes = new Scratch();
const range: Range = { buf: keyBytes.buf, start: 0, end: 0 };

function* parseSteps(r: FileReader, visitor: RdbVisitor, verify: boolean): Generator<void, RdbParseResult, void> {
  let at = 0;
  let sinceStep = 0;
  try {
    const magic = r.take(9).toString('latin1');
    if (!magic.startsWith('REDIS')) throw new RdbFormatError(0, 'Wrong signature trying to load DB from file');
    const version = Number(magic.slice(5));
    if (!/^\d{4}$/.test(magic.slice(5)) || version < 1 || version > RDB_VERSION) {
      throw new RdbFormatError(5, `Can't handle RDB format version ${magic.slice(5)}`);
    }
    let db = 0;
    let expireMs = -1;
    let idle = -1;
    let freq = -1;
    let recordStart = -1;
    for (;;) {
      at = r.offset;
      if (recordStart < 0) recordStart = at;
      const type = r.byte();
      switch (type) {
        case RdbOpcode.EXPIRETIME:
          expireMs = r.take(4).readInt32LE(0) * 1000;
          continue;
        case RdbOpcode.EXPIRETIME_MS: {
          const b = r.take(8);
          expireMs = b.readInt32LE(4) * 0x100000000 + b.readUInt32LE(0);
          continue;
        }
        case RdbOpcode.FREQ:
          freq = r.byte();
          continue;
        case RdbOpcode.IDLE:
          idle = r.length();
          continue;
        case RdbOpcode.EOF:
          return trailer(r, version, verify);
        case RdbOpcode.SELECTDB:
          db = r.length();
          visitor.selectDb?.(db, at);
          recordStart = -1;
          continue;
        case RdbOpcode.RESIZEDB: {
          const size = r.length();
          const expires = r.length();
          visitor.resizeDb?.(size, expires);
          recordStart = -1;
          continue;
        }
        case RdbOpcode.AUX: {
          const key = r.string().toString('latin1');
          const value = r.string().toString('latin1');
          visitor.aux?.(key, value, at);
          recordStart = -1;
          continue;
        }
        case RdbOpcode.MODULE_AUX:
          throw new RdbFormatError(at, "The RDB file contains AUX module data I can't load: modules are not supported");
        case RdbOpcode.FUNCTION:
        case RdbOpcode.FUNCTION2:
          throw new RdbFormatError(at, 'The RDB file contains functions: functions are not supported');
      }
      const unsupported = unsupportedType(type);
      if (unsupported !== null) throw new RdbFormatError(at, unsupported);
      if (!knownType(type)) throw new RdbFormatError(at, `Unknown RDB encoding type ${type}`);
      if (type === 0 && visitor.stringEntry !== undefined) {
        // A key in the window stays there while the value is read (keepFrom): no copy.
        r.stringRange(keyBytes, range);
        const inWindow = range.buf !== keyBytes.buf;
        const klen = range.end - range.start;
        if (inWindow) r.keepFrom = r.base + range.start;
        r.stringRange(valueBytes, range);
        const kbuf = inWindow ? r.buf : keyBytes.buf;
        const ks = inWindow ? r.keepFrom - r.base : 0;
        r.keepFrom = -1;
        visitor.stringEntry(db, kbuf, ks, ks + klen, range.buf, range.start, range.end, expireMs, idle, freq, recordStart);
      } else {
        readEntry(r, visitor, db, type, expireMs, idle, freq, recordStart);
      }
      expireMs = -1;
      idle = -1;
      freq = -1;
      recordStart = -1;
      if (++sinceStep === STEP_KEYS) {
        sinceStep = 0;
        yield;
      }
    }
  } catch (e) {
    if (!(e instanceof BadData)) throw e;
    if (r.cutShort) throw new RdbFormatError(r.size, 'Short read or OOM loading DB: the file is truncated');
    throw new RdbFormatError(at, 'Bad data format: the record could not be decoded');
  }
}

/** Any key, as an RdbEntry (the general path). */
function readEntry(r: FileReader, visitor: RdbVisitor, db: number, type: number, expireMs: number, idle: number, freq: number, offset: number): void {
  // Keys and plain string values are handed over as views (the engine copies them into its arena at
  // once); the key's view is of a scratch copy, since reading the value may move the window.
  const kv = r.stringView();
  const key = r.viewed ? keyBytes.hold(kv) : kv;
  const value: RdbValue | null = type === 0 ? { kind: 'string', value: r.stringView() } : readValue(type, r);
  if (value === null) throw new BadData();
  visitor.entry({ db, key, type, value, expireMs, idle, freq, offset });
}

function trailer(r: FileReader, version: number, verify: boolean): RdbParseResult {
  if (version < 5) return { version, checksum: 'none', bytes: r.offset };
  const crc = crc64BigInt(r.finishCrc());
  const at = r.offset;
  const stored = r.take(8);
  const want = (BigInt(stored.readUInt32LE(4)) << 32n) | BigInt(stored.readUInt32LE(0));
  if (want === 0n) return { version, checksum: 'zero', bytes: r.offset };
  if (!verify) return { version, checksum: 'skipped', bytes: r.offset };
  if (want !== crc) {
    throw new RdbFormatError(at, `Wrong RDB checksum expected: (${crc.toString(16)}) got (${want.toString(16)})`);
  }
  return { version, checksum: 'ok', bytes: r.offset };
}
