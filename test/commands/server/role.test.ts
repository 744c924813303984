// ROLE — replies from Redis 7.0.15 as a master without replicas.
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../../helpers/server.js';
import { runSteps } from './wire.js';

describe('ROLE', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('a master at offset 0 with no replicas; arity as Redis', () =>
    runSteps(s.port, [
      [['ROLE'], '*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n'],
      [['ROLE', 'x'], "-ERR wrong number of arguments for 'role' command\r\n"],
    ]));
});
