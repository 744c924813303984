// MEMORY DOCTOR
import { defineCommand } from '../../define.js';
import type { MemorySnapshot } from '../../../observability/memory-report.js';

const MB = 1024 * 1024;

// Redis's own texts where the check is the same as Redis's (object.c
// getMemoryDoctorReport); ours where NenCache has its own failure mode.
const EMPTY =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. " +
  'Please, leave for your mission on Earth and fill it with some data. ' +
  'The new Sam and I will be back to our programming as soon as I finished rebooting.\n';
const HEALTHY = "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
const PEAK =
  ' * Peak memory: In the past this instance used more than 150% the memory that is currently using. ' +
  'The arena gives pages back as they empty, but the JavaScript runtime keeps heap it grew, so the Resident Set Size (RSS) ' +
  'can stay above what the data needs; that memory is reused as soon as you fill the instance with more data. ' +
  'MEMORY PURGE releases the spare arena pages; otherwise the only other option is to shutdown and restart the instance.\n\n';
const BIG_CLIENTS =
  ' * Big client buffers: The clients output buffers in this instance are greater than 200K per client (on average). ' +
  'This may result from different causes, like Pub/Sub clients subscribed to channels bot not receiving data fast enough, ' +
  'so that data piles on the Redis instance output buffer, or clients sending commands with large replies or very large ' +
  'sequences of commands in the same pipeline. Use the CLIENT LIST command in order to investigate the issue if it causes ' +
  'problems in your instance, or to understand better why certain clients are using a big amount of memory.\n\n';

function arenaFragmentation(m: MemorySnapshot): string {
  return (
    ` * High arena fragmentation: the arena holds ${(m.active / m.used).toFixed(2)} times the bytes its items use ` +
    `(${((m.active - m.used) / MB).toFixed(1)} MB more). This follows a peak, or a change in the sizes of the values ` +
    'stored, which leaves pages of one size class partly used. Pages are given back as they empty; MEMORY PURGE releases the spare ones.\n\n'
  );
}

function nearMaxmemory(used: number, max: number): string {
  return (
    ` * Near maxmemory: ${((used / max) * 100).toFixed(1)}% of maxmemory is used and maxmemory-policy is noeviction, ` +
    'so writes will soon be refused with -OOM. Raise maxmemory or choose an eviction policy (allkeys-adaptive suits a cache).\n\n'
  );
}

export default defineCommand({
  name: 'doctor',
  arity: 2,
  flags: [],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  doc: { summary: 'Outputs memory problems report', since: '4.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const m = ctx.server.memory();
    if (m.used < 5 * MB) return reply.verbatim(EMPTY);
    const found: string[] = [];
    if (m.peak / m.used > 1.5) found.push(PEAK);
    if (m.active / m.used > 1.1 && m.active - m.used > 10 * MB) found.push(arenaFragmentation(m));
    const clients = ctx.server.clientCount();
    if (clients > 0 && m.clientsNormal / clients > 200 * 1024) found.push(BIG_CLIENTS);
    const max = ctx.server.config.getNumber('maxmemory');
    if (max > 0 && m.used > max * 0.9 && ctx.server.config.getString('maxmemory-policy') === 'noeviction') found.push(nearMaxmemory(m.used, max));
    if (found.length === 0) return reply.verbatim(HEALTHY);
    reply.verbatim(`Sam, I detected a few issues in this NenCache instance memory implants:\n\n${found.join('')}I'm here to keep you safe, Sam. I want to help you.\n`);
  },
});
