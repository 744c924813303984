// Hit-ratio harness: replays the synthetic traces through cache policies at
// several cache sizes, next to exact LRU and Belady's OPT, and formats the miss
// ratios side by side. Run directly, it prints the standard suite for the built-in baselines.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ExactLru, maxKeyOf, simulateBelady, simulateLru } from './reference.js';
import { DEFAULT_TRACE_LENGTH, DEFAULT_UNIVERSE, TRACES, countDistinct } from './traces.js';

/** A cache under test, count-based: it holds at most the capacity it was created with. */
export interface ReplayCache {
  /** True on a hit; on a miss the cache inserts `key`, evicting by its own policy. */
  access(key: number): boolean;
}

/** A named policy; `create` is called afresh for every (trace, size). */
export interface PolicyUnderTest {
  name: string;
  /**
   * @param capacity most keys the cache may hold
   * @param universe key ids in the trace are in [0, universe); scan traces go past the Zipf universe
   */
  create(capacity: number, universe: number): ReplayCache;
}

/** Misses of one simulator or policy on one (trace, size). */
export interface MissCount {
  name: string;
  misses: number;
  /** misses / requests, in [0, 1]. */
  missRatio: number;
}

/** One trace at one cache size. */
export interface HitRatioRow {
  trace: string;
  /** The requested size: a fraction of `distinctKeys`, or of the universe for per-capacity traces. */
  sizeFraction: number;
  capacity: number;
  requests: number;
  distinctKeys: number;
  lru: MissCount;
  belady: MissCount;
  /** In the order the policies were given. */
  policies: MissCount[];
}

/** Everything {@link runHitRatio} measured; plain data, JSON-serialisable. */
export interface HitRatioResult {
  length: number;
  universe: number;
  seed: number;
  sizes: number[];
  traces: string[];
  policies: string[];
  rows: HitRatioRow[];
}

/** Options of {@link runHitRatio}. */
export interface HitRatioOptions {
  policies: PolicyUnderTest[];
  /** Names from TRACES; default all of them. */
  traces?: string[];
  /** Cache sizes as fractions of the distinct keys in each trace; default [0.01, 0.1, 0.3]. */
  sizes?: number[];
  /** Requests per trace; default 1_000_000. */
  length?: number;
  /** Keys the traces draw from; default 100_000. */
  universe?: number;
  /** Base seed; each trace derives its own from it and its name. Default 1. */
  seed?: number;
}

/** Misses of `cache` replaying `trace`. */
export function replay(cache: ReplayCache, trace: Int32Array): number {
  let misses = 0;
  for (let i = 0; i < trace.length; i++) if (!cache.access(trace[i]!)) misses++;
  return misses;
}

/** FNV-1a of the name mixed into the seed, so a trace is the same whichever subset of the suite runs. */
function traceSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Replays each selected trace at each size through exact LRU, Belady's OPT and
 * every policy. Capacity is round(fraction x distinct keys present in the
 * trace), at least 1; for traces built around the cache size (the loop), the
 * fraction applies to the universe instead.
 */
export function runHitRatio(options: HitRatioOptions): HitRatioResult {
  const length = options.length ?? DEFAULT_TRACE_LENGTH;
  const universe = options.universe ?? DEFAULT_UNIVERSE;
  const seed = options.seed ?? 1;
  const sizes = options.sizes ?? [0.01, 0.1, 0.3];
  const names = options.traces ?? TRACES.map((t) => t.name);
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`length must be a positive integer, got ${length}`);
  if (!Number.isInteger(universe) || universe < 1) throw new RangeError(`universe must be a positive integer, got ${universe}`);
  for (const f of sizes) if (!(f > 0)) throw new RangeError(`size fractions must be > 0, got ${f}`);
  const policyNames = options.policies.map((p) => p.name);
  if (new Set(policyNames).size !== policyNames.length) throw new Error(`duplicate policy names: ${policyNames.join(', ')}`);

  const rows: HitRatioRow[] = [];
  for (const name of names) {
    const spec = TRACES.find((t) => t.name === name);
    if (spec === undefined) throw new Error(`unknown trace ${name}; known: ${TRACES.map((t) => t.name).join(', ')}`);
    const s = traceSeed(seed, name);
    const fixed = spec.kind === 'fixed' ? spec.generate(length, universe, s) : undefined;
    const fixedDistinct = fixed === undefined ? 0 : countDistinct(fixed);
    for (const sizeFraction of sizes) {
      let trace: Int32Array;
      let capacity: number;
      if (spec.kind === 'fixed') {
        trace = fixed!;
        capacity = Math.max(1, Math.round(sizeFraction * fixedDistinct));
      } else {
        capacity = Math.max(1, Math.round(sizeFraction * universe));
        trace = spec.generate(length, universe, s, capacity);
      }
      const keySpace = maxKeyOf(trace) + 1;
      const count = (n: string, misses: number): MissCount => ({ name: n, misses, missRatio: misses / trace.length });
      rows.push({
        trace: name,
        sizeFraction,
        capacity,
        requests: trace.length,
        distinctKeys: spec.kind === 'fixed' ? fixedDistinct : countDistinct(trace),
        lru: count('LRU', simulateLru(trace, capacity)),
        belady: count('OPT', simulateBelady(trace, capacity)),
        policies: options.policies.map((p) => count(p.name, replay(p.create(capacity, keySpace), trace))),
      });
    }
  }
  return { length, universe, seed, sizes, traces: names, policies: policyNames, rows };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Change in misses vs LRU, in %; negative is fewer misses. */
function vsLru(misses: number, lruMisses: number): string {
  if (lruMisses === 0) return misses === 0 ? '+0.0%' : 'n/a';
  const d = ((misses - lruMisses) / lruMisses) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
}

/**
 * One row per (trace, size): the miss ratio of OPT, LRU and each policy, each
 * with its change in misses vs LRU. OPT is the bound no policy can beat; a
 * policy below it is marked `!`, as it must be holding more than its capacity
 * or misreporting hits.
 */
export function formatHitRatioTable(r: HitRatioResult): string {
  const header = ['trace', 'size', 'capacity', 'OPT (bound)', 'LRU', ...r.policies];
  const lines: string[][] = [header];
  for (const row of r.rows) {
    const cell = (m: MissCount): string =>
      `${pct(m.missRatio)} (${vsLru(m.misses, row.lru.misses)})${m.misses < row.belady.misses ? ' !' : ''}`;
    lines.push([
      row.trace,
      `${+(row.sizeFraction * 100).toFixed(2)}%`,
      String(row.capacity),
      cell(row.belady),
      pct(row.lru.missRatio),
      ...row.policies.map(cell),
    ]);
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const text = lines.map((l) => l.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ').trimEnd());
  return [
    `Miss ratio (change in misses vs LRU; negative = fewer). ${r.length} requests per trace, universe ${r.universe}, seed ${r.seed}.`,
    'Size is a fraction of the distinct keys in the trace (of the universe for loop traces).',
    ...text,
  ].join('\n');
}

/** Count-based FIFO: a ring of resident keys, evicting in insertion order whatever the hits. */
class Fifo implements ReplayCache {
  private readonly ring: Int32Array;
  private readonly present: Uint8Array;
  private oldest = 0;
  private size = 0;

  constructor(
    private readonly capacity: number,
    universe: number,
  ) {
    this.ring = new Int32Array(capacity);
    this.present = new Uint8Array(universe);
  }

  access(key: number): boolean {
    if (this.present[key] === 1) return true;
    const slot = (this.oldest + this.size) % this.capacity;
    if (this.size === this.capacity) {
      this.present[this.ring[this.oldest]!] = 0;
      this.oldest = (this.oldest + 1) % this.capacity;
    } else {
      this.size++;
    }
    this.ring[slot] = key;
    this.present[key] = 1;
    return false;
  }
}

/**
 * Sanity baselines until the adapters over the real engine exist: 'lru-exact'
 * must match the LRU column exactly, and 'fifo' shows what ignoring hits costs.
 */
export const builtinPolicies: readonly PolicyUnderTest[] = [
  { name: 'lru-exact', create: (capacity, universe) => new ExactLru(capacity, universe) },
  { name: 'fifo', create: (capacity, universe) => new Fifo(capacity, universe) },
];

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  console.log(formatHitRatioTable(runHitRatio({ policies: [...builtinPolicies] })));
}
