/**
 * Values the arena does not hold as bytes, kept in a JS array and named by a
 * 32-bit id stored in their item: int-encoded numbers, strings over 16 KiB,
 * keys too long for a chunk (with their value), and later the other types.
 * Each object's size is estimated once, when stored, for memory accounting.
 */

/** A key too long for any chunk: its item keeps only this object's id. */
export interface OutsideKey {
  key: Buffer;
  value: unknown;
}

/** Estimated bytes of a value kept outside the arena. */
function sizeOf(v: unknown): number {
  if (Buffer.isBuffer(v)) return v.length + 80;
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

  get(id: number): unknown {
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

  remove(id: number): void {
    this.total -= this.sizes[id]!;
    this.objects[id] = undefined;
    this.sizes[id] = 0;
    this.freeIds.push(id);
  }

  clear(): void {
    this.objects = [];
    this.sizes = [];
    this.freeIds = [];
    this.total = 0;
  }
}
