// MONITOR — line format and redaction as Redis 7.0.15 sends them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire } from './wire.js';

/** `+<sec>.<usec> [<db> <ip:port>] <args>` with the client address. */
function line(addr: string, args: string): RegExp {
  const esc = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\+\\d{10}\\.\\d{6} \\[0 ${esc(addr)}\\] ${esc(args)}\\r\\n$`);
}

async function addrOf(c: Wire): Promise<string> {
  return /addr=(\S+)/.exec(await c.call('CLIENT', 'INFO'))![1]!;
}

describe('MONITOR', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('MONITOR can log executed commands', async () => {
    const m = await Wire.connect(s.port);
    assert.equal(await m.call('MONITOR'), '+OK\r\n');
    const c = await Wire.connect(s.port);
    const addr = await addrOf(c);
    await c.call('SET', 'foo', 'bar');
    await c.call('GET', 'foo');
    await c.call('ECHO', 'a b"\\\n\xe9\x07\x08\t\r');
    // CLIENT INFO itself is logged (it is not an admin command).
    assert.match(await m.reply(), line(addr, '"CLIENT" "INFO"'));
    assert.match(await m.reply(), line(addr, '"SET" "foo" "bar"'));
    assert.match(await m.reply(), line(addr, '"GET" "foo"'));
    assert.match(await m.reply(), line(addr, '"ECHO" "a b\\"\\\\\\n\\xe9\\a\\b\\t\\r"'));
    c.close();
    m.close();
  });

  test('MONITOR supports redacting command arguments', async () => {
    const m = await Wire.connect(s.port);
    await m.call('MONITOR');
    const c = await Wire.connect(s.port);
    await c.call('AUTH', 'not-real');
    await c.call('AUTH', 'not-real', 'not-a-password');
    await c.call('HELLO', '2', 'AUTH', 'not-real', 'not-a-password');
    await c.call('AUTH', 'a', 'b', 'c');
    assert.match(await m.reply(), /\] "AUTH" "\(redacted\)"\r\n$/);
    assert.match(await m.reply(), /\] "AUTH" "\(redacted\)" "\(redacted\)"\r\n$/);
    assert.match(await m.reply(), /\] "HELLO" "2" "AUTH" "\(redacted\)" "\(redacted\)"\r\n$/);
    // The syntax error comes before redaction, as in Redis.
    assert.match(await m.reply(), /\] "AUTH" "a" "b" "c"\r\n$/);
    c.close();
    m.close();
  });

  test('MONITOR does not log admin commands', async () => {
    const m = await Wire.connect(s.port);
    await m.call('MONITOR');
    const c = await Wire.connect(s.port);
    await c.call('CONFIG', 'GET', 'port');
    await c.call('CLIENT', 'LIST');
    await c.call('SLOWLOG', 'LEN');
    await c.call('PING');
    assert.match(await m.reply(), /\] "PING"\r\n$/);
    c.close();
    m.close();
  });

  test('MONITOR twice gets no second reply, and the monitor sees its own commands', async () => {
    const m = await Wire.connect(s.port);
    assert.equal(await m.call('MONITOR'), '+OK\r\n');
    m.send('MONITOR');
    assert.equal(await m.silent(), true);
    assert.equal(await m.call('PING'), '+PONG\r\n');
    assert.match(await m.reply(), /\] "PING"\r\n$/);
    m.close();
  });

  test('MONITOR stops when the monitor disconnects', async () => {
    const m = await Wire.connect(s.port);
    await m.call('MONITOR');
    m.close();
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('PING'), '+PONG\r\n');
    assert.equal(await c.call('MONITOR', 'x'), "-ERR wrong number of arguments for 'monitor' command\r\n");
    c.close();
  });
});
