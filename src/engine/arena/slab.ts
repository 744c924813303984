/**
 * Off-heap item memory: size-class slabs carved from 1 MiB pages (plain
 * ArrayBuffers), so small keys and values cost no JS object each and sit
 * next to each other in memory. A chunk is named by a 32-bit ref:
 *
 *   ref = pageId << 16 | chunkIndex        (pageId < 32768, chunkIndex < 65536)
 *   byte offset in the page = chunkIndex * chunkSize(class of the page)
 *
 * Freed chunks go on their class's free stack and are reused first.
 * Non-goals: moving chunks (no compaction yet), chunks above MAX_CHUNK.
 */

export const PAGE_SIZE = 1024 * 1024;
/** Largest chunk; bigger items keep their value outside the arena. */
export const MAX_CHUNK = 16 * 1024;
const MIN_CHUNK = 32;
const GROWTH = 1.25;

/** Chunk sizes: 32 bytes growing by 1.25x, 8-byte aligned, up to MAX_CHUNK. */
export const CLASS_SIZES: readonly number[] = (() => {
  const sizes: number[] = [];
  let s = MIN_CHUNK;
  while (s < MAX_CHUNK) {
    sizes.push(s);
    s = Math.max(s + 8, Math.ceil((s * GROWTH) / 8) * 8);
  }
  sizes.push(MAX_CHUNK);
  return sizes;
})();

/** Class index for an item of `size` bytes (size <= MAX_CHUNK). */
const CLASS_OF = (() => {
  const table = new Uint8Array(MAX_CHUNK / 8 + 1);
  let c = 0;
  for (let units = 0; units <= MAX_CHUNK / 8; units++) {
    while (CLASS_SIZES[c]! < units * 8) c++;
    table[units] = c;
  }
  return table;
})();

export function classFor(size: number): number {
  return CLASS_OF[(size + 7) >>> 3]!;
}

class FreeStack {
  items = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = v;
  }
  pop(): number {
    return this.length === 0 ? -1 : this.items[--this.length]!;
  }
}

export class SlabArena {
  /** Page memory by page id. */
  readonly pages: Uint8Array[] = [];
  /** Chunk size of each page's class. */
  private pageChunk: number[] = [];
  private readonly free: FreeStack[] = CLASS_SIZES.map(() => new FreeStack());
  /** Per class: the page being carved and how many chunks it has handed out. */
  private readonly carvePage: number[] = CLASS_SIZES.map(() => -1);
  private readonly carveNext: number[] = CLASS_SIZES.map(() => 0);
  /** Bytes in chunks handed out (what items occupy, rounding included). */
  usedBytes = 0;

  /** Bytes of all pages (what the arena holds from the system). */
  get reservedBytes(): number {
    return this.pages.length * PAGE_SIZE;
  }

  /** A chunk of at least `size` bytes (size <= MAX_CHUNK). */
  alloc(size: number): number {
    const cls = classFor(size);
    const chunk = CLASS_SIZES[cls]!;
    this.usedBytes += chunk;
    const reused = this.free[cls]!.pop();
    if (reused >= 0) return reused;
    let page = this.carvePage[cls]!;
    if (page < 0 || (this.carveNext[cls]! + 1) * chunk > PAGE_SIZE) {
      page = this.pages.length;
      if (page >= 32768) throw new RangeError('slab arena is full');
      // Buffers, so copies out of a page use Buffer#copy (no view object).
      this.pages.push(Buffer.allocUnsafeSlow(PAGE_SIZE));
      this.pageChunk.push(chunk);
      this.carvePage[cls] = page;
      this.carveNext[cls] = 0;
    }
    const index = this.carveNext[cls]!;
    this.carveNext[cls] = index + 1;
    return (page << 16) | index;
  }

  /** Returns a chunk to its class. */
  release(ref: number): void {
    const chunk = this.pageChunk[ref >>> 16]!;
    this.usedBytes -= chunk;
    this.free[classFor(chunk)]!.push(ref);
  }

  /** The page memory holding `ref`. */
  page(ref: number): Uint8Array {
    return this.pages[ref >>> 16]!;
  }

  /** Byte offset of `ref` in its page. */
  offset(ref: number): number {
    return (ref & 0xffff) * this.pageChunk[ref >>> 16]!;
  }

  /** Usable bytes of the chunk `ref`. */
  capacity(ref: number): number {
    return this.pageChunk[ref >>> 16]!;
  }

  /** Drops every page. */
  clear(): void {
    this.pages.length = 0;
    this.pageChunk = [];
    for (let c = 0; c < CLASS_SIZES.length; c++) {
      this.free[c] = new FreeStack();
      this.carvePage[c] = -1;
      this.carveNext[c] = 0;
    }
    this.usedBytes = 0;
  }
}
