/** LATENCY DOCTOR's report, held to what redis-server 7.0.15 printed in the same states. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyMonitor } from '../../src/observability/latency-monitor.js';
import { latencyReport } from '../../src/observability/latency-doctor.js';

const NOW = 1_795_000_000;
const INSPECT =
  '- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n';
const LARGE =
  '- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n';
const THP_START = '- I detected a non zero amount of anonymous huge pages used by your process.';

/** A monitor at threshold 10 with "command" spikes of 50 ms (one second ago) and 20 ms (now), as the live run had. */
function withCommandSpikes(): LatencyMonitor {
  const m = new LatencyMonitor();
  m.threshold = 10;
  m.add('command', 50, NOW - 1);
  m.add('command', 20, NOW);
  return m;
}

test('monitoring off and never used: the refusal', () => {
  assert.equal(
    latencyReport(new LatencyMonitor(), { slowlogSlowerThan: 10000, anonHugePages: 0, nowSec: NOW }),
    `I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use "CONFIG SET latency-monitor-threshold <milliseconds>." in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n`,
  );
});

test('on, nothing sampled: no spike', () => {
  const m = new LatencyMonitor();
  m.threshold = 10;
  assert.equal(
    latencyReport(m, { slowlogSlowerThan: 10000, anonHugePages: 0, nowSec: NOW }),
    'Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n',
  );
});

test('command spikes: the stats line, then the slowlog and large-object advice', () => {
  const head =
    "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n" +
    '1. command: 2 latency spikes (average 35ms, mean deviation 15ms, period 0.50 sec). Worst all time event 50ms.\n' +
    '\nI have a few advices for you:\n\n';
  assert.equal(latencyReport(withCommandSpikes(), { slowlogSlowerThan: 10000, anonHugePages: 0, nowSec: NOW }), head + INSPECT + LARGE);
  assert.equal(
    latencyReport(withCommandSpikes(), { slowlogSlowerThan: -1, anonHugePages: 0, nowSec: NOW }),
    head +
      "- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than 10000'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n" +
      INSPECT +
      LARGE,
  );
  assert.equal(
    latencyReport(withCommandSpikes(), { slowlogSlowerThan: 100000, anonHugePages: 0, nowSec: NOW }),
    head +
      "- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than 10000'.\n" +
      INSPECT +
      LARGE,
  );
  // slowlog-log-slower-than 0 logs everything: no slowlog advice beyond inspecting it.
  assert.equal(latencyReport(withCommandSpikes(), { slowlogSlowerThan: 0, anonHugePages: 0, nowSec: NOW }), head + INSPECT + LARGE);
});

test('fast-command gets the scheduler advice; command-unblocking alone gets none', () => {
  const m = new LatencyMonitor();
  m.threshold = 1;
  m.add('command-unblocking', 128, NOW);
  assert.equal(
    latencyReport(m, { slowlogSlowerThan: 10000, anonHugePages: 0, nowSec: NOW }),
    "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n" +
      '1. command-unblocking: 1 latency spikes (average 128ms, mean deviation 0ms, period 1.00 sec). Worst all time event 128ms.\n' +
      "\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n",
  );
  m.add('fast-command', 59, NOW);
  const report = latencyReport(m, { slowlogSlowerThan: 10000, anonHugePages: 0, nowSec: NOW });
  assert.ok(report.includes('2. fast-command: 1 latency spikes (average 59ms, mean deviation 0ms, period 1.00 sec). Worst all time event 59ms.\n'));
  assert.ok(report.endsWith('  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n'));
});

test('anonymous huge pages in the process add their advice, even with no spike', () => {
  const m = new LatencyMonitor();
  m.threshold = 10;
  const report = latencyReport(m, { slowlogSlowerThan: 10000, anonHugePages: 2 << 20, nowSec: NOW });
  assert.ok(report.startsWith(`\nI have a few advices for you:\n\n${THP_START}`), report);
});
