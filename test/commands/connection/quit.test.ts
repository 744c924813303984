// QUIT — replies +OK, then the server closes the connection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire } from '../server/wire.js';

describe('QUIT', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer(['--requirepass', 'secret']);
  });
  after(() => s.stop());

  test('QUIT replies OK and closes the connection', async () => {
    const c = await Wire.connect(s.port);
    c.send('QUIT');
    assert.equal(await c.untilClose(), '+OK\r\n');
  });

  test('Pipelined commands after QUIT are not executed', async () => {
    const c = await Wire.connect(s.port);
    c.write('*2\r\n$4\r\nAUTH\r\n$6\r\nsecret\r\n*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n');
    assert.equal(await c.untilClose(), '+OK\r\n+OK\r\n');
  });

  test('QUIT is allowed before authentication and ignores extra arguments', async () => {
    const c = await Wire.connect(s.port);
    c.send('QUIT', 'now');
    assert.equal(await c.untilClose(), '+OK\r\n');
  });
});
