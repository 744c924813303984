// ECHO message — replies taken from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../../helpers/server.js';
import { runSteps } from '../server/wire.js';

describe('ECHO', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('ECHO returns its argument as a bulk string', () =>
    runSteps(s.port, [
      [['ECHO', 'hello world'], '$11\r\nhello world\r\n'],
      [['echo', ''], '$0\r\n\r\n'],
      [['ECHO', '\x00\xff\r\n'], '$4\r\n\x00\xff\r\n\r\n'],
      [['ECHO', '12345'], '$5\r\n12345\r\n'],
    ]));

  test('ECHO checks its arity', () =>
    runSteps(s.port, [
      [['ECHO'], "-ERR wrong number of arguments for 'echo' command\r\n"],
      [['ECHO', 'a', 'b'], "-ERR wrong number of arguments for 'echo' command\r\n"],
    ]));
});
