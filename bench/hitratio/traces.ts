// Deterministic synthetic key-access traces for the hit-ratio benchmark, and
// the table of traces that makes up the standard suite. Same seed, same trace,
// on every machine: all randomness comes from the seeded PRNG below.

/** Trace length of the standard suite. */
export const DEFAULT_TRACE_LENGTH = 1_000_000;
/** Distinct keys the standard suite draws its (non-scan) traffic from. */
export const DEFAULT_UNIVERSE = 100_000;

/**
 * mulberry32: a tiny 32-bit PRNG, good enough for workload generation and
 * identical across platforms (Math.random is neither seedable nor portable).
 * Returns a function yielding floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkCount(what: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${what} must be an integer >= ${min}, got ${v}`);
}

/** Fisher-Yates shuffle of the first `k` positions: a uniform random k-subset lands in perm[0..k). */
function partialShuffle(perm: Int32Array, k: number, rand: () => number): void {
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (perm.length - i));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
}

function identity(size: number): Int32Array {
  const a = new Int32Array(size);
  for (let i = 0; i < size; i++) a[i] = i;
  return a;
}

/**
 * A Zipf(alpha) sampler over `universe` keys by inverse CDF: an exact
 * cumulative table and a binary search. Exact, unlike the rejection/approximate
 * generators (YCSB's, Gray's), which are only valid or only accurate for some alpha.
 */
function zipfSampler(universe: number, alpha: number, rand: () => number): () => number {
  const cdf = new Float64Array(universe);
  let sum = 0;
  for (let r = 0; r < universe; r++) cdf[r] = sum += Math.pow(r + 1, -alpha);
  for (let r = 0; r < universe; r++) cdf[r] = cdf[r]! / sum;
  cdf[universe - 1] = 1; // rounding must never leave a u in [0,1) past the last rank
  // Popular ranks would otherwise be keys 0,1,2,..., which flatters any policy
  // whose layout depends on key ids (hashing, slot tables).
  const keyOfRank = identity(universe);
  partialShuffle(keyOfRank, universe, rand);
  return () => {
    const u = rand();
    let lo = 0;
    let hi = universe - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return keyOfRank[lo]!;
  };
}

/**
 * Independent requests with Zipf(alpha) popularity over keys [0, universe):
 * rank r (1-based) is requested with probability proportional to r^-alpha.
 * Which key id gets which rank is a seeded shuffle.
 * @param n trace length
 * @param universe distinct keys that may be requested
 * @param alpha skew; any alpha >= 0 (0 is uniform, < 1 is fine too)
 * @param seed PRNG seed
 */
export function zipf(n: number, universe: number, alpha: number, seed: number): Int32Array {
  checkCount('n', n, 0);
  checkCount('universe', universe, 1);
  if (!(alpha >= 0)) throw new RangeError(`alpha must be >= 0, got ${alpha}`);
  const next = zipfSampler(universe, alpha, mulberry32(seed));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = next();
  return out;
}

/**
 * Zipf traffic (as {@link zipf}) polluted by periodic one-off sequential scans,
 * the pattern that flushes an LRU cache (a batch job, a backup, a KEYS walk
 * through a read-through cache). Every `scanEvery` requests end with a scan of
 * `scanLength` consecutive fresh key ids, all >= universe and each requested
 * exactly once in the whole trace. The defaults, a scan of universe/2 keys
 * every 2*universe requests, make 25 % of the requests scan requests while
 * leaving 1.5*universe Zipf requests between scans for the cache to recover.
 * @param n trace length
 * @param universe distinct keys of the Zipf part
 * @param alpha Zipf skew
 * @param seed PRNG seed
 * @param scanEvery period in requests (Zipf + scan), > scanLength
 * @param scanLength requests (and fresh keys) per scan, >= 1
 */
export function zipfWithScans(
  n: number,
  universe: number,
  alpha: number,
  seed: number,
  scanEvery = 2 * universe,
  scanLength = Math.max(1, Math.round(universe / 2)),
): Int32Array {
  checkCount('n', n, 0);
  checkCount('universe', universe, 1);
  checkCount('scanLength', scanLength, 1);
  checkCount('scanEvery', scanEvery, scanLength + 1);
  const next = zipfSampler(universe, alpha, mulberry32(seed));
  const zipfPart = scanEvery - scanLength;
  const out = new Int32Array(n);
  let fresh = universe;
  for (let i = 0; i < n; i++) out[i] = i % scanEvery < zipfPart ? next() : fresh++;
  return out;
}

/**
 * Cyclic sequential access 0, 1, ..., loopSize-1, 0, 1, ...: the classic LRU
 * worst case when loopSize exceeds the cache by even one key.
 * @param n trace length
 * @param loopSize distinct keys in the loop
 * @param _seed unused; accepted so every generator has the same shape
 */
export function loop(n: number, loopSize: number, _seed = 0): Int32Array {
  checkCount('n', n, 0);
  checkCount('loopSize', loopSize, 1);
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < n; i++) {
    out[i] = k;
    if (++k === loopSize) k = 0;
  }
  return out;
}

/**
 * {@link loop} sized from the cache under test: 10 % more keys than `capacity`
 * (at least one more), so the working set just fails to fit.
 * @param n trace length
 * @param capacity keys the cache under test holds
 * @param seed passed through to {@link loop}
 */
export function loopOverCache(n: number, capacity: number, seed = 0): Int32Array {
  checkCount('capacity', capacity, 1);
  return loop(n, Math.max(capacity + 1, Math.round(capacity * 1.1)), seed);
}

/**
 * A moving working set: 90 % of requests are uniform over a hot set of
 * `hotSize` keys, 10 % uniform over the whole universe; every `phaseLength`
 * requests the hot set jumps to a fresh uniform random subset of the universe.
 * Rewards policies that forget old popularity quickly.
 * @param n trace length
 * @param universe keys [0, universe) that may be requested
 * @param hotSize keys in the hot set, <= universe
 * @param phaseLength requests between hot-set moves
 * @param seed PRNG seed
 */
export function shiftingHotSet(n: number, universe: number, hotSize: number, phaseLength: number, seed: number): Int32Array {
  checkCount('n', n, 0);
  checkCount('universe', universe, 1);
  checkCount('hotSize', hotSize, 1);
  checkCount('phaseLength', phaseLength, 1);
  if (hotSize > universe) throw new RangeError(`hotSize ${hotSize} exceeds universe ${universe}`);
  const rand = mulberry32(seed);
  const perm = identity(universe);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (i % phaseLength === 0) partialShuffle(perm, hotSize, rand);
    out[i] = rand() < 0.9 ? perm[Math.floor(rand() * hotSize)]! : Math.floor(rand() * universe);
  }
  return out;
}

/** Distinct key ids in a trace (ids must be >= 0). */
export function countDistinct(trace: Int32Array): number {
  let max = -1;
  for (let i = 0; i < trace.length; i++) if (trace[i]! > max) max = trace[i]!;
  const seen = new Uint8Array(max + 1);
  let distinct = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace[i]!;
    if (seen[k] === 0) {
      seen[k] = 1;
      distinct++;
    }
  }
  return distinct;
}

/**
 * One trace of the standard suite. A 'fixed' trace is generated once and the
 * cache sizes are fractions of the distinct keys it actually contains. A
 * 'perCapacity' trace is built around the cache size (the loop must be just
 * larger than the cache), so it is regenerated for each capacity, and the
 * capacity is that fraction of the universe instead.
 */
export type TraceSpec =
  | { name: string; description: string; kind: 'fixed'; generate(length: number, universe: number, seed: number): Int32Array }
  | {
      name: string;
      description: string;
      kind: 'perCapacity';
      generate(length: number, universe: number, seed: number, capacity: number): Int32Array;
    };

/**
 * The standard suite. Length and universe are parameters (defaults
 * {@link DEFAULT_TRACE_LENGTH}, {@link DEFAULT_UNIVERSE}) so tests can run the
 * same traces in miniature; the other shape parameters scale with them.
 */
export const TRACES: readonly TraceSpec[] = [
  {
    name: 'zipf-0.8',
    description: 'Zipf alpha 0.8: mild skew, long tail',
    kind: 'fixed',
    generate: (length, universe, seed) => zipf(length, universe, 0.8, seed),
  },
  {
    name: 'zipf-0.99',
    description: 'Zipf alpha 0.99: the YCSB default skew',
    kind: 'fixed',
    generate: (length, universe, seed) => zipf(length, universe, 0.99, seed),
  },
  {
    name: 'zipf-1.2',
    description: 'Zipf alpha 1.2: heavy skew, a small hot core',
    kind: 'fixed',
    generate: (length, universe, seed) => zipf(length, universe, 1.2, seed),
  },
  {
    name: 'zipf-0.99+scans',
    description: 'Zipf 0.99 with a one-off scan of universe/2 fresh keys every 2*universe requests (25 % scan requests)',
    kind: 'fixed',
    generate: (length, universe, seed) => zipfWithScans(length, universe, 0.99, seed),
  },
  {
    name: 'loop-1.1x',
    description: 'cyclic scan over 1.1 x capacity keys (capacity = fraction x universe)',
    kind: 'perCapacity',
    generate: (length, _universe, seed, capacity) => loopOverCache(length, capacity, seed),
  },
  {
    name: 'hotset-shift',
    description: '90 % over a hot set of universe/20 keys that moves every universe requests, 10 % uniform',
    kind: 'fixed',
    generate: (length, universe, seed) =>
      shiftingHotSet(length, universe, Math.max(1, Math.round(universe / 20)), universe, seed),
  },
];
