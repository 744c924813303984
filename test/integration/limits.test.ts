import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import net from 'node:net';
import { RawClient, plain } from '../helpers/resp-client.js';
import { startServer } from '../helpers/server.js';

test('maxclients refuses the next client with the Redis error and counts it', async () => {
  const s = await startServer(['--maxclients', '2']);
  try {
    const a = await RawClient.connect(s.port);
    const b = await RawClient.connect(s.port);
    assert.equal(await a.call('PING'), 'PONG');
    assert.equal(await b.call('PING'), 'PONG');
    const c = await RawClient.connect(s.port);
    assert.equal(await c.readUntilClose(), '-ERR max number of clients reached\r\n');
    assert.equal(s.server.stats.rejectedConnections, 1);
    a.close();
    b.close();
  } finally {
    await s.stop();
  }
});

test('a client whose query buffer passes client-query-buffer-limit is disconnected', async () => {
  const s = await startServer(['--client-query-buffer-limit', '1mb']);
  try {
    const c = await RawClient.connect(s.port);
    c.write('*2\r\n$4\r\nECHO\r\n$2000000\r\n');
    c.write(Buffer.alloc(1_200_000, 97));
    assert.equal(await c.readUntilClose(), '');
    const d = await RawClient.connect(s.port);
    assert.equal(await d.call('PING'), 'PONG');
    d.close();
  } finally {
    await s.stop();
  }
});

test('proto-max-bulk-len set at run time applies to the next request', async () => {
  const s = await startServer();
  try {
    const c = await RawClient.connect(s.port);
    s.server.config.set('proto-max-bulk-len', '1mb');
    c.write(`*2\r\n$4\r\nECHO\r\n$${1024 * 1024 + 1}\r\n`);
    assert.equal(await c.readUntilClose(), '-ERR Protocol error: invalid bulk length\r\n');
  } finally {
    await s.stop();
  }
});

test('an idle client is closed after timeout seconds', async () => {
  const s = await startServer(['--timeout', '1']);
  try {
    const c = await RawClient.connect(s.port);
    assert.equal(await c.call('PING'), 'PONG');
    assert.equal(await c.readUntilClose(3000), '');
  } finally {
    await s.stop();
  }
});

test('unauthenticated clients cannot send more than 10 arguments or bulks over 16 KiB', async () => {
  const s = await startServer(['--requirepass', 'pw']);
  try {
    const a = await RawClient.connect(s.port);
    a.write('*11\r\n');
    assert.equal(await a.readUntilClose(), '-ERR Protocol error: unauthenticated multibulk length\r\n');
    const b = await RawClient.connect(s.port);
    b.write('*2\r\n$4\r\nECHO\r\n$16385\r\n');
    assert.equal(await b.readUntilClose(), '-ERR Protocol error: unauthenticated bulk length\r\n');
    const c = await RawClient.connect(s.port);
    assert.deepEqual(plain(await c.call('GET', 'k')), { error: 'NOAUTH Authentication required.' });
    c.close();
  } finally {
    await s.stop();
  }
});

test('protected mode refuses a non-loopback client when no password is set', async (t) => {
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
  if (external === undefined) return t.skip('no non-loopback IPv4 interface on this machine');
  const s = await startServer(['--bind', '0.0.0.0']);
  try {
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      const sock = net.connect({ port: s.port, host: external.address });
      sock.on('data', (d) => (text += d.toString('latin1')));
      sock.on('close', () => resolve(text));
      sock.on('error', () => resolve(text));
    });
    assert.match(reply, /^-DENIED Redis is running in protected mode/);
  } finally {
    await s.stop();
  }
});

test('a client whose unread output passes the client-output-buffer-limit hard limit is disconnected', async () => {
  const s = await startServer(['--client-output-buffer-limit', 'normal', '1mb', '0', '0']);
  try {
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'big', Buffer.alloc(8 * 1024 * 1024, 120));
    c.socket.pause();
    c.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n'.repeat(4));
    // A paused socket does not notice the close: watch the server instead.
    await waitFor(() => s.server.clientCount() === 0);
    c.close();
    const d = await RawClient.connect(s.port);
    assert.equal(await d.call('PING'), 'PONG');
    d.close();
  } finally {
    await s.stop();
  }
});

test('the soft output limit closes a client that stays above it for soft-seconds', async () => {
  const s = await startServer(['--client-output-buffer-limit', 'normal', '0', '1mb', '1']);
  try {
    const c = await RawClient.connect(s.port);
    await c.call('SET', 'big', Buffer.alloc(8 * 1024 * 1024, 120));
    c.socket.pause();
    c.write('*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(s.server.clientCount(), 1, 'still within soft-seconds');
    await waitFor(() => s.server.clientCount() === 0);
    c.close();
  } finally {
    await s.stop();
  }
});

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
