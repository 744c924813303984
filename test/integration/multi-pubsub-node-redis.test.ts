// Transactions and pub/sub through node-redis 6: .multi().exec(), WATCH (WatchError), subscribe listeners in RESP2 and RESP3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, WatchError } from 'redis';
import { startServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

function make(resp: 2 | 3 = 2) {
  return createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false }, RESP: resp });
}

test('node-redis .multi().exec() runs the queue and returns each reply', async () => {
  const c = make();
  await c.connect();
  try {
    const res = await c.multi().set('nrm:a', '1').incr('nrm:a').get('nrm:a').exec();
    assert.deepEqual(res, ['OK', 2, '2']);
  } finally {
    c.destroy();
  }
});

test('node-redis WATCH with a concurrent writer fails EXEC with a WatchError', async () => {
  const c = make();
  const other = make();
  await c.connect();
  await other.connect();
  try {
    await c.set('nrm:w', '1');
    await c.watch('nrm:w');
    await other.set('nrm:w', '2');
    await assert.rejects(c.multi().set('nrm:w', '3').exec(), WatchError);
    assert.equal(await c.get('nrm:w'), '2');
    await c.watch('nrm:w');
    assert.deepEqual(await c.multi().set('nrm:w', '3').exec(), ['OK']);
    assert.equal(await c.get('nrm:w'), '3');
  } finally {
    c.destroy();
    other.destroy();
  }
});

for (const resp of [2, 3] as const) {
  test(`node-redis RESP${resp} subscribe and pSubscribe listeners get messages`, async () => {
    const sub = make(resp);
    const pub = make(resp);
    await sub.connect();
    await pub.connect();
    try {
      const got: string[] = [];
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const push = (m: string): void => {
        got.push(m);
        if (got.length === 2) resolve();
      };
      await sub.subscribe('nr-news', (msg, ch) => push(`${ch} ${msg}`));
      await sub.pSubscribe('nr-*', (msg, ch) => push(`p ${ch} ${msg}`));
      assert.equal(await pub.publish('nr-news', 'hi'), 2);
      await done;
      assert.deepEqual(got.sort(), ['nr-news hi', 'p nr-news hi']);
      await sub.unsubscribe('nr-news');
      await sub.pUnsubscribe('nr-*');
      assert.equal(await pub.publish('nr-news', 'x'), 0);
    } finally {
      sub.destroy();
      pub.destroy();
    }
  });
}
