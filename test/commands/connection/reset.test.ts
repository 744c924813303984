// RESET — clears the connection state and replies +RESET (Redis 7.0.15).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, hello3 } from '../server/wire.js';

describe('RESET', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('RESET clears client state', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('CLIENT', 'SETNAME', 'test-client'), '+OK\r\n');
    const id = (await c.call('CLIENT', 'ID')).slice(1, -2);
    assert.equal(await c.call('HELLO', '3'), hello3(id));
    assert.equal(await c.call('RESET'), '+RESET\r\n');
    // Back to RESP2 (a null is $-1 again) and no name.
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$-1\r\n');
    // The client keeps its id.
    assert.equal(await c.call('CLIENT', 'ID'), `:${id}\r\n`);
    c.close();
  });

  test('RESET replies even when CLIENT REPLY is OFF, and turns replies back on', async () => {
    const c = await Wire.connect(s.port);
    c.send('CLIENT', 'REPLY', 'OFF');
    c.send('PING');
    assert.equal(await c.call('RESET'), '+RESET\r\n');
    assert.equal(await c.call('PING'), '+PONG\r\n');
    c.close();
  });

  test('RESET stops MONITOR', async () => {
    const m = await Wire.connect(s.port);
    assert.equal(await m.call('MONITOR'), '+OK\r\n');
    assert.equal(await m.call('RESET'), '+RESET\r\n');
    const other = await Wire.connect(s.port);
    assert.equal(await other.call('PING'), '+PONG\r\n');
    assert.equal(await m.silent(), true);
    other.close();
    m.close();
  });

  test('RESET checks its arity', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('RESET', 'x'), "-ERR wrong number of arguments for 'reset' command\r\n");
    c.close();
  });
});

describe('RESET with requirepass', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer(['--requirepass', 'secret']);
  });
  after(() => s.stop());

  test('RESET is allowed before authentication and drops authentication', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('RESET'), '+RESET\r\n');
    assert.equal(await c.call('AUTH', 'secret'), '+OK\r\n');
    assert.equal(await c.call('PING'), '+PONG\r\n');
    assert.equal(await c.call('RESET'), '+RESET\r\n');
    assert.equal(await c.call('PING'), '-NOAUTH Authentication required.\r\n');
    c.close();
  });
});
