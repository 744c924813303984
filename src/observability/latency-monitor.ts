/**
 * The latency monitor (Redis 7.0's latency.c): with latency-monitor-threshold
 * set, an event that takes at least that many milliseconds leaves a sample
 * in its time series: 160 slots of (unix second, ms), one per second (a
 * second's later sample only raises it), and the all-time maximum. Events
 * here are "command" and "fast-command" (a call, by the command's fast flag),
 * as Redis names them.
 */

/** LATENCY_TS_LEN. */
export const SERIES_LEN = 160;

export class LatencySeries {
  readonly times = new Float64Array(SERIES_LEN);
  readonly latencies = new Float64Array(SERIES_LEN);
  /** Slot the next second's sample goes to. */
  idx = 0;
  max = 0;

  /** The newest slot. */
  get last(): number {
    return (this.idx + SERIES_LEN - 1) % SERIES_LEN;
  }

  /** The samples taken, oldest first, as [unix second, ms]. */
  samples(): [number, number][] {
    const out: [number, number][] = [];
    for (let j = 0; j < SERIES_LEN; j++) {
      const i = (this.idx + j) % SERIES_LEN;
      if (this.times[i] !== 0) out.push([this.times[i]!, this.latencies[i]!]);
    }
    return out;
  }
}

export class LatencyMonitor {
  /** latency-monitor-threshold in ms; 0 = off. */
  threshold = 0;
  readonly events = new Map<string, LatencySeries>();

  /** latencyAddSampleIfNeeded(). */
  sample(event: string, ms: number): void {
    if (this.threshold > 0 && ms >= this.threshold) this.add(event, ms);
  }

  /** latencyAddSample(): `nowSec` is the unix time in seconds. */
  add(event: string, ms: number, nowSec = Math.floor(Date.now() / 1000)): void {
    let ts = this.events.get(event);
    if (ts === undefined) {
      ts = new LatencySeries();
      this.events.set(event, ts);
    }
    if (ms > ts.max) ts.max = ms;
    const prev = ts.last;
    if (ts.times[prev] === nowSec) {
      if (ms > ts.latencies[prev]!) ts.latencies[prev] = ms;
      return;
    }
    ts.times[ts.idx] = nowSec;
    ts.latencies[ts.idx] = ms;
    ts.idx = (ts.idx + 1) % SERIES_LEN;
  }

  /** LATENCY RESET: drops the named events' series (all when `names` is null); returns how many existed. */
  reset(names: readonly string[] | null): number {
    if (names === null) {
      const n = this.events.size;
      this.events.clear();
      return n;
    }
    let n = 0;
    for (const name of names) if (this.events.delete(name)) n++;
    return n;
  }
}
