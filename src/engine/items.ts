/**
 * Items by arena ref: reading their fields, writing a key's item (in place
 * when the chunk fits), moving one to add or drop its expiry field, freeing
 * it. The byte layout is ./arena/item.ts; values that are not bytes live in
 * the ObjectTable and the item holds their id. Knows nothing of key handles,
 * lookups or expiry rules: that is the keyspace's (./keyspace.ts).
 */
import {
  EXPIRE_BYTES, MAX_INLINE_VALUE, HEADER, INFO_EXT, INFO_TTL, VALUE_REF,
  itemSize, keyLength, keyOffset, readF64, readU16, readU24, readU32, writeF64, writeHeader, writeU24, writeU32,
} from './arena/item.js';
import { copyBytes } from './copy-bytes.js';
import { MAX_CHUNK, SlabArena, classFor } from './arena/slab.js';
import { AccessMode, touched, type AccessState } from './eviction/access.js';
import { hashBytes, type KeyStore } from './index/key-index.js';
import { ObjectTable, type OutsideKey } from './object-table.js';
import { TierRef } from './tier/tier-ref.js';

/** Whether a string value is kept as bytes in its item (with room for a TTL added later). */
export function fitsInline(klen: number, vlen: number): boolean {
  return vlen <= MAX_INLINE_VALUE && itemSize(klen, vlen, true) <= MAX_CHUNK;
}

/**
 * A value too big for a chunk gets its own Buffer: a copy, since the source
 * may be the key's own value or a socket buffer about to be reused.
 */
export function ownCopy(src: Uint8Array, s: number, e: number): Buffer {
  const value = Buffer.allocUnsafeSlow(e - s);
  value.set(src.subarray(s, e));
  return value;
}

export class ItemStore implements KeyStore {
  private readonly objects = new ObjectTable();
  /** Set by stringRef(): the byte range of the value in the returned memory. */
  refStart = 0;
  refEnd = 0;

  constructor(readonly arena: SlabArena) {}

  /** Chunk bytes in use plus objects outside the arena. */
  get usedBytes(): number {
    return this.arena.usedBytes + this.objects.bytes;
  }
  /** Pages held plus objects outside the arena. */
  get reservedBytes(): number {
    return this.arena.reservedBytes + this.objects.bytes;
  }

  /** The info byte: type | encoding << 3 | TTL | EXT. */
  info(ref: number): number {
    return this.arena.page(ref)[this.arena.offset(ref)]!;
  }
  /** Absolute expiry in ms, or 0 without a TTL. */
  expireAt(ref: number): number {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    return page[off]! & INFO_TTL ? readF64(page, off + HEADER) : 0;
  }
  access(ref: number): number {
    return readU24(this.arena.page(ref), this.arena.offset(ref) + 4);
  }
  setAccess(ref: number, access: number): void {
    writeU24(this.arena.page(ref), this.arena.offset(ref) + 4, access);
  }
  /** Records an access by the rules of the policy in force (the read hot path). */
  touch(ref: number, s: AccessState): void {
    if (s.mode === AccessMode.FIFO) return;
    const page = this.arena.page(ref);
    const a = this.arena.offset(ref) + 4;
    writeU24(page, a, touched(readU24(page, a), s));
  }

  keyName(ref: number): string {
    const page = this.arena.page(ref) as Buffer;
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) return (this.objectOf(page, off) as OutsideKey).key.toString('latin1');
    const k = keyOffset(page, off);
    return page.latin1Slice(k, k + keyLength(page, off));
  }
  /** Key length of item `ref`. */
  keyLength(ref: number): number {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    return page[off]! & INFO_EXT ? (this.objectOf(page, off) as OutsideKey).key.length : keyLength(page, off);
  }
  /** Copies the key of item `ref` into dst at 0 (dst must have keyLength(ref) bytes). */
  copyKey(ref: number, dst: Uint8Array): void {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) dst.set((this.objectOf(page, off) as OutsideKey).key);
    else {
      const k = keyOffset(page, off);
      copyBytes(page, k, k + keyLength(page, off), dst, 0);
    }
  }
  refKeyEquals(ref: number, buf: Uint8Array, start: number, end: number): boolean {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const len = end - start;
    if (page[off]! & INFO_EXT) {
      const key = (this.objectOf(page, off) as OutsideKey).key;
      return key.length === len && key.compare(buf, start, end) === 0;
    }
    if (keyLength(page, off) !== len) return false;
    const k = keyOffset(page, off);
    for (let i = 0; i < len; i++) if (page[k + i] !== buf[start + i]) return false;
    return true;
  }
  refKeyHash(ref: number): number {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) {
      const key = (this.objectOf(page, off) as OutsideKey).key;
      return hashBytes(key, 0, key.length);
    }
    const k = keyOffset(page, off);
    return hashBytes(page, k, k + keyLength(page, off));
  }

  /**
   * The value object, or null when the value is bytes in the item (see
   * stringRef). A tiered value is brought back first, blocking: the server
   * prefetches the keys of the commands it runs, so this is the fallback for
   * other readers (EXEC, SORT BY, snapshots).
   */
  object(ref: number): unknown {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT) return (this.objectOf(page, off) as OutsideKey).value;
    if (readU16(page, off + 2) !== VALUE_REF) return null;
    const v = this.objectOf(page, off);
    if (!(v instanceof TierRef)) return v;
    const bytes = v.owner.loadSync(v);
    this.objects.swap(this.idOf(page, off), bytes);
    v.owner.promoted(v);
    return bytes;
  }
  /** The value object as stored (a TierRef stays one), or null for bytes in the item and for long-key items. */
  rawObject(ref: number): unknown {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT || readU16(page, off + 2) !== VALUE_REF) return null;
    // Not get(): the tier, its only user, takes the buffer over and decides on recycling it.
    return this.objects.peek(this.idOf(page, off));
  }
  /** Replaces the object of an item that holds one (see rawObject), accounting its size again. */
  swapObject(ref: number, v: unknown): void {
    this.objects.swap(this.idOf(this.arena.page(ref), this.arena.offset(ref)), v);
  }
  /**
   * The memory holding a string value's bytes, with its range in
   * refStart/refEnd; null when the value is not bytes (an int). Allocates nothing.
   * `forReply`: the caller only writes the bytes to a client (see ObjectTable.peek).
   */
  stringRef(ref: number, forReply = false): Uint8Array | null {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const vlen = readU16(page, off + 2);
    if (vlen === VALUE_REF || page[off]! & INFO_EXT) {
      // A reply pins a big buffer for its write instead of exposing it (./arena/big-buffers.ts).
      const peeked = forReply && !(page[off]! & INFO_EXT) ? this.objects.peek(this.idOf(page, off)) : null;
      const v = Buffer.isBuffer(peeked) ? peeked : this.object(ref);
      if (!Buffer.isBuffer(v)) return null;
      this.refStart = 0;
      this.refEnd = v.length;
      return v;
    }
    this.refStart = keyOffset(page, off) + keyLength(page, off);
    this.refEnd = this.refStart + vlen;
    return page;
  }
  /** Whether the item holds an int object (INCR's in-place case). */
  holdsIntObject(ref: number, intEncoding: number): boolean {
    const info = this.info(ref);
    return !(info & INFO_EXT) && readU16(this.arena.page(ref), this.arena.offset(ref) + 2) === VALUE_REF && ((info >> 3) & 7) === intEncoding;
  }
  /** Replaces the object of an item that holds one, keeping its accounted size. */
  replaceObject(ref: number, v: unknown): void {
    this.objects.replace(this.idOf(this.arena.page(ref), this.arena.offset(ref)), v);
  }

  /**
   * Writes a key's item and returns its ref: in oldRef's chunk when it is of
   * the same class and layout (oldRef < 0: a new key), else in a new chunk,
   * filled before oldRef is released so vsrc may be the key's own value. The
   * value is vlen bytes from vsrc, or `obj` when vsrc is null. An object the
   * old item held is dropped. expire 0 = no TTL field.
   */
  write(
    oldRef: number, kbuf: Uint8Array, ks: number, ke: number, typeEnc: number, expire: number, access: number,
    vsrc: Uint8Array | null, vs: number, vlen: number, obj: unknown,
  ): number {
    const klen = ke - ks;
    if (oldRef >= 0) {
      const page = this.arena.page(oldRef);
      const off = this.arena.offset(oldRef);
      if (page[off]! & INFO_EXT || readU16(page, off + 2) === VALUE_REF) this.objects.remove(this.idOf(page, off));
    }
    const ttl = expire !== 0;
    const ext = itemSize(klen, 4, ttl) > MAX_CHUNK;
    if (ext) {
      obj = { key: Buffer.from(kbuf.subarray(ks, ke)), value: vsrc === null ? obj : Buffer.from(vsrc.subarray(vs, vs + vlen)) } satisfies OutsideKey;
      vsrc = null;
    }
    const info = typeEnc | (ttl ? INFO_TTL : 0) | (ext ? INFO_EXT : 0);
    const need = ext ? HEADER + (ttl ? EXPIRE_BYTES : 0) + 4 : itemSize(klen, vsrc === null ? 4 : vlen, ttl);
    const vlen16 = vsrc === null ? VALUE_REF : vlen;
    let ref: number;
    let page: Uint8Array;
    let off: number;
    if (oldRef >= 0 && !ext && classFor(need) === classFor(this.arena.capacity(oldRef)) && !((this.info(oldRef) ^ info) & (INFO_TTL | INFO_EXT))) {
      // Same chunk size and layout: rewrite in place (the key is already
      // there). A source inside this very value starts at or after the
      // value's first byte, and copies run forward, so it survives.
      ref = oldRef;
      oldRef = -1;
      page = this.arena.page(ref);
      off = this.arena.offset(ref);
      page[off] = info;
      page[off + 2] = vlen16 & 255;
      page[off + 3] = vlen16 >>> 8;
      writeU24(page, off + 4, access);
    } else {
      ref = this.arena.alloc(need);
      page = this.arena.page(ref);
      off = this.arena.offset(ref);
      const k = writeHeader(page, off, info, ext ? 0 : klen, vlen16, access);
      if (!ext) copyBytes(kbuf, ks, ks + klen, page, k);
    }
    if (ttl) writeF64(page, off + HEADER, expire);
    const v = ext ? off + HEADER + (ttl ? EXPIRE_BYTES : 0) : keyOffset(page, off) + klen;
    if (vsrc !== null) {
      if (vlen > 0) copyBytes(vsrc, vs, vs + vlen, page, v);
    } else {
      writeU32(page, v, this.objects.add(obj));
    }
    if (oldRef >= 0) this.arena.release(oldRef);
    return ref;
  }

  /** Bytes an item takes: its chunk, plus the object it holds. */
  memoryOf(ref: number): number {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const held = page[off]! & INFO_EXT || readU16(page, off + 2) === VALUE_REF ? this.objects.sizeAt(this.idOf(page, off)) : 0;
    return this.arena.capacity(ref) + held;
  }

  /** Accounts again the size of the object an item holds (it changed in place). */
  objectChanged(ref: number): void {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT || readU16(page, off + 2) === VALUE_REF) this.objects.resize(this.idOf(page, off));
  }

  /** Sets the expiry of an item that has the field. */
  setExpireInPlace(ref: number, atMs: number): void {
    writeF64(this.arena.page(ref), this.arena.offset(ref) + HEADER, atMs);
  }

  /** Moves an item to a chunk with (atMs > 0) or without an expiry field; returns the new ref. */
  relayout(oldRef: number, atMs: number): number {
    const src = this.arena.page(oldRef);
    const so = this.arena.offset(oldRef);
    const info = src[so]!;
    const ttl = atMs !== 0;
    const ext = (info & INFO_EXT) !== 0;
    const klen = ext ? 0 : keyLength(src, so);
    const vlen16 = readU16(src, so + 2);
    const vbytes = ext || vlen16 === VALUE_REF ? 4 : vlen16;
    const ref = this.arena.alloc(itemSize(klen, vbytes, ttl));
    const dst = this.arena.page(ref);
    const off = this.arena.offset(ref);
    const k = writeHeader(dst, off, ttl ? info | INFO_TTL : info & ~INFO_TTL, klen, vlen16, readU24(src, so + 4));
    if (ttl) writeF64(dst, off + HEADER, atMs);
    const from = ext ? so + HEADER + ((info & INFO_TTL) !== 0 ? EXPIRE_BYTES : 0) : keyOffset(src, so);
    copyBytes(src, from, from + klen + vbytes, dst, k);
    this.arena.release(oldRef);
    return ref;
  }

  /** Frees an item and any object it holds. */
  release(ref: number): void {
    const page = this.arena.page(ref);
    const off = this.arena.offset(ref);
    if (page[off]! & INFO_EXT || readU16(page, off + 2) === VALUE_REF) this.objects.remove(this.idOf(page, off));
    this.arena.release(ref);
  }

  clear(): void {
    this.arena.clear();
    this.objects.clear();
  }

  /** Id of the object an item refers to (its 4 value bytes). */
  private idOf(page: Uint8Array, off: number): number {
    if (page[off]! & INFO_EXT) return readU32(page, off + HEADER + (page[off]! & INFO_TTL ? EXPIRE_BYTES : 0));
    return readU32(page, keyOffset(page, off) + keyLength(page, off));
  }

  private objectOf(page: Uint8Array, off: number): unknown {
    return this.objects.get(this.idOf(page, off));
  }
}
