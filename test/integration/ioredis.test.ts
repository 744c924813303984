import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { startServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let redis: Redis;

before(async () => {
  s = await startServer();
  redis = new Redis({ port: s.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  await redis.connect();
});
after(async () => {
  redis.disconnect();
  await s.stop();
});

test('ioredis sets and gets strings, including empty and binary values', async () => {
  assert.equal(await redis.set('io:a', 'hello'), 'OK');
  assert.equal(await redis.get('io:a'), 'hello');
  await redis.set('io:empty', '');
  assert.equal(await redis.get('io:empty'), '');
  const bin = Buffer.from([0, 1, 2, 255, 13, 10]);
  await redis.set(Buffer.from([0xff, 0]), bin);
  assert.deepEqual(await redis.getBuffer(Buffer.from([0xff, 0])), bin);
  assert.equal(await redis.get('io:missing'), null);
});

test('ioredis pipelines many commands and gets every reply in order', async () => {
  const p = redis.pipeline();
  for (let i = 0; i < 1000; i++) p.set(`io:p:${i}`, String(i));
  for (let i = 0; i < 1000; i++) p.get(`io:p:${i}`);
  const res = await p.exec();
  assert.ok(res);
  assert.equal(res.length, 2000);
  for (let i = 0; i < 1000; i++) assert.deepEqual(res[1000 + i], [null, String(i)]);
});

test('ioredis counters, expiry and multi-key commands work', async () => {
  await redis.del('io:n');
  assert.equal(await redis.incr('io:n'), 1);
  assert.equal(await redis.incrby('io:n', 41), 42);
  assert.equal(await redis.incrbyfloat('io:n', '0.5'), '42.5');
  await redis.set('io:t', 'x', 'EX', 100);
  const ttl = await redis.ttl('io:t');
  assert.ok(ttl > 90 && ttl <= 100);
  await redis.mset('io:m1', 'a', 'io:m2', 'b');
  assert.deepEqual(await redis.mget('io:m1', 'io:m2', 'io:m3'), ['a', 'b', null]);
  assert.equal(await redis.exists('io:m1', 'io:m2', 'io:m3'), 2);
});

test('ioredis sees Redis error replies as errors', async () => {
  await redis.set('io:s', 'abc');
  await assert.rejects(redis.incr('io:s'), /ERR value is not an integer or out of range/);
  await assert.rejects(redis.call('nosuchcommand'), /ERR unknown command 'nosuchcommand'/);
});

test('ioredis scanStream returns every key', async () => {
  for (let i = 0; i < 300; i++) await redis.set(`io:scan:${i}`, 'v');
  const seen = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    const stream = redis.scanStream({ match: 'io:scan:*', count: 50 });
    stream.on('data', (keys: string[]) => keys.forEach((k) => seen.add(k)));
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  assert.equal(seen.size, 300);
});
