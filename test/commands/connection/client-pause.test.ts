// CLIENT PAUSE and CLIENT UNPAUSE — errors and behaviour as Redis 7.0.15 showed them.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps } from '../server/wire.js';

describe('CLIENT PAUSE', () => {
  let s: TestServer;
  const open: Wire[] = [];
  const connect = async (): Promise<Wire> => {
    const c = await Wire.connect(s.port);
    open.push(c);
    return c;
  };
  const blocked = async (c: Wire): Promise<number> => Number(/blocked_clients:(\d+)/.exec(await c.call('INFO', 'clients'))![1]);

  before(async () => {
    s = await startServer();
  });
  after(async () => {
    for (const c of open) c.close();
    await s.stop();
  });
  beforeEach(async () => {
    const c = await connect();
    await c.call('CLIENT', 'UNPAUSE');
    await c.call('FLUSHALL');
  });

  test('argument errors, checked mode first', () =>
    runSteps(s.port, [
      [['CLIENT', 'PAUSE', '10', 'foo'], '-ERR CLIENT PAUSE mode must be WRITE or ALL\r\n'],
      [['CLIENT', 'PAUSE', 'abc', 'foo'], '-ERR CLIENT PAUSE mode must be WRITE or ALL\r\n'],
      [['CLIENT', 'PAUSE', 'abc'], '-ERR timeout is not an integer or out of range\r\n'],
      [['CLIENT', 'PAUSE', '1.5'], '-ERR timeout is not an integer or out of range\r\n'],
      [['CLIENT', 'PAUSE', '99999999999999999999'], '-ERR timeout is not an integer or out of range\r\n'],
      [['CLIENT', 'PAUSE', '-1'], '-ERR timeout is negative\r\n'],
      // Redis 7.2's check: 7.0.15 overflows the end time, answers OK and pauses nothing.
      [['CLIENT', 'PAUSE', '9223372036854775807'], '-ERR timeout is out of range\r\n'],
      [['CLIENT', 'PAUSE', '1', 'ALL', 'extra'], "-ERR unknown subcommand or wrong number of arguments for 'PAUSE'. Try CLIENT HELP.\r\n"],
      [['CLIENT', 'PAUSE'], "-ERR wrong number of arguments for 'client|pause' command\r\n"],
      [['CLIENT', 'UNPAUSE', 'x'], "-ERR wrong number of arguments for 'client|unpause' command\r\n"],
      // A zero timeout ends at once: nothing is paused.
      [['CLIENT', 'PAUSE', '0'], '+OK\r\n'],
      [['SET', 'k', 'v'], '+OK\r\n'],
      [['CLIENT', 'UNPAUSE'], '+OK\r\n'],
    ]));

  test('WRITE holds writes and may_replicate commands, not reads; they run in arrival order at UNPAUSE', async () => {
    const admin = await connect();
    const a = await connect();
    const b = await connect();
    const reader = await connect();
    await admin.call('SET', 'k', 'before');
    assert.equal(await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE'), '+OK\r\n');
    a.send('SET', 'k', 'from-a');
    b.send('PUBLISH', 'ch', 'm');
    b.send('SET', 'k', 'from-b');
    // PFCOUNT may rewrite its key's cache: held too (Redis 7.0's CMD_MAY_REPLICATE).
    const pf = await connect();
    pf.send('PFCOUNT', 'h');
    assert.equal(await a.silent(100), true);
    assert.equal(await b.silent(0), true);
    assert.equal(await pf.silent(0), true);
    // Reads go on, and see nothing of the held writes.
    assert.equal(await reader.call('GET', 'k'), '$6\r\nbefore\r\n');
    assert.equal(await reader.call('PING'), '+PONG\r\n');
    assert.equal(await blocked(admin), 3);
    assert.match(await admin.call('CLIENT', 'LIST'), /flags=b .*cmd=set/);
    assert.equal(await admin.call('CLIENT', 'UNPAUSE'), '+OK\r\n');
    assert.equal(await a.reply(), '+OK\r\n');
    assert.equal(await b.reply(), ':0\r\n');
    assert.equal(await b.reply(), '+OK\r\n');
    assert.equal(await pf.reply(), ':0\r\n');
    assert.equal(await reader.call('GET', 'k'), '$6\r\nfrom-b\r\n');
    assert.equal(await blocked(admin), 0);
  });

  test('WRITE holds a write at MULTI queue time and an EXEC of a transaction that queued one', async () => {
    const admin = await connect();
    const c = await connect();
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('GET', 'x'), '+QUEUED\r\n');
    assert.equal(await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE'), '+OK\r\n');
    c.send('SET', 'x', '1');
    assert.equal(await c.silent(100), true);
    await admin.call('CLIENT', 'UNPAUSE');
    assert.equal(await c.reply(), '+QUEUED\r\n');
    await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    c.send('EXEC');
    assert.equal(await c.silent(100), true);
    await admin.call('CLIENT', 'UNPAUSE');
    assert.equal(await c.reply(), '*2\r\n$-1\r\n+OK\r\n');
  });

  test('ALL holds every command, CLIENT UNPAUSE included, until the pause ends', async () => {
    const admin = await connect();
    const c = await connect();
    assert.equal(await admin.call('CLIENT', 'PAUSE', '1500', 'ALL'), '+OK\r\n');
    c.send('PING');
    admin.send('CLIENT', 'UNPAUSE');
    assert.equal(await c.silent(200), true);
    assert.equal(await admin.silent(0), true);
    // Both run once the pause times out.
    assert.equal(await c.reply(5000), '+PONG\r\n');
    assert.equal(await admin.reply(5000), '+OK\r\n');
  });

  test('a later CLIENT PAUSE replaces mode and end time (WRITE for long, then ALL for a moment)', async () => {
    const admin = await connect();
    const writer = await connect();
    const reader = await connect();
    assert.equal(await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE'), '+OK\r\n');
    writer.send('SET', 'k', 'v');
    assert.equal(await writer.silent(100), true);
    // CLIENT PAUSE is no write: it runs, and the pause is now ALL, ending much sooner.
    assert.equal(await admin.call('CLIENT', 'PAUSE', '800', 'ALL'), '+OK\r\n');
    reader.send('GET', 'k');
    assert.equal(await reader.silent(100), true);
    // At the end both run, in the order they arrived.
    assert.equal(await writer.reply(5000), '+OK\r\n');
    assert.equal(await reader.reply(5000), '$1\r\nv\r\n');
  });

  test('CLIENT UNBLOCK does not unblock a paused client', async () => {
    const admin = await connect();
    const c = await connect();
    const id = /^:(\d+)/.exec(await c.call('CLIENT', 'ID'))![1]!;
    await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    c.send('SET', 'k', 'v');
    assert.equal(await c.silent(100), true);
    assert.equal(await admin.call('CLIENT', 'UNBLOCK', id), ':0\r\n');
    assert.equal(await admin.call('CLIENT', 'UNBLOCK', id, 'ERROR'), ':0\r\n');
    assert.equal(await c.silent(50), true);
    await admin.call('CLIENT', 'UNPAUSE');
    assert.equal(await c.reply(), '+OK\r\n');
  });

  test('a client that disconnects while held is dropped; active expiry waits for the pause', async () => {
    const admin = await connect();
    const c = await connect();
    assert.equal(await admin.call('SET', 'short', 'v', 'PX', '50'), '+OK\r\n');
    await admin.call('CLIENT', 'PAUSE', '100000', 'WRITE');
    c.send('SET', 'k', 'v');
    assert.equal(await c.silent(100), true);
    c.close();
    // 300 ms is three active-expiry cycles at hz 10: none ran.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await admin.call('DBSIZE'), ':1\r\n');
    assert.equal(await admin.call('CLIENT', 'UNPAUSE'), '+OK\r\n');
    assert.equal(await admin.call('EXISTS', 'k'), ':0\r\n');
  });
});
