// SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT] — replies from Redis 7.0.15.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../helpers/server.js';
import { Wire, runSteps } from './wire.js';

describe('SHUTDOWN', () => {
  test('SHUTDOWN with bad or conflicting options and ABORT without a shutdown in progress', async () => {
    const s = await startServer();
    try {
      await runSteps(s.port, [
        [['SHUTDOWN', 'foo'], '-ERR syntax error\r\n'],
        [['SHUTDOWN', 'NOSAVE', 'SAVE'], '-ERR syntax error\r\n'],
        [['SHUTDOWN', 'ABORT', 'NOW'], '-ERR syntax error\r\n'],
        [['SHUTDOWN', 'NOSAVE', 'ABORT'], '-ERR syntax error\r\n'],
        [['SHUTDOWN', 'ABORT'], '-ERR No shutdown in progress.\r\n'],
        [['PING'], '+PONG\r\n'],
      ]);
    } finally {
      await s.stop();
    }
  });

  test('SHUTDOWN NOSAVE closes the connection without a reply and stops the server', async () => {
    const s = await startServer();
    try {
      const other = await Wire.connect(s.port);
      const c = await Wire.connect(s.port);
      c.send('SHUTDOWN', 'NOSAVE', 'NOW', 'FORCE');
      assert.equal(await c.untilClose(), '');
      assert.equal(await other.untilClose(), '');
      await assert.rejects(Wire.connect(s.port));
    } finally {
      await s.stop();
    }
  });

  test('SHUTDOWN needs authentication', async () => {
    const s = await startServer(['--requirepass', 'secret']);
    try {
      await runSteps(s.port, [[['SHUTDOWN'], '-NOAUTH Authentication required.\r\n']]);
    } finally {
      await s.stop();
    }
  });
});
