// CLIENT REPLY ON | OFF | SKIP — behaviour from Redis 7.0.15's tests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

describe('CLIENT REPLY', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('CLIENT REPLY OFF/ON: disable all commands reply', async () => {
    const c = await Wire.connect(s.port);
    c.send('CLIENT', 'REPLY', 'OFF');
    c.send('SET', 'k', 'v');
    c.send('PING');
    c.send('NOSUCHCOMMAND');
    assert.equal(await c.call('CLIENT', 'REPLY', 'ON'), '+OK\r\n');
    assert.equal(await c.call('GET', 'k'), '$1\r\nv\r\n');
    c.close();
  });

  test('CLIENT REPLY SKIP: skip the next command reply', async () => {
    const c = await Wire.connect(s.port);
    c.send('CLIENT', 'REPLY', 'SKIP');
    c.send('ECHO', 'skipped');
    assert.equal(await c.call('ECHO', 'seen'), '$4\r\nseen\r\n');
    c.close();
  });

  test('CLIENT REPLY SKIP while OFF does nothing', async () => {
    const c = await Wire.connect(s.port);
    c.send('CLIENT', 'REPLY', 'OFF');
    c.send('CLIENT', 'REPLY', 'SKIP');
    c.send('PING');
    assert.equal(await c.call('CLIENT', 'REPLY', 'ON'), '+OK\r\n');
    assert.equal(await c.call('PING'), '+PONG\r\n');
    c.close();
  });

  test('CLIENT REPLY ON when already on replies OK', () => runSteps(s.port, [[['CLIENT', 'REPLY', 'on'], '+OK\r\n']]));

  test('CLIENT REPLY with a bad argument', async () => {
    await runSteps(s.port, [
      [['CLIENT', 'REPLY', 'foo'], '-ERR syntax error\r\n'],
      [['CLIENT', 'REPLY'], "-ERR wrong number of arguments for 'client|reply' command\r\n"],
    ]);
    const c = await Wire.connect(s.port);
    c.send('CLIENT', 'REPLY', 'OFF');
    c.send('CLIENT', 'REPLY', 'foo');
    assert.equal(await c.silent(), true);
    c.close();
  });
});
