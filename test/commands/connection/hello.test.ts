// HELLO [protover [AUTH username password] [SETNAME clientname]] — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, hello2, hello3 } from '../server/wire.js';

async function idOf(c: Wire): Promise<string> {
  return (await c.call('CLIENT', 'ID')).slice(1, -2);
}

describe('HELLO', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('HELLO without arguments reports the connection in RESP2', async () => {
    const c = await Wire.connect(s.port);
    const id = await idOf(c);
    assert.equal(await c.call('HELLO'), hello2(id));
    assert.equal(await c.call('HELLO', '2'), hello2(id));
    c.close();
  });

  test('HELLO 3 reply is correct', async () => {
    const c = await Wire.connect(s.port);
    const id = await idOf(c);
    // The reply itself is already a RESP3 map.
    assert.equal(await c.call('HELLO', '3'), hello3(id));
    // The connection stays in RESP3: nulls are "_", HELLO without a version keeps 3.
    assert.equal(await c.call('CLIENT', 'GETNAME'), '_\r\n');
    assert.equal(await c.call('HELLO'), hello3(id));
    assert.equal(await c.call('HELLO', '2'), hello2(id));
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$-1\r\n');
    c.close();
  });

  test('HELLO rejects unsupported and invalid protocol versions', async () => {
    const c = await Wire.connect(s.port);
    for (const v of ['4', '1', '0', '-1']) assert.equal(await c.call('HELLO', v), '-NOPROTO unsupported protocol version\r\n');
    for (const v of ['abc', '99999999999999999999', '2.0', ''])
      assert.equal(await c.call('HELLO', v), '-ERR Protocol version is not an integer or out of range\r\n');
    c.close();
  });

  test('HELLO rejects unknown options and incomplete AUTH / SETNAME', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('HELLO', '3', 'foo'), "-ERR Syntax error in HELLO option 'foo'\r\n");
    assert.equal(await c.call('HELLO', '3', 'AUTH', 'default'), "-ERR Syntax error in HELLO option 'AUTH'\r\n");
    assert.equal(await c.call('HELLO', '2', 'setname'), "-ERR Syntax error in HELLO option 'setname'\r\n");
    assert.equal(await c.call('HELLO', '3', 'a\r\nb'), "-ERR Syntax error in HELLO option 'a  b'\r\n");
    // None of these switched the protocol.
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$-1\r\n');
    c.close();
  });

  test('HELLO SETNAME sets the name, and a bad name leaves the protocol unchanged', async () => {
    const c = await Wire.connect(s.port);
    const id = await idOf(c);
    assert.equal(await c.call('HELLO', '3', 'SETNAME', 'foo bar'), '-ERR Client names cannot contain spaces, newlines or special characters.\r\n');
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$-1\r\n');
    assert.equal(await c.call('HELLO', '2', 'SETNAME', 'myname'), hello2(id));
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$6\r\nmyname\r\n');
    assert.equal(await c.call('HELLO', '3', 'SETNAME', 'b', 'AUTH', 'default', 'anything'), hello3(id));
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$1\r\nb\r\n');
    c.close();
  });

  test('HELLO AUTH with an unknown user is WRONGPASS even without requirepass', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('HELLO', '3', 'AUTH', 'nobody', 'x'), '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    c.close();
  });
});

describe('HELLO with requirepass', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer(['--requirepass', 'secret']);
  });
  after(() => s.stop());

  const NOAUTH_HELLO =
    '-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time\r\n';

  test('HELLO before authentication is refused unless it authenticates', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('HELLO'), NOAUTH_HELLO);
    assert.equal(await c.call('HELLO', '3'), NOAUTH_HELLO);
    assert.equal(await c.call('HELLO', '3', 'SETNAME', 'x'), NOAUTH_HELLO);
    assert.equal(await c.call('PING'), '-NOAUTH Authentication required.\r\n');
    c.close();
  });

  test('HELLO AUTH with a wrong password is WRONGPASS and the client stays unauthenticated', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('HELLO', '3', 'AUTH', 'default', 'bad'), '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    assert.equal(await c.call('HELLO', '3', 'AUTH', 'other', 'secret'), '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    assert.equal(await c.call('PING'), '-NOAUTH Authentication required.\r\n');
    c.close();
  });

  test('HELLO AUTH authenticates, sets the name and switches protocol at once', async () => {
    const c = await Wire.connect(s.port);
    const reply = await c.call('HELLO', '3', 'AUTH', 'default', 'secret', 'SETNAME', 'nm');
    assert.match(reply, /^%7\r\n\$6\r\nserver\r\n\$5\r\nredis\r\n.*\$5\r\nproto\r\n:3\r\n/s);
    assert.equal(await c.call('CLIENT', 'GETNAME'), '$2\r\nnm\r\n');
    // A later failed HELLO AUTH does not log the client out.
    assert.equal(await c.call('HELLO', '2', 'AUTH', 'default', 'bad'), '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    assert.equal(await c.call('PING'), '+PONG\r\n');
    c.close();
  });
});
