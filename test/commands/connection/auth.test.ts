// AUTH [username] password — replies and protocol limits from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

const WRONGPASS = '-WRONGPASS invalid username-password pair or user is disabled.\r\n';
const NOAUTH = '-NOAUTH Authentication required.\r\n';

describe('AUTH without a password configured', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('AUTH fails if there is no password configured server side', () =>
    runSteps(s.port, [
      [
        ['AUTH', 'foo'],
        '-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?\r\n',
      ],
      // The default user has no password: any password is accepted in the two-argument form.
      [['AUTH', 'default', 'anything'], '+OK\r\n'],
      [['AUTH', 'nobody', 'x'], WRONGPASS],
      [['AUTH', 'a', 'b', 'c'], '-ERR syntax error\r\n'],
      [['AUTH'], "-ERR wrong number of arguments for 'auth' command\r\n"],
    ]));
});

describe('AUTH with requirepass', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer(['--requirepass', 'secret']);
  });
  after(() => s.stop());

  test('Arity check for auth command', () => runSteps(s.port, [[['AUTH', 'a', 'b', 'c'], '-ERR syntax error\r\n']]));

  test('AUTH fails when a wrong password is given', () =>
    runSteps(s.port, [
      [['AUTH', 'wrong!'], WRONGPASS],
      [['AUTH', 'default', 'wrong!'], WRONGPASS],
      [['AUTH', 'other', 'secret'], WRONGPASS],
      [['AUTH', 'Default', 'secret'], WRONGPASS],
      [['AUTH', ''], WRONGPASS],
    ]));

  test('Arbitrary command gives an error when AUTH is required', () =>
    runSteps(s.port, [
      [['SET', 'foo', 'bar'], NOAUTH],
      [['PING'], NOAUTH],
      [['CLIENT', 'ID'], NOAUTH],
      [['ECHO', 'x'], NOAUTH],
      [['NOSUCHCOMMAND'], "-ERR unknown command 'NOSUCHCOMMAND', with args beginning with: \r\n"],
    ]));

  test('AUTH succeeds when the right password is given', () =>
    runSteps(s.port, [
      [['AUTH', 'secret'], '+OK\r\n'],
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GET', 'foo'], '$3\r\nbar\r\n'],
      // A later wrong AUTH does not log the client out.
      [['AUTH', 'bad'], WRONGPASS],
      [['PING'], '+PONG\r\n'],
    ]));

  test('AUTH default <password> succeeds', () =>
    runSteps(s.port, [
      [['AUTH', 'default', 'secret'], '+OK\r\n'],
      [['PING'], '+PONG\r\n'],
    ]));

  test('For unauthenticated clients multibulk and bulk length are limited', async () => {
    const c = await Wire.connect(s.port);
    c.write('*100\r\n');
    assert.equal(await c.untilClose(), '-ERR Protocol error: unauthenticated multibulk length\r\n');
    const d = await Wire.connect(s.port);
    d.write('*1\r\n$100000000\r\n');
    assert.equal(await d.untilClose(), '-ERR Protocol error: unauthenticated bulk length\r\n');
  });

  test('Unauthenticated clients may send up to 10 arguments', async () => {
    const c = await Wire.connect(s.port);
    // Arity is checked before authentication, as in Redis.
    assert.equal(await c.call('ECHO', '1', '2', '3', '4', '5', '6', '7', '8', '9'), "-ERR wrong number of arguments for 'echo' command\r\n");
    assert.equal(await c.call('COMMAND', 'INFO', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), NOAUTH);
    c.write('*11\r\n$4\r\nECHO\r\n');
    assert.equal(await c.untilClose(), '-ERR Protocol error: unauthenticated multibulk length\r\n');
  });

  test('After AUTH the small limits no longer apply', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('AUTH', 'secret'), '+OK\r\n');
    const big = 'x'.repeat(20000);
    assert.equal(await c.call('ECHO', big), `$20000\r\n${big}\r\n`);
    const many = Array.from({ length: 20 }, (_, i) => `nosuch${i}`);
    assert.equal(await c.call('COMMAND', 'INFO', ...many), '*20\r\n' + '$-1\r\n'.repeat(20));
    c.close();
  });
});
