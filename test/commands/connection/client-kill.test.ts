// CLIENT KILL (old form ip:port and new form filters) — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

/** The addr= field of the client's own CLIENT INFO line. */
async function addrOf(c: Wire): Promise<{ id: string; addr: string; laddr: string }> {
  const info = await c.call('CLIENT', 'INFO');
  const m = /id=(\d+) addr=(\S+) laddr=(\S+)/.exec(info);
  assert.ok(m, info);
  return { id: m[1]!, addr: m[2]!, laddr: m[3]! };
}

describe('CLIENT KILL', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('CLIENT KILL with illegal arguments', () =>
    runSteps(s.port, [
      [['CLIENT', 'KILL'], "-ERR wrong number of arguments for 'client|kill' command\r\n"],
      [['CLIENT', 'KILL', '1.2.3.4:5'], '-ERR No such client\r\n'],
      [['CLIENT', 'KILL', 'addr'], '-ERR No such client\r\n'],
      [['CLIENT', 'KILL', 'a', 'b', 'c'], '-ERR syntax error\r\n'],
      [['CLIENT', 'KILL', 'foo', 'bar'], '-ERR syntax error\r\n'],
      [['CLIENT', 'KILL', 'ID', '1', 'TYPE'], '-ERR syntax error\r\n'],
      [['CLIENT', 'KILL', 'ID', 'abc'], '-ERR client-id should be greater than 0\r\n'],
      [['CLIENT', 'KILL', 'ID', '0'], '-ERR client-id should be greater than 0\r\n'],
      [['CLIENT', 'KILL', 'ID', '-1'], '-ERR client-id should be greater than 0\r\n'],
      [['CLIENT', 'KILL', 'TYPE', 'foo'], "-ERR Unknown client type 'foo'\r\n"],
      [['CLIENT', 'KILL', 'SKIPME', 'maybe'], '-ERR syntax error\r\n'],
      [['CLIENT', 'KILL', 'USER', 'nobody'], "-ERR No such user 'nobody'\r\n"],
    ]));

  test('CLIENT KILL new form answers the number of clients killed', () =>
    runSteps(s.port, [
      [['CLIENT', 'KILL', 'ADDR', '1.2.3.4:5'], ':0\r\n'],
      [['CLIENT', 'KILL', 'LADDR', '1.2.3.4:5'], ':0\r\n'],
      [['CLIENT', 'KILL', 'ID', '999999'], ':0\r\n'],
      [['CLIENT', 'KILL', 'TYPE', 'master'], ':0\r\n'],
      [['CLIENT', 'KILL', 'TYPE', 'replica'], ':0\r\n'],
      [['CLIENT', 'KILL', 'TYPE', 'slave'], ':0\r\n'],
      [['CLIENT', 'KILL', 'TYPE', 'pubsub'], ':0\r\n'],
      // SKIPME defaults to yes: the caller alone is never killed.
      [['CLIENT', 'KILL', 'USER', 'default', 'ID', '999999'], ':0\r\n'],
    ]));

  test('CLIENT KILL ip:port (old form) closes that client', async () => {
    const victim = await Wire.connect(s.port);
    const { addr } = await addrOf(victim);
    const killer = await Wire.connect(s.port);
    assert.equal(await killer.call('CLIENT', 'KILL', addr), '+OK\r\n');
    assert.equal(await victim.untilClose(), '');
    assert.equal(await killer.call('CLIENT', 'KILL', addr), '-ERR No such client\r\n');
    killer.close();
  });

  test('CLIENT KILL ID closes another connection', async () => {
    const victim = await Wire.connect(s.port);
    const { id } = await addrOf(victim);
    const killer = await Wire.connect(s.port);
    assert.equal(await killer.call('CLIENT', 'KILL', 'ID', id), ':1\r\n');
    await victim.untilClose();
    assert.equal(await killer.call('CLIENT', 'LIST', 'ID', id), '$0\r\n\r\n');
    assert.equal(await killer.call('PING'), '+PONG\r\n');
    killer.close();
  });

  test('CLIENT KILL ADDR and LADDR filters match the client addresses', async () => {
    const victim = await Wire.connect(s.port);
    const { addr, laddr } = await addrOf(victim);
    const killer = await Wire.connect(s.port);
    assert.equal(await killer.call('CLIENT', 'KILL', 'ADDR', addr, 'LADDR', '1.2.3.4:1'), ':0\r\n');
    assert.equal(await killer.call('CLIENT', 'KILL', 'ADDR', addr, 'LADDR', laddr), ':1\r\n');
    await victim.untilClose();
    killer.close();
  });

  test('CLIENT KILL SKIPME YES/NO will kill all clients', async () => {
    const s2 = await startServer();
    try {
      const a = await Wire.connect(s2.port);
      const b = await Wire.connect(s2.port);
      const me = await Wire.connect(s2.port);
      await a.call('PING');
      await b.call('PING');
      assert.equal(await me.call('CLIENT', 'KILL', 'SKIPME', 'yes'), ':2\r\n');
      await a.untilClose();
      await b.untilClose();
      assert.equal(await me.call('PING'), '+PONG\r\n');
      // With SKIPME no the caller is killed too, after it gets the reply.
      const c = await Wire.connect(s2.port);
      await c.call('PING');
      me.send('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'no');
      assert.equal(await me.untilClose(), ':2\r\n');
      await c.untilClose();
    } finally {
      await s2.stop();
    }
  });

  test('CLIENT KILL ip:port of the caller closes it after the reply', async () => {
    const c = await Wire.connect(s.port);
    const { addr } = await addrOf(c);
    c.send('CLIENT', 'KILL', addr);
    assert.equal(await c.untilClose(), '+OK\r\n');
  });

  test('CLIENT KILL USER default matches every client', async () => {
    const victim = await Wire.connect(s.port);
    const { id } = await addrOf(victim);
    const killer = await Wire.connect(s.port);
    assert.equal(await killer.call('CLIENT', 'KILL', 'USER', 'default', 'ID', id), ':1\r\n');
    await victim.untilClose();
    killer.close();
  });
});
