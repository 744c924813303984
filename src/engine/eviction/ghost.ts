/**
 * The adaptive policy's ghost: fingerprints of keys evicted before they were
 * ever read (S3-FIFO's ghost queue). A key that comes back while its print is
 * still here was evicted too soon; it is let into the main part at once, so a
 * new hot set whose keys return at intervals longer than a new key's stay
 * still wins its place.
 *
 * A direct-mapped table of 16-bit prints, one slot per key the cache holds
 * (rounded up to a power of two): 2 bytes a key, no JS object per entry. A
 * later eviction that lands in the same slot overwrites the print, which
 * keeps only recent ghosts, as a FIFO would; 1 in 65,535 unrelated keys is
 * taken for a ghost.
 */
const MIN_SLOTS = 1024;
const MAX_SLOTS = 1 << 24;

export class GhostFilter {
  private table = new Uint16Array(MIN_SLOTS);
  private mask = MIN_SLOTS - 1;

  /** Bytes the table holds. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Records the key with hash `h` as evicted unread; `keys` is how many keys the cache holds now. */
  remember(h: number, keys: number): void {
    if (keys > this.table.length && this.table.length < MAX_SLOTS) this.resize(keys);
    this.table[h & this.mask] = print(h);
  }

  /** Whether the key with hash `h` is a ghost; the ghost is consumed. */
  recall(h: number): boolean {
    const i = h & this.mask;
    if (this.table[i] !== print(h)) return false;
    this.table[i] = 0;
    return true;
  }

  clear(): void {
    this.table.fill(0);
  }

  private resize(keys: number): void {
    let slots = this.table.length;
    while (slots < keys && slots < MAX_SLOTS) slots *= 2;
    // Rare (the cache grew past the table): the old prints are dropped.
    this.table = new Uint16Array(slots);
    this.mask = slots - 1;
  }
}

/** A print from bits the slot index does not use; never 0 (an empty slot). */
function print(h: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 16) | 1;
}
