/**
 * LATENCY DOCTOR's report, as Redis 7.0's createLatencyReport(): the
 * monitor's state, each event's spikes (count, average, mean deviation,
 * period, worst), then the advice those events and the process call for.
 * The texts are Redis's. Of Redis's events only "command" and
 * "fast-command" carry advice here, since the others (AOF, fork, expire and
 * eviction cycles) are never sampled by this server.
 */
import { readFileSync } from 'node:fs';
import { SERIES_LEN, type LatencyMonitor, type LatencySeries } from './latency-monitor.js';

export interface DoctorSettings {
  /** slowlog-log-slower-than, in microseconds (negative: off). */
  slowlogSlowerThan: number;
  /** AnonHugePages of this process in bytes (THPGetAnonHugePagesSize()). */
  anonHugePages: number;
  nowSec: number;
}

const ADVICE = {
  slowlogEnabled: (us: number): string =>
    `- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ${us}'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n`,
  slowlogTuning: (us: number): string =>
    `- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ${us}'.\n`,
  slowlogInspect:
    '- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n',
  scheduler:
    '- The system is slow to execute Redis code paths not containing system calls. This usually means the system does not provide Redis CPU time to run for long periods. You should try to:\n' +
    '  1) Lower the system load.\n' +
    '  2) Use a computer / VM just for Redis if you are running other software in the same system.\n' +
    '  3) Check if you have a "noisy neighbour" problem.\n' +
    "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n" +
    '  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n',
  largeObjects:
    '- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n',
  disableThp:
    "- I detected a non zero amount of anonymous huge pages used by your process. This creates very serious latency events in different conditions, especially when Redis is persisting on disk. To disable THP support use the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled', make sure to also add it into /etc/rc.local so that the command will be executed again after a reboot. Note that even if you have already disabled THP, you still need to restart the Redis process to get rid of the huge pages already created.\n",
};

/** analyzeLatencyForEvent(): whole-millisecond average and mean deviation, period in seconds since the oldest sample (at least 1). */
function analyze(ts: LatencySeries, nowSec: number): { samples: number; avg: number; mad: number; period: number } {
  let samples = 0;
  let sum = 0;
  let oldest = 0;
  for (let j = 0; j < SERIES_LEN; j++) {
    if (ts.times[j] === 0) continue;
    samples++;
    sum += ts.latencies[j]!;
    if (oldest === 0 || ts.times[j]! < oldest) oldest = ts.times[j]!;
  }
  if (samples === 0) return { samples, avg: 0, mad: 0, period: 0 };
  const avg = Math.floor(sum / samples);
  let dev = 0;
  for (let j = 0; j < SERIES_LEN; j++) if (ts.times[j] !== 0) dev += Math.abs(avg - ts.latencies[j]!);
  return { samples, avg, mad: Math.floor(dev / samples), period: nowSec - oldest || 1 };
}

export function latencyReport(monitor: LatencyMonitor, s: DoctorSettings): string {
  if (monitor.events.size === 0 && monitor.threshold === 0) {
    return `I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use "CONFIG SET latency-monitor-threshold <milliseconds>." in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n`;
  }
  let report = '';
  let eventnum = 0;
  let advices = 0;
  const advise = { slowlogEnabled: false, slowlogTuning: false, slowlogInspect: false, scheduler: false, largeObjects: false, disableThp: false };
  for (const [event, ts] of monitor.events) {
    eventnum++;
    if (eventnum === 1) report += "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
    const ls = analyze(ts, s.nowSec);
    report += `${eventnum}. ${event}: ${ls.samples} latency spikes (average ${ls.avg}ms, mean deviation ${ls.mad}ms, period ${(ls.period / ls.samples).toFixed(2)} sec). Worst all time event ${ts.max}ms.`;
    if (event === 'command') {
      if (s.slowlogSlowerThan < 0) {
        advise.slowlogEnabled = true;
        advices++;
      } else if (Math.trunc(s.slowlogSlowerThan / 1000) > monitor.threshold) {
        advise.slowlogTuning = true;
        advices++;
      }
      advise.slowlogInspect = true;
      advise.largeObjects = true;
      advices += 2;
    }
    if (event === 'fast-command') {
      advise.scheduler = true;
      advices++;
    }
    report += '\n';
  }
  if (s.anonHugePages > 0) {
    advise.disableThp = true;
    advices++;
  }
  if (eventnum === 0 && advices === 0) {
    return `${report}Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n`;
  }
  if (eventnum > 0 && advices === 0) {
    return `${report}\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n`;
  }
  const us = monitor.threshold * 1000;
  report += '\nI have a few advices for you:\n\n';
  if (advise.slowlogEnabled) report += ADVICE.slowlogEnabled(us);
  if (advise.slowlogTuning) report += ADVICE.slowlogTuning(us);
  if (advise.slowlogInspect) report += ADVICE.slowlogInspect;
  if (advise.scheduler) report += ADVICE.scheduler;
  if (advise.largeObjects) report += ADVICE.largeObjects;
  if (advise.disableThp) report += ADVICE.disableThp;
  return report;
}

/** THPGetAnonHugePagesSize(): this process's anonymous huge pages in bytes; 0 where /proc cannot tell. */
export function anonHugePagesBytes(): number {
  try {
    const m = /^AnonHugePages:\s+(\d+) kB/m.exec(readFileSync('/proc/self/smaps_rollup', 'latin1'));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0;
  }
}
