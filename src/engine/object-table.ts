/**
 * Values the arena does not hold as bytes, kept in a JS array and named by a
 * 32-bit id stored in their item: int-encoded numbers, strings over 16 KiB,
 * keys too long for a chunk (with their value), and the big encodings of the
 * other types (hashtable, skiplist, quicklist), which implement SizedValue.
 * Each object's size is estimated once, when stored, for memory accounting.
 * A tiered value (TierRef) is told when it leaves the table, so its tier
 * frees what it holds; swap() moves a value in or out of the tier without that.
 * A big string leaving the table goes back to the big-buffer pool unless a
 * get() exposed it, so every read of an object must go through get().
 */
import { TierRef } from './tier/tier-ref.js';
import { bigBuffers, POOL_MIN } from './arena/big-buffers.js';

/** A key too long for any chunk: its item keeps only this object's id. */
export interface OutsideKey {
  key: Buffer;
  value: unknown;
}

/**
 * A value object that knows its own size: collections keep a running total
 * so accounting stays O(1). Keyspace.modified() re-reads it after a change.
 */
export interface SizedValue {
  memoryBytes(): number;
}

function isSized(v: unknown): v is SizedValue {
  return typeof v === 'object' && v !== null && typeof (v as Partial<SizedValue>).memoryBytes === 'function';
}

/** Estimated bytes of a value kept outside the arena. */
function sizeOf(v: unknown): number {
  if (Buffer.isBuffer(v)) return v.length + 80;
  if (isSized(v)) return v.memoryBytes();
  if (typeof v === 'object' && v !== null && 'key' in v) {
    const o = v as OutsideKey;
    return o.key.length + 80 + sizeOf(o.value);
  }
  return 16;
}

export class ObjectTable {
  private objects: unknown[] = [];
  private sizes: number[] = [];
  private freeIds: number[] = [];
  private total = 0;

  /** Estimated bytes of the objects plus 8 per id ever handed out. */
  get bytes(): number {
    return this.total + this.objects.length * 8;
  }

  /** The accounted size of one object. */
  sizeAt(id: number): number {
    return this.sizes[id]!;
  }

  /** An object, for reading: a big buffer read here is never recycled (the reader may keep it). */
  get(id: number): unknown {
    const v = this.objects[id];
    if (v instanceof Uint8Array && v.length >= POOL_MIN) bigBuffers.exposed(v);
    return v;
  }

  /**
   * An object for a reader that writes it to a client by reference and pins
   * it (bigBuffers.pin) for the write, or takes it over from the table (the tier
   * swapping it for a TierRef): no exposure is recorded, so the new owner
   * decides whether its buffer may be recycled (bigBuffers.release).
   */
  peek(id: number): unknown {
    return this.objects[id];
  }

  /** Replaces an object keeping its accounted size (an int for an int). */
  replace(id: number, v: unknown): void {
    this.objects[id] = v;
  }

  add(v: unknown): number {
    const id = this.freeIds.pop() ?? this.objects.length;
    this.objects[id] = v;
    const size = sizeOf(v);
    this.sizes[id] = size;
    this.total += size;
    return id;
  }

  /** Accounts an object's size again (it changed in place). */
  resize(id: number): void {
    const size = sizeOf(this.objects[id]);
    this.total += size - this.sizes[id]!;
    this.sizes[id] = size;
  }

  /** Replaces an object and accounts its size again (a value moving to or from the tier). */
  swap(id: number, v: unknown): void {
    this.objects[id] = v;
    this.resize(id);
  }

  remove(id: number): void {
    const v = this.objects[id];
    if (v instanceof TierRef) v.owner.dropped(v);
    else if (v instanceof Uint8Array && v.length >= POOL_MIN) bigBuffers.release(v);
    this.total -= this.sizes[id]!;
    this.objects[id] = undefined;
    this.sizes[id] = 0;
    this.freeIds.push(id);
  }

  clear(): void {
    if (TierRef.live !== 0) for (const v of this.objects) if (v instanceof TierRef) v.owner.dropped(v);
    this.objects = [];
    this.sizes = [];
    this.freeIds = [];
    this.total = 0;
  }
}
