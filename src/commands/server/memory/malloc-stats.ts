// MEMORY MALLOC-STATS
import v8 from 'node:v8';
import { defineCommand } from '../../define.js';

export default defineCommand({
  name: 'malloc-stats',
  arity: 2,
  flags: [],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  doc: { summary: 'Show allocator internal stats', since: '4.0.0', group: 'server', complexity: 'Depends on how much memory is allocated, could be slow' },
  handler(ctx, _args, reply) {
    // NenCache has two allocators: its slab arena (items) and V8 (everything
    // else). Redis prints jemalloc's report here; this is the same idea.
    const m = ctx.server.memory();
    const lines = ['___ Begin NenCache allocator statistics ___', 'arena (per database holding keys):'];
    for (const db of m.dbs) {
      const d = ctx.engine.dbs[db.id]!;
      lines.push(`  db${db.id}: keys=${db.keys} chunk_bytes=${d.arenaBytes} pages_bytes=${d.reservedMemory} key_table_bytes=${db.main}`);
    }
    lines.push(`  allocated=${m.used} active=${m.active}`, 'v8 heap:');
    const h = v8.getHeapStatistics();
    for (const [k, v] of Object.entries(h)) lines.push(`  ${k}=${v}`);
    for (const s of v8.getHeapSpaceStatistics()) lines.push(`  ${s.space_name}: size=${s.space_size} used=${s.space_used_size} available=${s.space_available_size}`);
    lines.push(`process: rss=${m.rss} external=${m.external}`, '___ End NenCache allocator statistics ___');
    reply.verbatim(`${lines.join('\n')}\n`);
  },
});
