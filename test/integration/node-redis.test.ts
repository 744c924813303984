import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { startServer, type TestServer } from '../helpers/server.js';

let s: TestServer;

before(async () => {
  s = await startServer(['--requirepass', 'sekret']);
});
after(async () => {
  await s.stop();
});

test('node-redis connects with a password and uses strings and keys', async () => {
  const client = createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false }, password: 'sekret' });
  await client.connect();
  try {
    assert.equal(await client.set('nr:a', 'value', { EX: 50 }), 'OK');
    assert.equal(await client.get('nr:a'), 'value');
    assert.equal(await client.incr('nr:c'), 1);
    assert.equal(await client.del(['nr:a', 'nr:c', 'nr:none']), 2);
    const multi = await Promise.all([client.set('nr:x', '1'), client.get('nr:x'), client.exists('nr:x')]);
    assert.deepEqual(multi, ['OK', '1', 1]);
    assert.equal(await client.ping(), 'PONG');
  } finally {
    await client.quit();
  }
});

test('node-redis speaks RESP3 after HELLO 3', async () => {
  const client = createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false }, password: 'sekret', RESP: 3 });
  await client.connect();
  try {
    await client.set('nr3:a', 'b');
    assert.equal(await client.get('nr3:a'), 'b');
    assert.equal(await client.get('nr3:missing'), null);
  } finally {
    await client.quit();
  }
});

test('node-redis without the password gets NOAUTH', async () => {
  const client = createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await assert.rejects(
      (async () => {
        await client.connect();
        await client.get('x');
      })(),
      /NOAUTH/,
    );
  } finally {
    if (client.isOpen) client.destroy();
  }
});
