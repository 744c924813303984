/**
 * lm:// entries kept in the keyspace under the layout of LMCache's redis://
 * connector, so either connector reads what the other wrote:
 * `<key>kv_bytes` holds the payload and `<key>metadata` the 28-byte
 * RemoteMetadata (int32 LE: length, fmt, dtype, shape0..3). PUT writes
 * kv_bytes first, as the connector does, so a reader never finds metadata
 * without its bytes except after an eviction, which a GET then cleans up.
 */
import type { Database } from '../engine/keyspace.js';
import { NO_KEY } from '../engine/status.js';
import { lookupStringAt, putOwnedStringAt, putStringAt, stringBytes, WRONG_TYPE } from '../engine/types/string.js';
import { MAX_KEY_LENGTH, META_BYTES, readMeta, writeMeta, type LmMeta } from '../protocol/lmcache/frames.js';

/** RemoteMetadata for one KV group: 7 int32s. */
export const METADATA_BYTES = META_BYTES;
const KV_SUFFIX = Buffer.from('kv_bytes');
const META_SUFFIX = Buffer.from('metadata');

export class LmStore {
  /** `<key><suffix>` is built here: the key is at most 150 bytes, the suffixes 8. */
  private readonly name = Buffer.allocUnsafe(MAX_KEY_LENGTH + 8);
  private nameEnd = 0;
  private readonly meta = Buffer.allocUnsafe(METADATA_BYTES);

  constructor(
    private readonly db: () => Database,
    /** Counts writes (INFO's rdb_changes_since_last_save). */
    private readonly dirty: (n: number) => void,
    /** Records a write for the AOF as the command redis:// would have sent, when the AOF is on (database 0). */
    private readonly propagate: (argv: (string | Buffer)[]) => void = () => {},
  ) {}

  private named(k: Uint8Array, ks: number, ke: number, suffix: Buffer): Buffer {
    this.name.set(k.subarray(ks, ke), 0);
    suffix.copy(this.name, ke - ks);
    this.nameEnd = ke - ks + suffix.length;
    return this.name;
  }

  /** Stores a PUT: the payload Buffer is kept as the value, not copied. */
  put(k: Uint8Array, ks: number, ke: number, payload: Buffer, m: Readonly<LmMeta>): void {
    const db = this.db();
    const kv = this.named(k, ks, ke, KV_SUFFIX);
    putOwnedStringAt(db, kv, 0, this.nameEnd, payload);
    // The name buffer is reused for the metadata key: the AOF gets its own copy of this one.
    this.propagate(['SET', Buffer.from(kv.subarray(0, this.nameEnd)), payload]);
    const meta = this.meta;
    writeMeta(meta, 0, m);
    const mk = this.named(k, ks, ke, META_SUFFIX);
    putStringAt(db, mk, 0, this.nameEnd, meta, 0, METADATA_BYTES);
    this.dirty(2);
    this.propagate(['SET', Buffer.from(mk.subarray(0, this.nameEnd)), Buffer.from(meta)]);
  }

  /**
   * A GET: fills `out` from the metadata and returns the payload, or null on
   * a miss. The payload is the stored Buffer itself when the value has one
   * (never changed in place: writers of big strings copy), else a copy.
   */
  get(k: Uint8Array, ks: number, ke: number, out: LmMeta): Buffer | null {
    const db = this.db();
    const mk = this.named(k, ks, ke, META_SUFFIX);
    const ms = lookupStringAt(db, mk, 0, this.nameEnd);
    if (ms === NO_KEY || ms === WRONG_TYPE) return null;
    const meta = stringBytes(db.stringValue(ms));
    if (meta.length < METADATA_BYTES) return null;
    readMeta(meta, 0, out);
    const kv = this.named(k, ks, ke, KV_SUFFIX);
    const vs = lookupStringAt(db, kv, 0, this.nameEnd);
    if (vs === WRONG_TYPE) return null;
    if (vs === NO_KEY) {
      // The bytes were evicted: drop the orphan metadata, as the redis:// connector does.
      const orphan = this.named(k, ks, ke, META_SUFFIX);
      if (db.deleteKeyAt(orphan, 0, this.nameEnd)) {
        this.dirty(1);
        this.propagate(['DEL', Buffer.from(orphan.subarray(0, this.nameEnd))]);
      }
      return null;
    }
    const mem = db.stringRef(vs);
    // refStart 0: the value is a Buffer of its own; otherwise its bytes sit in an arena page that later writes reuse.
    const payload = mem !== null && db.refStart === 0 ? (mem as Buffer) : Buffer.from(stringBytes(db.stringValue(vs)));
    // The header must announce exactly the bytes that follow it.
    out.length = payload.length;
    return payload;
  }

  /** EXIST: both keys are there. */
  exists(k: Uint8Array, ks: number, ke: number): boolean {
    const db = this.db();
    const mk = this.named(k, ks, ke, META_SUFFIX);
    const ms = lookupStringAt(db, mk, 0, this.nameEnd);
    if (ms === NO_KEY || ms === WRONG_TYPE) return false;
    const kv = this.named(k, ks, ke, KV_SUFFIX);
    const vs = lookupStringAt(db, kv, 0, this.nameEnd);
    return vs !== NO_KEY && vs !== WRONG_TYPE;
  }
}
