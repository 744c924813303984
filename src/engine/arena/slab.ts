/**
 * Off-heap item memory: size-class slabs carved from 256 KiB pages (plain
 * Buffers), so small keys and values cost no JS object each and sit next to
 * each other in memory. A chunk is named by a 31-bit ref:
 *
 *   ref = pageId << 14 | chunkIndex        (pageId < 131072: 32 GiB; chunkIndex < 16384)
 *   byte offset in the page = chunkIndex * chunkSize(class of the page)
 *
 * Each page has a bitmap of its chunks (1 = in use) and a use count. A page
 * whose last chunk is freed goes back to a shared pool, so memory left behind
 * by one size class can serve another and churn cannot strand pages forever.
 * Non-goals: moving live chunks (no compaction), chunks above MAX_CHUNK.
 */

/**
 * 256 KiB: small enough that the one partly carved page each of the ~380
 * classes keeps costs little, big enough for 16 chunks of the largest class.
 */
export const PAGE_SIZE = 256 * 1024;
/** Bits of a ref that name the chunk within its page. */
export const CHUNK_BITS = 14;
export const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
const MAX_PAGES = 1 << (31 - CHUNK_BITS);
/** What the OS makes resident at a time: untouched parts of a page cost no RSS. */
const OS_PAGE = 4096;
/** Largest chunk; bigger items keep their value outside the arena. */
export const MAX_CHUNK = 16 * 1024;
/** Smallest chunk: 256 KiB / 16 B = 16384 chunks, what a 14-bit chunk index names. */
const MIN_CHUNK = 16;
/** Spare empty pages kept for reuse instead of being handed back to the GC. */
const SPARE_PAGES = 4;

/**
 * Chunk sizes. Exact to the byte up to 256 B, where most cache items are and
 * where rounding costs most in proportion (a 16-byte key and a 128-byte value
 * make a 151-byte item: a 152- or 160-byte chunk would cost 1 to 9 bytes a
 * key); then 8-byte steps to 1 KiB; then about 6 % growth to 16 KiB. Pages
 * are only touched as they are carved, so a class with few items costs one
 * partly resident page, not 1 MiB.
 */
export const CLASS_SIZES: readonly number[] = (() => {
  const sizes: number[] = [];
  for (let s = MIN_CHUNK; s <= 256; s++) sizes.push(s);
  for (let s = 264; s <= 1024; s += 8) sizes.push(s);
  let s = 1024;
  for (;;) {
    s = Math.ceil((s * 1.0625) / 8) * 8;
    if (s >= MAX_CHUNK) break;
    sizes.push(s);
  }
  sizes.push(MAX_CHUNK);
  return sizes;
})();

const CLASS_OF = (() => {
  const table = new Uint16Array(MAX_CHUNK + 1);
  let c = 0;
  for (let size = 0; size <= MAX_CHUNK; size++) {
    while (CLASS_SIZES[c]! < size) c++;
    table[size] = c;
  }
  return table;
})();

/** Class index for an item of `size` bytes (size <= MAX_CHUNK). */
export function classFor(size: number): number {
  return CLASS_OF[size]!;
}

/** Chunk size of the class an item of `size` bytes lands in. */
export function chunkSizeFor(size: number): number {
  return CLASS_SIZES[CLASS_OF[size]!]!;
}

export class SlabArena {
  /** Page memory by page id (an empty Buffer for a released id). */
  readonly pages: Uint8Array[] = [];
  /** Per page: chunk size (0 = released), chunks in use, chunk count, bitmap, search hint. */
  private chunkSize: number[] = [];
  private inUse: number[] = [];
  private chunkCount: number[] = [];
  private bitmaps: Int32Array[] = [];
  private hints: number[] = [];
  /** Per page: one past the highest chunk ever handed out (what has been touched). */
  private highWater: number[] = [];
  /** Per class: the page allocations come from, and pages with free chunks. */
  private readonly current: number[] = CLASS_SIZES.map(() => -1);
  private readonly partial: number[][] = CLASS_SIZES.map(() => []);
  private freeIds: number[] = [];
  private spare: Uint8Array[] = [];
  private livePages = 0;
  /** Bytes in chunks handed out (what items occupy, rounding included). */
  usedBytes = 0;

  /** Bytes of all live pages (what the arena holds from the system). */
  get reservedBytes(): number {
    return this.livePages * PAGE_SIZE;
  }

  /** A chunk of at least `size` bytes (size <= MAX_CHUNK). */
  alloc(size: number): number {
    const cls = CLASS_OF[size]!;
    let page = this.current[cls]!;
    if (page < 0 || this.inUse[page] === this.chunkCount[page]) page = this.pageWithRoom(cls);
    const bits = this.bitmaps[page]!;
    let w = this.hints[page]!;
    while (bits[w] === -1) w++;
    const word = bits[w]!;
    const lowestFree = ~word & (word + 1);
    bits[w] = word | lowestFree;
    this.hints[page] = w;
    this.inUse[page]!++;
    this.usedBytes += this.chunkSize[page]!;
    const chunk = (w << 5) + 31 - Math.clz32(lowestFree);
    if (chunk >= this.highWater[page]!) this.highWater[page] = chunk + 1;
    return (page << CHUNK_BITS) | chunk;
  }

  /** Returns a chunk to its page; a page left empty goes back to the pool. */
  release(ref: number): void {
    const page = ref >>> CHUNK_BITS;
    const chunk = ref & CHUNK_MASK;
    const bits = this.bitmaps[page]!;
    const w = chunk >>> 5;
    bits[w] = bits[w]! & ~(1 << (chunk & 31));
    if (w < this.hints[page]!) this.hints[page] = w;
    const size = this.chunkSize[page]!;
    this.usedBytes -= size;
    const cls = CLASS_OF[size]!;
    const wasFull = this.inUse[page] === this.chunkCount[page];
    const left = --this.inUse[page]!;
    if (this.current[cls] === page) return;
    if (left === 0) this.freePage(page);
    else if (wasFull) this.partial[cls]!.push(page);
  }

  /** The page memory holding `ref`. */
  page(ref: number): Uint8Array {
    return this.pages[ref >>> CHUNK_BITS]!;
  }

  /** Byte offset of `ref` in its page. */
  offset(ref: number): number {
    return (ref & CHUNK_MASK) * this.chunkSize[ref >>> CHUNK_BITS]!;
  }

  /** Usable bytes of the chunk `ref`. */
  capacity(ref: number): number {
    return this.chunkSize[ref >>> CHUNK_BITS]!;
  }

  /** Whether `ref` names a chunk in use (for tests and assertions). */
  isAllocated(ref: number): boolean {
    const page = ref >>> CHUNK_BITS;
    const chunk = ref & CHUNK_MASK;
    if (page >= this.pages.length || this.chunkSize[page] === 0 || chunk >= this.chunkCount[page]!) return false;
    return (this.bitmaps[page]![chunk >>> 5]! & (1 << (chunk & 31))) !== 0;
  }

  /**
   * Bytes of pages that have been touched, rounded to OS pages: an estimate
   * of the arena's share of RSS (a page is only resident as far as it was carved).
   */
  get residentBytes(): number {
    let n = 0;
    for (let p = 0; p < this.pages.length; p++) {
      const size = this.chunkSize[p]!;
      if (size !== 0) n += Math.min(PAGE_SIZE, Math.ceil((this.highWater[p]! * size) / OS_PAGE) * OS_PAGE);
    }
    return n;
  }

  /** Drops the empty pages kept for reuse (MEMORY PURGE); returns their bytes. */
  purge(): number {
    const bytes = this.spare.length * PAGE_SIZE;
    this.spare = [];
    return bytes;
  }

  /** Pages currently held, for fragmentation figures. */
  get pageCount(): number {
    return this.livePages;
  }

  /** Drops every page. */
  clear(): void {
    this.pages.length = 0;
    this.chunkSize = [];
    this.inUse = [];
    this.chunkCount = [];
    this.bitmaps = [];
    this.hints = [];
    this.highWater = [];
    this.freeIds = [];
    this.spare = [];
    for (let c = 0; c < CLASS_SIZES.length; c++) {
      this.current[c] = -1;
      this.partial[c] = [];
    }
    this.livePages = 0;
    this.usedBytes = 0;
  }

  private pageWithRoom(cls: number): number {
    const size = CLASS_SIZES[cls]!;
    const partial = this.partial[cls]!;
    while (partial.length > 0) {
      const p = partial.pop()!;
      // Entries go stale when a page was freed (and maybe reused by another class).
      if (this.chunkSize[p] === size && this.inUse[p]! < this.chunkCount[p]!) {
        this.retireCurrent(cls);
        this.current[cls] = p;
        return p;
      }
    }
    this.retireCurrent(cls);
    const p = this.newPage(size);
    this.current[cls] = p;
    return p;
  }

  /** The class's current page stops being current; free it if it is empty. */
  private retireCurrent(cls: number): void {
    const old = this.current[cls]!;
    this.current[cls] = -1;
    if (old < 0) return;
    if (this.inUse[old] === 0) this.freePage(old);
    else if (this.inUse[old]! < this.chunkCount[old]!) this.partial[cls]!.push(old);
  }

  private newPage(size: number): number {
    const count = Math.min(CHUNK_MASK + 1, Math.floor(PAGE_SIZE / size));
    const words = (count + 31) >>> 5;
    const bits = new Int32Array(words);
    // Bits past the last chunk read as used, so the search never returns them.
    if (count & 31) bits[words - 1] = ~((1 << (count & 31)) - 1);
    let id = this.freeIds.pop();
    if (id === undefined) {
      id = this.pages.length;
      if (id >= MAX_PAGES) throw new RangeError('slab arena is full');
      this.pages.push(EMPTY);
      this.chunkSize.push(0);
      this.inUse.push(0);
      this.chunkCount.push(0);
      this.bitmaps.push(NO_BITS);
      this.hints.push(0);
      this.highWater.push(0);
    }
    // Buffers, so copies out of a page use Buffer#copy (no view object).
    this.pages[id] = this.spare.pop() ?? Buffer.allocUnsafeSlow(PAGE_SIZE);
    this.chunkSize[id] = size;
    this.inUse[id] = 0;
    this.chunkCount[id] = count;
    this.bitmaps[id] = bits;
    this.hints[id] = 0;
    this.highWater[id] = 0;
    this.livePages++;
    return id;
  }

  private freePage(p: number): void {
    // A spare page has been touched as far as its high-water mark; reusing it
    // first keeps RSS from growing.
    if (this.spare.length < SPARE_PAGES) this.spare.push(this.pages[p]!);
    this.pages[p] = EMPTY;
    this.chunkSize[p] = 0;
    this.chunkCount[p] = 0;
    this.bitmaps[p] = NO_BITS;
    this.freeIds.push(p);
    this.livePages--;
  }
}

const EMPTY = Buffer.alloc(0);
const NO_BITS = new Int32Array(0);
