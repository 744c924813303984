/**
 * Writes a whole RDB file as Redis 7.0.15's rdbSaveRio() does (version 10):
 *
 *   "REDIS0010" AUX* (SELECTDB RESIZEDB? (EXPIRETIME_MS? IDLE|FREQ? type key value)*)* EOF crc64
 *
 * Driven one key at a time, databases in any order (SELECTDB is written when
 * the database changes), and handing its output to a sink in chunks so a
 * file never sits whole in memory. The CRC runs over every byte handed out.
 */
import type { Database } from '../../engine/keyspace.js';
import { lfuDecayed, idleSeconds, lfuMinutes, lruClock, AccessMode, type AccessState } from '../../engine/eviction/access.js';
import { crc64Update, writeCrc64LE, type Crc64 } from './crc64.js';
import { lzfReset } from './lzf.js';
import { RDB_VERSION, RdbWriter, valueType, writeBody } from './rdb-object.js';
import { readKey } from './rdb-engine.js';

/** RDB opcodes (rdb.h). */
export const enum RdbOpcode {
  FUNCTION2 = 245,
  FUNCTION = 246,
  MODULE_AUX = 247,
  IDLE = 248,
  FREQ = 249,
  AUX = 250,
  RESIZEDB = 251,
  EXPIRETIME_MS = 252,
  EXPIRETIME = 253,
  SELECTDB = 254,
  EOF = 255,
}

/** The Redis version written in the redis-ver AUX field (what Redis 7.0 tools expect to read). */
export const RDB_REDIS_VER = '7.0.15';

/** Receives the file in order; each chunk is the sink's to keep. */
export interface RdbSink {
  write(chunk: Buffer): void;
}

/** What rdbSaveKeyValuePair writes besides the key: IDLE under *-lru policies, FREQ under *-lfu. */
export const enum AccessField {
  NONE = 0,
  IDLE = 1,
  FREQ = 2,
}

/** Replication AUX fields (written only by a master with a backlog or a replica). */
export interface ReplInfo {
  streamDb: number;
  replId: string;
  offset: number;
}

export interface RdbFileOptions {
  /** rdbcompression: LZF for strings over 20 bytes. */
  compress: boolean;
  /** rdbchecksum: the CRC64 trailer, else 8 zero bytes. */
  checksum: boolean;
  /** IDLE or FREQ per key, by maxmemory-policy (see accessFieldFor). */
  access: AccessField;
  /** The engine's access clocks and LFU settings, to turn access fields into IDLE seconds and FREQ counters. */
  accessState: AccessState;
  /** list-max-listpack-size, to split lists into quicklist nodes as Redis would. */
  listFill: number;
  /** AUX used-mem. */
  usedMem: number;
  /** AUX ctime (Unix seconds); now by default. */
  ctime?: number;
  repl?: ReplInfo | null;
  /** AUX aof-base: 1 when the file is the base of an AOF. */
  aofBase?: boolean;
  /** Bytes gathered before they go to the sink (64 KiB by default). */
  chunkSize?: number;
}

/** Which per-key access field Redis 7.0 writes under `policy` (MAXMEMORY_FLAG_LRU / MAXMEMORY_FLAG_LFU). */
export function accessFieldFor(policy: string): AccessField {
  if (policy === 'allkeys-lru' || policy === 'volatile-lru') return AccessField.IDLE;
  if (policy === 'allkeys-lfu' || policy === 'volatile-lfu') return AccessField.FREQ;
  return AccessField.NONE;
}

const ms8 = Buffer.alloc(8);

/** Thrown for a key this writer cannot encode (a stream). */
export class RdbWriteError extends Error {}

/**
 * One RDB file in the making. Call begin(), then key() (or selectDb() and
 * key()) for every key, then end(). Nothing is kept between keys but the
 * current database number and a chunk of output.
 */
export class RdbFileWriter {
  private readonly w = new RdbWriter();
  private readonly crc: Crc64 = { hi: 0, lo: 0 };
  private readonly chunk: number;
  private curDb = -1;
  private readonly seenDbs = new Set<number>();
  private readonly access: AccessState;
  private keyScratch: Buffer = Buffer.allocUnsafe(256);
  /** Bytes handed to the sink so far. */
  written = 0;
  /** Keys written so far. */
  keys = 0;

  constructor(
    private readonly sink: RdbSink,
    private readonly opts: RdbFileOptions,
  ) {
    this.w.compress = opts.compress;
    this.chunk = opts.chunkSize ?? 65536;
    this.access = { ...opts.accessState };
  }

  /** The magic, the version and the AUX fields, in Redis's order. */
  begin(): void {
    const o = this.opts;
    // The LZF hash table starts empty for every file, so the output does not depend on earlier DUMPs.
    lzfReset();
    this.w.raw(Buffer.from(`REDIS${String(RDB_VERSION).padStart(4, '0')}`, 'latin1'));
    this.aux('redis-ver', RDB_REDIS_VER);
    this.aux('redis-bits', '64');
    this.aux('ctime', String(o.ctime ?? Math.floor(Date.now() / 1000)));
    this.aux('used-mem', String(o.usedMem));
    if (o.repl) {
      this.aux('repl-stream-db', String(o.repl.streamDb));
      this.aux('repl-id', o.repl.replId);
      this.aux('repl-offset', String(o.repl.offset));
    }
    this.aux('aof-base', o.aofBase ? '1' : '0');
  }

  private aux(key: string, value: string): void {
    this.w.byte(RdbOpcode.AUX);
    this.w.string(Buffer.from(key, 'latin1'));
    this.w.string(Buffer.from(value, 'latin1'));
  }

  /**
   * SELECTDB `index`, with RESIZEDB `size`/`expires` the first time this
   * database is selected (the sizes are the loader's hint, not a promise).
   */
  selectDb(index: number, size: number, expires: number): void {
    if (index === this.curDb) return;
    this.w.byte(RdbOpcode.SELECTDB);
    this.w.length(index);
    if (!this.seenDbs.has(index)) {
      this.seenDbs.add(index);
      this.w.byte(RdbOpcode.RESIZEDB);
      this.w.length(size);
      this.w.length(expires);
    }
    this.curDb = index;
  }

  /**
   * Writes the key at `pos` of `db` (database number `dbIndex`), expired or
   * not (Redis 7.0 saves keys expired but not yet collected; loading skips
   * them). `nowMs` is the moment the snapshot stands for, for IDLE times.
   * The handle is read at once: call before the next write to `db`.
   */
  key(dbIndex: number, db: Database, pos: number, nowMs: number): void {
    if (dbIndex !== this.curDb) this.selectDb(dbIndex, db.size, db.volatileCount);
    const value = readKey(db, pos, this.opts.listFill);
    if (value === null) throw new RdbWriteError(`can't save key '${db.keyName(pos)}': its type has no RDB encoding here`);
    const w = this.w;
    const expire = db.expireAt(pos);
    if (expire !== 0) {
      w.byte(RdbOpcode.EXPIRETIME_MS);
      // rdbSaveMillisecondTime: int64 little-endian (expiries are positive and below 2^53).
      ms8.writeUInt32LE(expire % 0x100000000, 0);
      ms8.writeUInt32LE(Math.floor(expire / 0x100000000), 4);
      w.raw(ms8);
    }
    if (this.opts.access !== AccessField.NONE) this.accessField(db.accessTime(pos), nowMs);
    w.byte(valueType(value));
    this.keyScratch = db.copyKeyInto(pos, this.keyScratch);
    w.string(this.keyScratch.subarray(0, db.copiedKeyLength));
    writeBody(w, value);
    this.keys++;
    if (w.len >= this.chunk) this.flush();
  }

  private accessField(access: number, nowMs: number): void {
    const s = this.access;
    s.lru = lruClock(nowMs);
    s.lfuMinutes = lfuMinutes(nowMs);
    const w = this.w;
    if (this.opts.access === AccessField.IDLE) {
      w.byte(RdbOpcode.IDLE);
      // Under an LFU or FIFO field the access bits are not a clock: Redis would have an LRU clock there.
      w.length(s.mode === AccessMode.LRU || s.mode === AccessMode.ADAPTIVE ? idleSeconds(access, s) : 0);
    } else {
      w.byte(RdbOpcode.FREQ);
      w.byte(s.mode === AccessMode.LFU ? lfuDecayed(access, s) : 5);
    }
  }

  /** EOF and the checksum; flushes everything to the sink. */
  end(): void {
    this.w.byte(RdbOpcode.EOF);
    this.flush();
    const tail = Buffer.alloc(8);
    if (this.opts.checksum) writeCrc64LE(this.crc, tail, 0);
    this.sink.write(tail);
    this.written += 8;
  }

  private flush(): void {
    const w = this.w;
    if (w.len === 0) return;
    const out = w.buf.subarray(0, w.len);
    if (this.opts.checksum) crc64Update(this.crc, out);
    this.sink.write(out);
    this.written += out.length;
    // The sink keeps the chunk: the next one goes into fresh memory.
    w.buf = Buffer.allocUnsafe(Math.max(this.chunk + 1024, 256));
    w.len = 0;
  }
}

/** Every key of every database, ascending, as rdbSaveRio() walks them (empty databases are not mentioned). */
export function writeAllKeys(writer: RdbFileWriter, dbs: readonly Database[], nowMs: number, onKey?: () => void): void {
  for (let i = 0; i < dbs.length; i++) {
    const db = dbs[i]!;
    if (db.size === 0) continue;
    writer.selectDb(i, db.size, db.volatileCount);
    const limit = db.slotLimit;
    for (let pos = 0; pos < limit; pos++) {
      if (!db.occupied(pos)) continue;
      writer.key(i, db, pos, nowMs);
      onKey?.();
    }
  }
}
