// Exact reference simulators for the hit-ratio benchmark: LRU and Belady's
// optimum (OPT) over count-based caches (every key the same size, at most
// `capacity` keys resident), counting misses. Policies are judged against these.

/** Largest key id in a trace, -1 when it is empty. Sizes the per-key arrays. */
export function maxKeyOf(trace: Int32Array): number {
  let max = -1;
  for (let i = 0; i < trace.length; i++) if (trace[i]! > max) max = trace[i]!;
  return max;
}

function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
}

/**
 * Exact LRU over key ids in [0, keySpace). The recency list is doubly linked
 * through Int32Array prev/next indexed by key id, with slot `keySpace` as the
 * sentinel, so every access is O(1) and allocates nothing: the reference must
 * be cheap enough to run next to every policy at 1e6 accesses.
 */
export class ExactLru {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly present: Uint8Array;
  private readonly head: number;
  private size = 0;

  /**
   * @param capacity most keys held at once, >= 1
   * @param keySpace key ids accepted are [0, keySpace)
   */
  constructor(
    readonly capacity: number,
    readonly keySpace: number,
  ) {
    checkCapacity(capacity);
    this.prev = new Int32Array(keySpace + 1);
    this.next = new Int32Array(keySpace + 1);
    this.present = new Uint8Array(keySpace);
    this.head = keySpace;
    this.prev[keySpace] = keySpace;
    this.next[keySpace] = keySpace;
  }

  /** Touches `key`: true on a hit; on a miss inserts it, evicting the least recently used key if full. */
  access(key: number): boolean {
    // Typed arrays drop out-of-range writes silently, which would corrupt the list.
    if (key >>> 0 !== key || key >= this.keySpace) throw new RangeError(`key ${key} outside [0, ${this.keySpace})`);
    const { prev, next, head } = this;
    if (this.present[key] === 1) {
      if (next[head] === key) return true;
      const p = prev[key]!;
      const n = next[key]!;
      next[p] = n;
      prev[n] = p;
      this.pushFront(key);
      return true;
    }
    if (this.size === this.capacity) {
      const victim = prev[head]!;
      const p = prev[victim]!;
      next[p] = head;
      prev[head] = p;
      this.present[victim] = 0;
      this.size--;
    }
    this.present[key] = 1;
    this.size++;
    this.pushFront(key);
    return false;
  }

  private pushFront(key: number): void {
    const { prev, next, head } = this;
    const first = next[head]!;
    next[key] = first;
    prev[key] = head;
    prev[first] = key;
    next[head] = key;
  }
}

/** Misses of an exact LRU cache of `capacity` keys replaying `trace`. */
export function simulateLru(trace: Int32Array, capacity: number): number {
  const lru = new ExactLru(capacity, maxKeyOf(trace) + 1);
  let misses = 0;
  for (let i = 0; i < trace.length; i++) if (!lru.access(trace[i]!)) misses++;
  return misses;
}

/**
 * Misses of Belady's OPT with `capacity` keys: a miss always inserts the key
 * (demand paging, no bypass, like the policies it bounds), and when full it
 * evicts the resident key whose next use lies farthest ahead, keys never used
 * again first. No policy that holds at most `capacity` keys misses less.
 *
 * Next uses come from one backward pass. Resident keys sit in a binary max-heap
 * keyed by next use with lazy invalidation: a hit pushes a fresh entry instead
 * of updating the old one, and a popped entry counts only if it still matches
 * its key's current next use. (A stale entry holds a next use that is already
 * past while every current one lies ahead, so the max is in fact always
 * current; the check guards that reasoning.) Each access pushes at most one
 * entry, so the heap never exceeds the trace length: O(n log n) overall.
 */
export function simulateBelady(trace: Int32Array, capacity: number): number {
  checkCapacity(capacity);
  const n = trace.length;
  const keySpace = maxKeyOf(trace) + 1;
  // `n` is later than any index: "never used again" sorts as farthest.
  const nextUse = new Int32Array(n);
  const upcoming = new Int32Array(keySpace).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    const k = trace[i]!;
    nextUse[i] = upcoming[k]!;
    upcoming[k] = i;
  }
  // After the backward pass `upcoming` is free; it now holds the next use of
  // each resident key, the value a heap entry must match to be current.
  const current = upcoming;
  const resident = new Uint8Array(keySpace);
  const heapUse = new Int32Array(n);
  const heapKey = new Int32Array(n);
  let heapSize = 0;

  const push = (use: number, key: number): void => {
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapUse[parent]! >= use) break;
      heapUse[i] = heapUse[parent]!;
      heapKey[i] = heapKey[parent]!;
      i = parent;
    }
    heapUse[i] = use;
    heapKey[i] = key;
  };
  const popTop = (): void => {
    const use = heapUse[--heapSize]!;
    const key = heapKey[heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapUse[child + 1]! > heapUse[child]!) child++;
      if (heapUse[child]! <= use) break;
      heapUse[i] = heapUse[child]!;
      heapKey[i] = heapKey[child]!;
      i = child;
    }
    heapUse[i] = use;
    heapKey[i] = key;
  };

  let size = 0;
  let misses = 0;
  for (let i = 0; i < n; i++) {
    const k = trace[i]!;
    const use = nextUse[i]!;
    if (resident[k] === 1) {
      current[k] = use;
      push(use, k);
      continue;
    }
    misses++;
    if (size === capacity) {
      // Every resident key has exactly one current entry, so this terminates.
      for (;;) {
        const topUse = heapUse[0]!;
        const topKey = heapKey[0]!;
        popTop();
        if (resident[topKey] === 1 && current[topKey] === topUse) {
          resident[topKey] = 0;
          size--;
          break;
        }
      }
    }
    resident[k] = 1;
    current[k] = use;
    size++;
    push(use, k);
  }
  return misses;
}
