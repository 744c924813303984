import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createServer, NENCACHE_VERSION } from '../../src/index.js';

test('createServer from the package entry starts a server on a free port and closes it', async () => {
  const server = await createServer({ port: 0, bind: '127.0.0.1', databases: 4 });
  try {
    assert.ok(server.port > 0);
    assert.match(NENCACHE_VERSION, /^\d+\.\d+\.\d+$/);
    const redis = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    await redis.connect();
    await redis.set('entry', 'point');
    assert.equal(await redis.get('entry'), 'point');
    assert.deepEqual(await redis.config('GET', 'databases'), ['databases', '4']);
    redis.disconnect();
  } finally {
    await server.close();
  }
});
