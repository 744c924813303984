// MEMORY USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, encodeCommand, plain } from '../../helpers/resp-client.js';

const VALUE = 'v'.repeat(128);
const key = (i: number): string => `key:${String(i).padStart(12, '0')}`;

describe('MEMORY', () => {
  let s: TestServer;
  let r: RawClient;
  const call = async (...args: (string | number)[]): Promise<unknown> => plain(await r.call(...args));

  /** Sends many commands in one write and waits for every reply. */
  async function pipeline(cmds: (string | number)[][]): Promise<void> {
    for (let i = 0; i < cmds.length; i += 5000) {
      const batch = cmds.slice(i, i + 5000);
      r.write(Buffer.concat(batch.map((c) => encodeCommand(c))));
      for (let j = 0; j < batch.length; j++) await r.read();
    }
  }

  before(async () => {
    s = await startServer();
    r = await RawClient.connect(s.port);
  });
  after(async () => {
    r.close();
    await s.stop();
  });

  test('MEMORY USAGE is the chunk, any outside value and the key-table entry', async () => {
    await call('FLUSHALL');
    assert.equal(await call('MEMORY', 'USAGE', 'missing'), null);
    await call('SET', 'k'.repeat(16), VALUE);
    // A 16-byte key and 128-byte value: a 151-byte item in a 151-byte chunk, plus 6 bytes of key table.
    assert.equal(await call('MEMORY', 'USAGE', 'k'.repeat(16)), 157);
    await call('EXPIRE', 'k'.repeat(16), 100);
    assert.equal(await call('MEMORY', 'USAGE', 'k'.repeat(16)), 165, 'a TTL adds its 8-byte expiry field');
    await call('SET', 'big', 'x'.repeat(100_000));
    const big = (await call('MEMORY', 'USAGE', 'big')) as number;
    assert.ok(big > 100_000 && big < 100_300, `big value: ${big}`);
    await call('SET', 'n', '12345');
    assert.ok(((await call('MEMORY', 'USAGE', 'n')) as number) < 48);
  });

  test('MEMORY USAGE parses SAMPLES as Redis does', async () => {
    await call('SET', 'k', 'v');
    assert.equal(typeof (await call('MEMORY', 'USAGE', 'k', 'SAMPLES', 0)), 'number');
    assert.equal(typeof (await call('MEMORY', 'USAGE', 'k', 'samples', 5, 'SAMPLES', 3)), 'number');
    assert.deepEqual(await call('MEMORY', 'USAGE', 'k', 'SAMPLES', -1), { error: 'ERR syntax error' });
    assert.deepEqual(await call('MEMORY', 'USAGE', 'k', 'SAMPLES', 'x'), { error: 'ERR value is not an integer or out of range' });
    assert.deepEqual(await call('MEMORY', 'USAGE', 'k', 'SAMPLES'), { error: 'ERR syntax error' });
    assert.deepEqual(await call('MEMORY', 'USAGE', 'k', 'foo', 1), { error: 'ERR syntax error' });
    assert.deepEqual(await call('MEMORY', 'USAGE'), { error: "ERR wrong number of arguments for 'memory|usage' command" });
  });

  test('MEMORY STATS has Redis fields in Redis order and agrees with INFO and DBSIZE', async () => {
    await call('FLUSHALL');
    await pipeline(Array.from({ length: 1000 }, (_, i) => ['SET', key(i), VALUE]));
    await call('SELECT', 2);
    await call('SET', 'other', 'x', 'EX', 100);
    await call('SELECT', 0);
    const flat = (await call('MEMORY', 'STATS')) as unknown[];
    const names = flat.filter((_, i) => i % 2 === 0);
    assert.deepEqual(names, [
      'peak.allocated', 'total.allocated', 'startup.allocated', 'replication.backlog', 'clients.slaves', 'clients.normal',
      'cluster.links', 'aof.buffer', 'lua.caches', 'functions.caches', 'db.0', 'db.2', 'overhead.total', 'keys.count',
      'keys.bytes-per-key', 'dataset.bytes', 'dataset.percentage', 'peak.percentage', 'allocator.allocated', 'allocator.active',
      'allocator.resident', 'allocator-fragmentation.ratio', 'allocator-fragmentation.bytes', 'allocator-rss.ratio',
      'allocator-rss.bytes', 'rss-overhead.ratio', 'rss-overhead.bytes', 'fragmentation', 'fragmentation.bytes',
    ]);
    const stats = new Map(names.map((n, i) => [n, flat[i * 2 + 1]]));
    assert.equal(stats.get('keys.count'), 1001);
    assert.deepEqual(stats.get('db.2'), ['overhead.hashtable.main', 48, 'overhead.hashtable.expires', 8, 'overhead.hashtable.slot-to-keys', 0]);
    const perKey = stats.get('keys.bytes-per-key') as number;
    assert.ok(perKey >= 157 && perKey < 200, `bytes per key ${perKey}`);
    assert.match(stats.get('dataset.percentage') as string, /^\d+(\.\d+)?$/);
    const info = (await call('INFO', 'memory')) as string;
    const used = Number(/used_memory:(\d+)/.exec(info)![1]);
    assert.ok(Math.abs(used - (stats.get('total.allocated') as number)) < 64 * 1024, 'INFO and MEMORY STATS read the same figures');
  });

  test('MEMORY DOCTOR: empty instance, then a past peak', async () => {
    await call('FLUSHALL');
    assert.match((await call('MEMORY', 'DOCTOR')) as string, /^Hi Sam, this instance is empty or is using very little memory/);
    await pipeline(Array.from({ length: 120_000 }, (_, i) => ['SET', key(i), VALUE]));
    assert.match((await call('MEMORY', 'DOCTOR')) as string, /^Hi Sam, I can't find any memory issue/);
    await pipeline(Array.from({ length: 70_000 }, (_, i) => ['DEL', key(i)]));
    const report = (await call('MEMORY', 'DOCTOR')) as string;
    assert.match(report, /^Sam, I detected a few issues/);
    assert.match(report, /\* Peak memory:/);
    assert.match(report, /I'm here to keep you safe, Sam\. I want to help you\.\n$/);
    await call('FLUSHALL');
  });

  test('MEMORY PURGE, MALLOC-STATS and HELP answer', async () => {
    assert.equal(await call('MEMORY', 'PURGE'), 'OK');
    assert.match((await call('MEMORY', 'MALLOC-STATS')) as string, /Begin NenCache allocator statistics[\s\S]*v8 heap:/);
    const help = (await call('MEMORY', 'HELP')) as string[];
    assert.equal(help[0], 'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    assert.ok(help.includes('USAGE <key> [SAMPLES <count>]'));
    assert.deepEqual(await call('MEMORY', 'foo'), { error: "ERR unknown subcommand 'foo'. Try MEMORY HELP." });
  });
});
