// MEMORY STATS
import { defineCommand } from '../../define.js';
import { ratioOf } from '../../../observability/memory-report.js';

export default defineCommand({
  name: 'stats',
  arity: 2,
  flags: [],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  doc: { summary: 'Show memory usage details', since: '4.0.0', group: 'server', complexity: 'O(1)' },
  handler(ctx, _args, reply) {
    const m = ctx.server.memory();
    // Redis's fields in Redis's order (object.c memoryCommand), a db.<n>
    // map for each database holding keys.
    reply.map(27 + m.dbs.length);
    const field = (name: string, n: number): void => {
      reply.bulkStr(name);
      reply.int(n);
    };
    const real = (name: string, d: number): void => {
      reply.bulkStr(name);
      reply.double(d);
    };
    field('peak.allocated', m.peak);
    field('total.allocated', m.used);
    field('startup.allocated', m.startup);
    field('replication.backlog', 0);
    field('clients.slaves', 0);
    field('clients.normal', m.clientsNormal);
    field('cluster.links', 0);
    field('aof.buffer', 0);
    field('lua.caches', 0);
    field('functions.caches', 0);
    for (const db of m.dbs) {
      reply.bulkStr(`db.${db.id}`);
      reply.map(3);
      field('overhead.hashtable.main', db.main);
      field('overhead.hashtable.expires', db.expires);
      field('overhead.hashtable.slot-to-keys', 0);
    }
    field('overhead.total', m.overhead);
    field('keys.count', m.keys);
    field('keys.bytes-per-key', m.keys > 0 ? Math.floor(m.net / m.keys) : 0);
    field('dataset.bytes', m.dataset);
    real('dataset.percentage', ratioOf(m.dataset * 100, m.net));
    real('peak.percentage', ratioOf(m.used * 100, m.peak));
    field('allocator.allocated', m.used);
    field('allocator.active', m.active);
    field('allocator.resident', m.rss);
    real('allocator-fragmentation.ratio', ratioOf(m.active, m.used));
    field('allocator-fragmentation.bytes', m.active - m.used);
    real('allocator-rss.ratio', ratioOf(m.rss, m.active));
    field('allocator-rss.bytes', m.rss - m.active);
    real('rss-overhead.ratio', 1);
    field('rss-overhead.bytes', 0);
    real('fragmentation', ratioOf(m.rss, m.used));
    field('fragmentation.bytes', m.rss - m.used);
  },
});
