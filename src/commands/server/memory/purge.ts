// MEMORY PURGE
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'purge',
  arity: 2,
  flags: [],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  doc: { summary: 'Ask the allocator to release memory', since: '4.0.0', group: 'server', complexity: 'Depends on how much memory is allocated, could be slow' },
  handler(ctx, _args, reply) {
    // The arena's allocator keeps a few empty pages for reuse; jemalloc's
    // purge likewise hands dirty pages back. V8 collects its heap itself.
    for (const db of ctx.engine.dbs) db.purge();
    reply.ok();
  },
});
