/**
 * Reading a key by its handle: type, encoding, expiry, access field, key
 * bytes and value, with no side effect. The Database (./keyspace.ts) adds
 * lookups, mutation and walks on top; both share the item store and the key
 * table, and a handle is valid only until the next write.
 */
import { KeyIndex } from './index/key-index.js';
import type { ItemStore } from './items.js';
import type { Encoding, KeyType } from './status.js';

/** A string value: bytes (a view, valid until the next write) or an int. */
export type StringValue = Buffer | number | bigint;

export abstract class KeyReads {
  constructor(
    protected readonly items: ItemStore,
    protected readonly index: KeyIndex,
  ) {}

  /** Whether position `pos` holds a key (walks over every position use it). */
  occupied(pos: number): boolean {
    return this.index.meta[pos] !== 0;
  }
  type(pos: number): KeyType {
    return (this.items.info(this.index.refs[pos]!) & 7) as KeyType;
  }
  encoding(pos: number): Encoding {
    return ((this.items.info(this.index.refs[pos]!) >> 3) & 7) as Encoding;
  }
  /** Absolute expiry in ms, or 0 when the key has no TTL. */
  expireAt(pos: number): number {
    return this.items.expireAt(this.index.refs[pos]!);
  }
  /** The raw 24-bit access field (see ./eviction/access.ts for its meaning per policy). */
  accessTime(pos: number): number {
    return this.items.access(this.index.refs[pos]!);
  }
  /** Overwrites the access field (eviction's aging, and tests). */
  setAccessTime(pos: number, access: number): void {
    this.items.setAccess(this.index.refs[pos]!, access);
  }
  /** The key as a string (one char per byte); allocates, so not for hot paths. */
  keyLength(pos: number): number {
    return this.items.keyLength(this.index.refs[pos]!);
  }
  keyName(pos: number): string {
    return this.items.keyName(this.index.refs[pos]!);
  }
  /** A copy of the key's bytes. */
  keyBytes(pos: number): Buffer {
    return Buffer.from(this.keyName(pos), 'latin1');
  }
  /** Copies the key into `dst` (growing it when short) without making a string; returns [buffer, length]. */
  copyKeyInto(pos: number, dst: Buffer): Buffer {
    const ref = this.index.refs[pos]!;
    const len = this.items.keyLength(ref);
    const out = dst.length >= len ? dst : Buffer.allocUnsafe(len * 2);
    this.items.copyKey(ref, out);
    this.copiedKeyLength = len;
    return out;
  }
  /** Length of the key the last copyKeyInto() copied. */
  copiedKeyLength = 0;
  keyHash(pos: number): number {
    return this.items.refKeyHash(this.index.refs[pos]!);
  }
  /** hashBytes() of the key of item `ref` (the walks re-find moved entries by it). */
  refKeyHash(ref: number): number {
    return this.items.refKeyHash(ref);
  }
  /** Whether the key at `pos` is exactly buf[start, end). */
  keyEquals(pos: number, buf: Uint8Array, start: number, end: number): boolean {
    return this.items.refKeyEquals(this.index.refs[pos]!, buf, start, end);
  }
  /** Lets go of the empty arena pages kept for reuse; returns their bytes. */
  purge(): number {
    return this.items.arena.purge();
  }
  /** Bytes the key at `pos` costs (MEMORY USAGE): its chunk, any object it holds, its key-table entry. */
  memoryUsage(pos: number): number {
    return this.items.memoryOf(this.index.refs[pos]!) + KeyIndex.ENTRY_BYTES;
  }
  /** The value: a view of inline string bytes (valid until the next write), or the value object. */
  value(pos: number): unknown {
    const o = this.items.object(this.index.refs[pos]!);
    return o !== null ? o : this.stringValue(pos);
  }
  /** A string value: a view of its bytes (valid until the next write), or its number. */
  stringValue(pos: number): StringValue {
    const ref = this.index.refs[pos]!;
    const mem = this.items.stringRef(ref);
    if (mem === null) return this.items.object(ref) as StringValue;
    return Buffer.from(mem.buffer, mem.byteOffset + this.items.refStart, this.items.refEnd - this.items.refStart);
  }
  /**
   * The memory holding a string value's bytes, with its range in
   * refStart/refEnd; null when the value is not bytes (an int).
   * Allocates nothing: this is how GET reads.
   */
  stringRef(pos: number): Uint8Array | null {
    return this.items.stringRef(this.index.refs[pos]!);
  }
  /**
   * stringRef() for a caller that only hands the bytes to Reply.bulk(): the
   * reply pins a big value for its socket write, so the value's memory can
   * still be recycled once it is overwritten and the write is done.
   */
  stringRefForReply(pos: number): Uint8Array | null {
    return this.items.stringRef(this.index.refs[pos]!, true);
  }
}
