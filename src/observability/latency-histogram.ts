/**
 * Per-command latency for INFO latencystats: an HDR histogram with the
 * parameters Redis 7.0 gives hdr_init() (values 1 ns .. 1 s, 2 significant
 * figures), so the percentiles INFO prints are the bucket edges Redis prints
 * for the same durations (a 14 us call reads p50=14.015).
 *
 * Layout as hdr_histogram.c with unit magnitude 0: 23 buckets of 128 counts
 * after a first bucket of 256 at unit resolution; bucket k holds values of
 * [128 << k, 256 << k) at a resolution of 1 << k.
 */

import { formatPercentile } from '../config/values.js';

/** Redis's LATENCY_HISTOGRAM_MIN_VALUE and MAX_VALUE, in nanoseconds. */
const MIN_NS = 1;
const MAX_NS = 1_000_000_000;
/** sub_bucket_half_count_magnitude for 2 significant figures: 2 * 10^2 units need 2^8 sub-buckets. */
const HALF_MAGNITUDE = 7;
const HALF_COUNT = 1 << HALF_MAGNITUDE;
const SUB_BUCKET_MASK = (HALF_COUNT << 1) - 1;
/** Buckets to reach MAX_NS (256 << 22 > 1e9), plus the first, times the half count. */
const COUNTS_LEN = (23 + 1) * HALF_COUNT;

function bucketOf(v: number): number {
  // 64 - clz64(v | mask) - (half magnitude + 1), with v < 2^32.
  return 32 - Math.clz32(v | SUB_BUCKET_MASK) - (HALF_MAGNITUDE + 1);
}

function indexOf(v: number): number {
  const bucket = bucketOf(v);
  const sub = v >>> bucket;
  return ((bucket + 1) << HALF_MAGNITUDE) + (sub - HALF_COUNT);
}

/** The lowest value counted at `index` (hdr_value_at_index). */
function valueAt(index: number): number {
  let bucket = (index >> HALF_MAGNITUDE) - 1;
  let sub = (index & (HALF_COUNT - 1)) + HALF_COUNT;
  if (bucket < 0) {
    sub -= HALF_COUNT;
    bucket = 0;
  }
  return sub * 2 ** bucket;
}

/** The highest value that shares v's count (highest_equivalent_value). */
function highestEquivalent(v: number): number {
  const bucket = bucketOf(v);
  const sub = v >>> bucket;
  const lowest = sub * 2 ** bucket;
  const size = 2 ** (sub >= HALF_COUNT << 1 ? bucket + 1 : bucket);
  return lowest + size - 1;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(COUNTS_LEN);
  total = 0;

  /** The counts by index, for cumulativeBuckets(). */
  get countsView(): Float64Array {
    return this.counts;
  }

  /** Records one call of `us` microseconds (Redis measures whole microseconds and records ns). */
  recordUs(us: number): void {
    let ns = us * 1000;
    if (ns < MIN_NS) ns = MIN_NS;
    else if (ns > MAX_NS) ns = MAX_NS;
    this.counts[indexOf(ns)]!++;
    this.total++;
  }

  /** hdr_value_at_percentile(), in nanoseconds: the top of the bucket holding that rank. */
  valueAtPercentile(percentile: number): number {
    const p = percentile < 100 ? percentile : 100;
    let rank = Math.floor((p / 100) * this.total + 0.5);
    if (rank < 1) rank = 1;
    const counts = this.counts;
    let seen = 0;
    for (let i = 0; i < COUNTS_LEN; i++) {
      seen += counts[i]!;
      // Percentile 0 is the bottom of its bucket, any other the top (hdr_histogram's rule).
      if (seen >= rank) return percentile === 0 ? valueAt(i) : highestEquivalent(valueAt(i));
    }
    return 0;
  }
}

/**
 * LATENCY HISTOGRAM's histogram_usec: Redis's fillCommandCDF() over an
 * hdr_iter_log from 1024 ns doubling, as (microseconds, cumulative count)
 * pairs, a pair only where the count grew. A level's microseconds are the
 * top of its bucket divided down (1024 ns reads 1, 32768 ns reads 33).
 */
export function cumulativeBuckets(h: LatencyHistogram): [number, number][] {
  const out: [number, number][] = [];
  const counts = h.countsView;
  let cum = 0;
  let emitted = 0;
  let i = 0;
  for (let level = 1024; emitted < h.total; level *= 2) {
    while (i < COUNTS_LEN && valueAt(i) < level) cum += counts[i++]!;
    // The iterator reports at the bucket starting at the level, that bucket counted; past the last one it stops.
    if (i >= COUNTS_LEN) break;
    cum += counts[i++]!;
    if (cum > emitted) {
      out.push([Math.floor(highestEquivalent(level) / 1000), cum]);
      emitted = cum;
    }
  }
  return out;
}

/** One INFO latencystats line's value part: p50=1.003,p99=...; microseconds with three decimals. */
export function formatPercentiles(h: LatencyHistogram, percentiles: readonly number[]): string {
  return percentiles.map((p) => `p${formatPercentile(p)}=${(h.valueAtPercentile(p) / 1000).toFixed(3)}`).join(',');
}
