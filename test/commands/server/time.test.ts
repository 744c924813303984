// TIME — [unix seconds, microseconds] as bulk strings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from './wire.js';

describe('TIME', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('TIME replies with seconds and microseconds of the wall clock', async () => {
    const c = await Wire.connect(s.port);
    const before = Date.now();
    const reply = await c.call('TIME');
    const after = Date.now();
    const m = /^\*2\r\n\$\d+\r\n(\d+)\r\n\$\d+\r\n(\d+)\r\n$/.exec(reply);
    assert.ok(m, reply);
    const us = Number(m[2]);
    assert.ok(us >= 0 && us < 1e6);
    const ms = Number(m[1]) * 1000 + Math.floor(us / 1000);
    assert.ok(ms >= before - 1 && ms <= after + 1, `${ms} within [${before}, ${after}]`);
    c.close();
  });

  test('TIME checks its arity', () => runSteps(s.port, [[['TIME', 'x'], "-ERR wrong number of arguments for 'time' command\r\n"]]));
});
