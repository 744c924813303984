// SLOWLOG GET [count] | LEN | RESET | HELP — ported from Redis 7.0.15's unit/slowlog.tcl.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { runSteps } from './wire.js';

type Entry = [number, number, number, string[], string, string];

async function waitFor(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('SLOWLOG', () => {
  let s: TestServer;
  let r: RawClient;
  const call = async (...args: string[]): Promise<unknown> => plain(await r.call(...args));
  const get = async (...args: string[]): Promise<Entry[]> => (await call('SLOWLOG', 'GET', ...args)) as Entry[];

  before(async () => {
    s = await startServer(['--enable-debug-command', 'yes']);
    r = await RawClient.connect(s.port);
  });
  after(async () => {
    r.close();
    await s.stop();
  });
  beforeEach(async () => {
    await call('CONFIG', 'SET', 'slowlog-log-slower-than', '0', 'slowlog-max-len', '128');
    await call('CLIENT', 'SETNAME', '');
    await call('SLOWLOG', 'RESET');
  });

  test('SLOWLOG - check that it starts with an empty log', async () => {
    await call('CONFIG', 'SET', 'slowlog-log-slower-than', '10000');
    await call('SLOWLOG', 'RESET');
    assert.equal(await call('SLOWLOG', 'LEN'), 0);
  });

  test('SLOWLOG - only logs commands taking more time than specified', async () => {
    await call('CONFIG', 'SET', 'slowlog-log-slower-than', '25000');
    await call('SLOWLOG', 'RESET');
    await call('PING');
    assert.equal(await call('SLOWLOG', 'LEN'), 0);
    await call('DEBUG', 'SLEEP', '0.05');
    assert.equal(await call('SLOWLOG', 'LEN'), 1);
  });

  test('SLOWLOG - max entries is correctly handled', async () => {
    await call('CONFIG', 'SET', 'slowlog-max-len', '10');
    for (let i = 0; i < 100; i++) await call('PING');
    assert.equal(await call('SLOWLOG', 'LEN'), 10);
  });

  test('SLOWLOG - GET optional argument to limit output len works', async () => {
    for (let i = 0; i < 20; i++) await call('PING');
    assert.equal((await get('5')).length, 5);
    assert.equal((await get()).length, 10);
    // RESET, 20 PINGs and the two GETs above.
    assert.equal((await get('-1')).length, 23);
    assert.equal((await get('0')).length, 0);
  });

  test('SLOWLOG - RESET subcommand works', async () => {
    await call('PING');
    assert.equal(await call('SLOWLOG', 'RESET'), 'OK');
    // The RESET itself is the only entry afterwards.
    assert.equal(await call('SLOWLOG', 'LEN'), 1);
  });

  test('SLOWLOG - logged entry sanity check', async () => {
    await call('CLIENT', 'SETNAME', 'foobar');
    await call('ECHO', 'hello');
    const [e] = await get('1');
    assert.equal(e!.length, 6);
    const [id, time, duration, args, addr, name] = e!;
    assert.ok(id > 0);
    assert.ok(Math.abs(time - Date.now() / 1000) < 5);
    assert.ok(duration >= 0);
    assert.deepEqual(args, ['ECHO', 'hello']);
    assert.match(addr, /^127\.0\.0\.1:\d+$/);
    assert.equal(name, 'foobar');
    // Newest first, ids increasing, and ids keep counting after RESET.
    const all = await get('-1');
    assert.ok(all[0]![0] > all[1]![0]);
  });

  test('SLOWLOG - Certain commands are omitted that contain sensitive information', async () => {
    await call('CONFIG', 'SET', 'masteruser', '');
    await call('CONFIG', 'SET', 'masterauth', '', 'maxmemory', '0', 'requirepass', '');
    await call('AUTH', 'default', 'x');
    await call('HELLO', '2', 'AUTH', 'default', 'x');
    const args = (await get('4')).map((e) => e[3]);
    assert.deepEqual(args, [
      ['HELLO', '2', 'AUTH', '(redacted)', '(redacted)'],
      ['AUTH', '(redacted)', '(redacted)'],
      ['CONFIG', 'SET', 'masterauth', '(redacted)', 'maxmemory', '0', 'requirepass', '(redacted)'],
      ['CONFIG', 'SET', 'masteruser', '(redacted)'],
    ]);
  });

  test('SLOWLOG - too long arguments are trimmed', async () => {
    await call('ECHO', 'A'.repeat(129));
    const [e] = await get('1');
    assert.deepEqual(e![3], ['ECHO', 'A'.repeat(128) + '... (1 more bytes)']);
  });

  test('SLOWLOG - commands with too many arguments are trimmed', async () => {
    const names = Array.from({ length: 33 }, (_, i) => String(i + 3));
    await call('COMMAND', 'INFO', ...names);
    const [e] = await get('1');
    assert.equal(e![3].length, 32);
    assert.equal(e![3][31], '... (4 more arguments)');
  });

  test('SLOWLOG - blocking command is reported only after unblocked', async () => {
    await call('DEL', 'mylist');
    const rd = await RawClient.connect(s.port);
    try {
      rd.write('*3\r\n$5\r\nBLPOP\r\n$6\r\nmylist\r\n$1\r\n0\r\n');
      await waitFor(async () => /blocked_clients:1\r\n/.test(String(await call('INFO', 'clients'))));
      const blpops = async (): Promise<number> => (await get('-1')).filter((e) => e[3][0] === 'BLPOP').length;
      assert.equal(await blpops(), 0);
      await call('LPUSH', 'mylist', '1');
      assert.deepEqual(plain(await rd.read()), ['mylist', '1']);
      assert.equal(await blpops(), 1);
    } finally {
      rd.close();
    }
  });

  test('SLOWLOG - can be disabled', async () => {
    await call('CONFIG', 'SET', 'slowlog-log-slower-than', '-1');
    await call('SLOWLOG', 'RESET');
    await call('DEBUG', 'SLEEP', '0.01');
    assert.equal(await call('SLOWLOG', 'LEN'), 0);
  });

  test('SLOWLOG errors and HELP', () =>
    runSteps(s.port, [
      [['SLOWLOG', 'GET', 'abc'], '-ERR count should be greater than or equal to -1\r\n'],
      [['SLOWLOG', 'GET', '-2'], '-ERR count should be greater than or equal to -1\r\n'],
      [['SLOWLOG', 'GET', '1', '2'], "-ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.\r\n"],
      [['SLOWLOG', 'LEN', 'x'], "-ERR wrong number of arguments for 'slowlog|len' command\r\n"],
      [['SLOWLOG', 'foo'], "-ERR unknown subcommand 'foo'. Try SLOWLOG HELP.\r\n"],
      [['SLOWLOG'], "-ERR wrong number of arguments for 'slowlog' command\r\n"],
      [
        ['SLOWLOG', 'HELP'],
        '*12\r\n+SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+GET [<count>]\r\n' +
          '+    Return top <count> entries from the slowlog (default: 10, -1 mean all).\r\n+    Entries are made of:\r\n' +
          '+    id, timestamp, time in microseconds, arguments array, client IP and port,\r\n+    client name\r\n' +
          '+LEN\r\n+    Return the length of the slowlog.\r\n+RESET\r\n+    Reset the slowlog.\r\n+HELP\r\n+    Prints this help.\r\n',
      ],
    ]));
});
