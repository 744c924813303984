// WAIT — replies of Redis 7.0.15, which like NenCache here has no replica to acknowledge anything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

describe('WAIT', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('errors, and 0 at once when no replica is needed or inside MULTI', () =>
    runSteps(s.port, [
      [['WAIT', 'abc', '0'], '-ERR value is not an integer or out of range\r\n'],
      [['WAIT', '1', '-1'], '-ERR timeout is negative\r\n'],
      [['WAIT', '1', 'abc'], '-ERR timeout is not an integer or out of range\r\n'],
      [['WAIT', '1'], "-ERR wrong number of arguments for 'wait' command\r\n"],
      [['WAIT', '0', '0'], ':0\r\n'],
      [['WAIT', '-1', '0'], ':0\r\n'],
      [['MULTI'], '+OK\r\n'],
      [['WAIT', '1', '0'], '+QUEUED\r\n'],
      [['EXEC'], '*1\r\n:0\r\n'],
    ]));

  test('asking for a replica blocks until the timeout, then answers 0', async () => {
    const c = await Wire.connect(s.port);
    c.send('WAIT', '1', '300');
    assert.equal(await c.silent(100), true);
    assert.equal(await c.reply(5000), ':0\r\n');
    c.close();
  });

  test('CLIENT UNBLOCK ends the wait with 0, or with the UNBLOCKED error; either counts a failed call as in Redis 7.0', async () => {
    const admin = await Wire.connect(s.port);
    const c = await Wire.connect(s.port);
    const id = /^:(\d+)/.exec(await c.call('CLIENT', 'ID'))![1]!;
    await admin.call('CONFIG', 'RESETSTAT');
    c.send('WAIT', '1', '0');
    assert.equal(await c.silent(100), true);
    assert.match(await admin.call('INFO', 'clients'), /blocked_clients:1\r\n/);
    assert.equal(await admin.call('CLIENT', 'UNBLOCK', id), ':1\r\n');
    assert.equal(await c.reply(), ':0\r\n');
    c.send('WAIT', '5', '0');
    assert.equal(await c.silent(100), true);
    assert.equal(await admin.call('CLIENT', 'UNBLOCK', id, 'ERROR'), ':1\r\n');
    assert.equal(await c.reply(), '-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
    assert.match(await admin.call('INFO', 'commandstats'), /cmdstat_wait:calls=2,usec=\d+,usec_per_call=[\d.]+,rejected_calls=0,failed_calls=2\r\n/);
    admin.close();
    c.close();
  });
});
