/**
 * What the server records about calls once they ran: the slowlog
 * (slowlog-log-slower-than, slowlog-max-len), the latency-tracking switch
 * behind INFO latencystats, and Redis 7.0's updateStatsOnUnblock() for a call
 * that blocked. Such a call is counted at once (calls), but its time, its
 * latency sample and its slowlog entry wait for the end of the wait: the
 * first call's duration plus the time taken to serve it, as Redis adds them.
 * It also holds the latency monitor (latency-monitor-threshold).
 */
import type { Args } from '../commands/args.js';
import type { SlowlogEntry } from '../commands/context.js';
import type { CommandEntry } from '../commands/table.js';
import type { Config } from '../config/config.js';
import { LatencyMonitor } from '../observability/latency-monitor.js';
import { slowlogArgs } from '../observability/monitor.js';
import type { Waiter } from './blocking.js';

/** Who ran a call, as a slowlog entry names it. */
interface Caller {
  readonly addr: string;
  readonly name: string;
}

const NOT_REDACTED: readonly number[] = [];

export class CommandLog {
  entries: SlowlogEntry[] = [];
  latencyTracking = true;
  readonly monitor = new LatencyMonitor();
  private nextId = 0;
  private slowerThan = 10000;
  private maxLen = 128;

  constructor(config: Config) {
    const limits = (): void => {
      this.slowerThan = config.getNumber('slowlog-log-slower-than');
      this.maxLen = config.getNumber('slowlog-max-len');
    };
    limits();
    config.onChange('slowlog-log-slower-than', limits);
    config.onChange('slowlog-max-len', limits);
    const tracking = (): void => {
      this.latencyTracking = config.getBool('latency-tracking');
    };
    tracking();
    config.onChange('latency-tracking', tracking);
    const threshold = (): void => {
      this.monitor.threshold = config.getNumber('latency-monitor-threshold');
    };
    threshold();
    config.onChange('latency-monitor-threshold', threshold);
  }

  /** Adds the call to the slowlog when it took slowlog-log-slower-than or longer. */
  slow(caller: Caller, entry: CommandEntry, args: Args, redacted: readonly number[], durationUs: number): void {
    const slower = this.slowerThan;
    if (slower < 0 || durationUs < slower || entry.skipSlowlog) return;
    this.entries.unshift({
      id: this.nextId++,
      time: Math.floor(Date.now() / 1000),
      durationUs,
      args: slowlogArgs(args, redacted),
      addr: caller.addr,
      name: caller.name,
    });
    if (this.entries.length > this.maxLen) this.entries.length = this.maxLen;
  }

  resetSlowlog(): void {
    this.entries = [];
  }

  /** updateStatsOnUnblock(): the wait of `w` ended, served in `replyUs` (0 for a timeout or CLIENT UNBLOCK). */
  unblocked(w: Waiter, replyUs: number, failed: boolean): void {
    const entry = w.entry;
    if (entry === null) return;
    const total = w.callUs + replyUs;
    entry.stat.usec += total;
    if (failed) entry.stat.failed++;
    if (this.latencyTracking) entry.recordLatency(total);
    this.slow(w.conn, entry, w.args, NOT_REDACTED, total);
    this.monitor.sample('command-unblocking', Math.floor(replyUs / 1000));
  }
}
