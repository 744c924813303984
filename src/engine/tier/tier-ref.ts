/**
 * A tiered string value as the keyspace holds it: a small object in the
 * key's item instead of the bytes, so EXISTS/TYPE/TTL/DEL/SCAN see the key
 * exactly as before. The bytes are in flight, compressed in RAM, or on disk.
 * Only ./tier.ts changes a ref's state; the keyspace only drops or loads it.
 */
import type { SizedValue } from '../object-table.js';
import type { Database } from '../keyspace.js';
import { KeyType } from '../status.js';

/** Where a tiered value's bytes are. */
export const enum TierState {
  /** Raw bytes held while they are compressed or written (`data` = the value). */
  PENDING = 0,
  /** Compressed in RAM (`data`). */
  COMPRESSED = 1,
  /** Compressed bytes held while they are written to disk (`data`). */
  SPILLING = 2,
  /** On disk only (`seg`, `off`). */
  DISK = 3,
  /** Deleted, overwritten or promoted: in-flight work discards its result. */
  DEAD = 4,
}

/** What a ref needs from the tier that made it (./tier.ts). */
export interface TierOwner {
  /** The keyspace dropped the ref (DEL, overwrite, FLUSHALL, eviction). */
  dropped(ref: TierRef): void;
  /** The bytes now, blocking if need be (the fallback for readers that did not prefetch). */
  loadSync(ref: TierRef): Buffer;
  /** The value went back into the keyspace. */
  promoted(ref: TierRef): void;
  /** The key's expiry changed (EXPIRE, PERSIST): a record on disk must say so for a restart. */
  expireChanged(ref: TierRef, atMs: number): void;
}

/** Accounted RAM of a ref besides its key (the object and its fields). */
const REF_OVERHEAD = 96;

/** A tiered value (see the file comment). */
export class TierRef implements SizedValue {
  /** Refs alive in every tier of the process: FLUSHALL walks the object table for them only when non-zero. */
  static live = 0;
  state = TierState.PENDING;
  /** Codec of `data` / of the stored record (./codec.ts). */
  codec = 0;
  /** Bytes held in RAM (raw or compressed), or null on disk. */
  data: Buffer | null;
  /** Disk location: segment and record offset, record length, stored value length. */
  seg: unknown = null;
  off = 0;
  recLen = 0;
  stored = 0;
  /** Whether `data` is in flight (being compressed or written): counted in Tier.pendingBytes. */
  inflight = false;
  /** A load in progress, shared by every command waiting for this value. */
  loading: Promise<void> | null = null;

  constructor(
    readonly owner: TierOwner,
    /** The database object (not its index: SWAPDB moves objects). */
    readonly db: unknown,
    readonly key: Buffer,
    /** Length of the value itself. */
    readonly size: number,
    data: Buffer | null,
  ) {
    this.data = data;
  }

  memoryBytes(): number {
    return REF_OVERHEAD + this.key.length;
  }
}

/** The tier reference a key's value is, or null; no side effect (the value is not brought back). */
export function tierRef(db: Database, pos: number): TierRef | null {
  const v = db.rawValue(pos);
  return v instanceof TierRef ? v : null;
}

/** A string value of at least `minSize` bytes held as its own Buffer (what the tier may take), or null. */
export function demotable(db: Database, pos: number, minSize: number): Buffer | null {
  if (db.type(pos) !== KeyType.STRING) return null;
  const v = db.rawValue(pos);
  return Buffer.isBuffer(v) && v.length >= minSize ? v : null;
}
