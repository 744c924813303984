// Transactions and pub/sub through ioredis: multi()/exec(), WATCH with a concurrent writer, subscriber events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { startServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
const clients: Redis[] = [];
async function client(): Promise<Redis> {
  const r = new Redis({ port: s.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  await r.connect();
  clients.push(r);
  return r;
}

before(async () => {
  s = await startServer();
});
after(async () => {
  for (const c of clients) c.disconnect();
  await s.stop();
});

test('ioredis multi().exec() returns [error, result] pairs, runtime errors included', async () => {
  const r = await client();
  await r.set('iom:s', 'text');
  const res = await r.multi().set('iom:a', '1').incr('iom:a').incr('iom:s').get('iom:a').exec();
  assert.ok(res);
  assert.deepEqual(res[0], [null, 'OK']);
  assert.deepEqual(res[1], [null, 2]);
  assert.match(String(res[2]![0]), /not an integer/);
  assert.deepEqual(res[3], [null, '2']);
});

test('ioredis multi() with a queue-time error rejects with EXECABORT', async () => {
  const r = await client();
  await assert.rejects(r.multi().set('iom:x', '1').call('NOSUCHCMD').exec(), /EXECABORT/);
  assert.equal(await r.exists('iom:x'), 0);
});

test('ioredis WATCH with a concurrent writer: EXEC returns null, and succeeds on retry', async () => {
  const r = await client();
  const other = await client();
  await r.set('iom:w', '10');
  await r.watch('iom:w');
  const v = Number(await r.get('iom:w'));
  await other.incr('iom:w');
  assert.equal(await r.multi().set('iom:w', String(v + 1)).exec(), null);
  assert.equal(await r.get('iom:w'), '11');
  // A check-and-set loop converges.
  for (;;) {
    await r.watch('iom:w');
    const cur = Number(await r.get('iom:w'));
    const done = await r.multi().set('iom:w', String(cur * 2)).exec();
    if (done !== null) break;
  }
  assert.equal(await r.get('iom:w'), '22');
});

test('ioredis subscribe/psubscribe emit message and pmessage events', async () => {
  const sub = await client();
  const pub = await client();
  const got: string[] = [];
  const done = new Promise<void>((resolve) => {
    sub.on('message', (ch: string, msg: string) => {
      got.push(`message ${ch} ${msg}`);
      if (got.length === 3) resolve();
    });
    sub.on('pmessage', (pat: string, ch: string, msg: string) => {
      got.push(`pmessage ${pat} ${ch} ${msg}`);
      if (got.length === 3) resolve();
    });
  });
  assert.equal(await sub.subscribe('news', 'sport'), 2);
  assert.equal(await sub.psubscribe('n*'), 3);
  assert.equal(await pub.publish('news', 'hello'), 2);
  assert.equal(await pub.publish('sport', 'goal'), 1);
  await done;
  assert.deepEqual(got.sort(), ['message news hello', 'message sport goal', 'pmessage n* news hello']);
  assert.deepEqual(await pub.pubsub('NUMSUB', 'news'), ['news', 1]);
  // Named, not bare: ioredis settles a bare UNSUBSCRIBE only once the count reaches 0 (Redis does the same counting).
  await sub.unsubscribe('news', 'sport');
  await sub.punsubscribe('n*');
  assert.equal(await pub.publish('news', 'again'), 0);
});

test('ioredis delivers many pipelined publishes in order', async () => {
  const sub = await client();
  const pub = await client();
  const got: string[] = [];
  const done = new Promise<void>((resolve) => {
    sub.on('message', (_ch: string, msg: string) => {
      got.push(msg);
      if (got.length === 500) resolve();
    });
  });
  await sub.subscribe('bulk');
  const p = pub.pipeline();
  for (let i = 0; i < 500; i++) p.publish('bulk', String(i));
  await p.exec();
  await done;
  assert.deepEqual(got, Array.from({ length: 500 }, (_, i) => String(i)));
});
