// Blocking commands through real clients: an ioredis worker looping on BLPOP while a producer pushes, and node-redis 6 on a duplicated (isolated) connection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { startServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

test('an ioredis worker looping on BLPOP gets every job a producer pushes, in order', async () => {
  const worker = new Redis({ port: s.port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  const producer = new Redis({ port: s.port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  try {
    const N = 200;
    const got: string[] = [];
    const done = (async () => {
      while (got.length < N) {
        const r = await worker.blpop('ib:jobs', 'ib:other', 5);
        assert.ok(r !== null, 'BLPOP timed out');
        assert.equal(r[0], 'ib:jobs');
        got.push(r[1]);
      }
    })();
    for (let i = 0; i < N; i++) {
      if (i % 3 === 0) await producer.rpush('ib:jobs', `job${i}`);
      else void producer.rpush('ib:jobs', `job${i}`);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await done;
    assert.deepEqual(got, Array.from({ length: N }, (_, i) => `job${i}`));
    assert.equal(await producer.exists('ib:jobs'), 0);
    // BZPOPMIN answers [key, member, score]; a short timeout answers null.
    const pending = worker.bzpopmin('ib:z', 5);
    await new Promise((r) => setTimeout(r, 20));
    await producer.zadd('ib:z', 3, 'c', 1, 'a');
    assert.deepEqual(await pending, ['ib:z', 'a', '1']);
    assert.equal(await worker.brpop('ib:none', 0.05), null);
  } finally {
    worker.disconnect();
    producer.disconnect();
  }
});

test('node-redis BLPOP on a duplicated connection is served while the main one pushes', async () => {
  for (const RESP of [2, 3] as const) {
    const main = createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false }, RESP });
    await main.connect();
    const blocking = main.duplicate();
    await blocking.connect();
    try {
      const pending = blocking.blPop(`nb:q${RESP}`, 0);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(await main.ping(), 'PONG');
      await main.rPush(`nb:q${RESP}`, ['one', 'two']);
      assert.deepEqual(await pending, { key: `nb:q${RESP}`, element: 'one' });
      assert.equal(await blocking.blPop('nb:empty', 0.05), null);
      assert.deepEqual(await blocking.blmPop(0, `nb:q${RESP}`, 'LEFT'), [`nb:q${RESP}`, ['two']]);
    } finally {
      blocking.destroy();
      main.destroy();
    }
  }
});
