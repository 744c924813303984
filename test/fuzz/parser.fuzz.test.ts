import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, encodeCommand } from '../helpers/resp-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { Rng } from '../diff/harness.js';

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

const SEEDS = [
  '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n',
  '*2\r\n$3\r\nGET\r\n$1\r\nk\r\n',
  'PING\r\n',
  'SET k "a\\x00b"\r\n',
  '*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$3\r\nabc\r\n',
];
const JUNK = ['*', '$', '\r', '\n', '\r\n', '-', '0', '9', '99999999999', '"', "'", '\\', '\x00', '\xff', ' ', '*-1', '$-1', '*0'];

function mutate(r: Rng, src: string): string {
  let s = src;
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const pos = r.int(s.length + 1);
    switch (r.int(4)) {
      case 0: s = s.slice(0, pos) + r.pick(JUNK) + s.slice(pos); break;
      case 1: s = s.slice(0, pos) + s.slice(pos + 1 + r.int(3)); break;
      case 2: s = s.slice(0, pos) + String.fromCharCode(r.int(256)) + s.slice(pos + 1); break;
      default: s = s + s.slice(pos);
    }
  }
  return s;
}

test('the server keeps answering PING after 3000 random and mutated frames', async () => {
  const r = new Rng(7);
  for (let i = 0; i < 3000; i++) {
    const c = await RawClient.connect(s.port);
    const frame = r.chance(0.2)
      ? Buffer.from(Array.from({ length: 1 + r.int(200) }, () => r.int(256)))
      : Buffer.from(mutate(r, r.pick(SEEDS)), 'latin1');
    c.write(frame);
    // The server either answers, waits for more bytes or closes; it must never crash.
    c.write(encodeCommand(['PING']));
    await new Promise((res) => setTimeout(res, r.chance(0.02) ? 5 : 0));
    c.close();
  }
  const c = await RawClient.connect(s.port);
  assert.equal(await c.call('PING'), 'PONG');
  c.close();
});

test('a protocol error gets the Redis error reply and then the connection is closed', async () => {
  const c = await RawClient.connect(s.port);
  c.write('*1\r\n$4\r\nPING\r\n*x\r\n');
  assert.equal(await c.readUntilClose(), '+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n');
});
