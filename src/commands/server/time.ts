// TIME
import { defineCommand, type CommandSpec } from '../define.js';

export default defineCommand({
  name: 'time',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  tips: ['nondeterministic_output'],
  doc: { summary: 'Return the current server time', since: '2.6.0', group: 'server', complexity: 'O(1)' },
  handler(_ctx, _args, reply) {
    // Wall-clock microseconds, as gettimeofday() gives Redis.
    const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    const sec = Math.floor(us / 1e6);
    reply.array(2);
    reply.bulkInt(sec);
    reply.bulkInt(us - sec * 1e6);
  },
}) satisfies CommandSpec;
