/**
 * Open-addressing hash index from key bytes to slot numbers: linear probing
 * over an Int32Array (slot + 1, 0 = empty), a 32-bit hash kept per slot so
 * most mismatches are rejected without touching key bytes, and backward-shift
 * deletion (no tombstones). Looking a key up allocates nothing.
 */

/** FNV-1a over bytes. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  return h >>> 0;
}

/** Where the index finds each slot's key and hash; owned by the keyspace. */
export interface KeyStore {
  keyHash(slot: number): number;
  keyEquals(slot: number, buf: Uint8Array, start: number, end: number): boolean;
}

export class KeyIndex {
  private table = new Int32Array(64);
  private mask = 63;
  private count = 0;

  constructor(private readonly store: KeyStore) {}

  get size(): number {
    return this.count;
  }

  /** The slot holding these key bytes (hash `h`), or -1. */
  find(buf: Uint8Array, start: number, end: number, h: number): number {
    const table = this.table;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = table[i]!;
      if (e === 0) return -1;
      const slot = e - 1;
      if (this.store.keyHash(slot) === h && this.store.keyEquals(slot, buf, start, end)) return slot;
    }
  }

  /** Adds a slot whose key is known to be absent. */
  insert(slot: number, h: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.resize(this.table.length * 2);
    const table = this.table;
    const mask = this.mask;
    let i = h & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = slot + 1;
    this.count++;
  }

  /** Removes a slot (hash `h`) that is in the index. */
  remove(slot: number, h: number): void {
    const table = this.table;
    const mask = this.mask;
    let p = h & mask;
    while (table[p] !== slot + 1) p = (p + 1) & mask;
    // Backward shift: pull later entries of the probe run into the hole.
    let j = p;
    for (;;) {
      j = (j + 1) & mask;
      const e = table[j]!;
      if (e === 0) break;
      const home = this.store.keyHash(e - 1) & mask;
      const between = p <= j ? home > p && home <= j : home > p || home <= j;
      if (!between) {
        table[p] = e;
        p = j;
      }
    }
    table[p] = 0;
    this.count--;
    if (this.table.length > 64 && this.count * 8 < this.table.length) this.resize(this.table.length / 2);
  }

  clear(): void {
    this.table = new Int32Array(64);
    this.mask = 63;
    this.count = 0;
  }

  private resize(size: number): void {
    const old = this.table;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i++) {
      const e = old[i]!;
      if (e === 0) continue;
      let k = this.store.keyHash(e - 1) & this.mask;
      while (this.table[k] !== 0) k = (k + 1) & this.mask;
      this.table[k] = e;
    }
  }
}
