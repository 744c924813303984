// MULTI, EXEC, DISCARD — replies as Redis 7.0.15 sent them (wire text taken from redis-server).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire, runSteps, type Step } from '../server/wire.js';

const ABORT = '-EXECABORT Transaction discarded because of previous errors.\r\n';
const Q = '+QUEUED\r\n';

describe('MULTI / EXEC / DISCARD', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('MULTI / EXEC basics: commands are queued and run in order', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['SET', 'mx:a', '1'], Q],
      [['INCR', 'mx:a'], Q],
      [['GET', 'mx:a'], Q],
      [['EXEC'], '*3\r\n+OK\r\n:2\r\n$1\r\n2\r\n'],
      [['EXEC'], '-ERR EXEC without MULTI\r\n'],
    ]);
  });

  test('EXEC with an empty queue answers an empty array', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['EXEC'], '*0\r\n'],
    ]);
  });

  test('runtime errors stay in the EXEC array and the other commands still run', async () => {
    await runSteps(s.port, [
      [['SET', 'mx:s', 'text'], '+OK\r\n'],
      [['MULTI'], '+OK\r\n'],
      [['INCR', 'mx:s'], Q],
      [['SET', 'mx:t', 'x'], Q],
      [['EXEC'], '*2\r\n-ERR value is not an integer or out of range\r\n+OK\r\n'],
      [['GET', 'mx:t'], '$1\r\nx\r\n'],
    ]);
  });

  test('queue-time errors flag the transaction: EXEC answers EXECABORT and runs nothing', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['SET', 'mx:never', '1'], Q],
      [['FOO'], "-ERR unknown command 'FOO', with args beginning with: \r\n"],
      [['GET'], "-ERR wrong number of arguments for 'get' command\r\n"],
      [['EXEC'], ABORT],
      [['EXISTS', 'mx:never'], ':0\r\n'],
      [['MULTI'], '+OK\r\n'],
      [['CONFIG', 'FOO'], "-ERR unknown subcommand 'FOO'. Try CONFIG HELP.\r\n"],
      [['EXEC'], ABORT],
      [['MULTI'], '+OK\r\n'],
      [['SHUTDOWN'], '-ERR Command not allowed inside a transaction\r\n'],
      [['EXEC'], ABORT],
      [['MULTI'], '+OK\r\n'],
      [['MULTI', 'x'], "-ERR wrong number of arguments for 'multi' command\r\n"],
      [['EXEC'], ABORT],
      [['MULTI'], '+OK\r\n'],
      [['DISCARD', 'x'], "-ERR wrong number of arguments for 'discard' command\r\n"],
      [['EXEC'], ABORT],
      [['MULTI'], '+OK\r\n'],
      [['UNWATCH', 'x'], "-ERR wrong number of arguments for 'unwatch' command\r\n"],
      [['EXEC'], ABORT],
    ]);
  });

  test('nested MULTI and WATCH inside MULTI are refused without flagging the transaction', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['MULTI'], '-ERR MULTI calls can not be nested\r\n'],
      [['WATCH', 'x'], '-ERR WATCH inside MULTI is not allowed\r\n'],
      [['SET', 'mx:n', '1'], Q],
      [['EXEC'], '*1\r\n+OK\r\n'],
    ]);
  });

  test('EXEC and DISCARD without MULTI, and EXEC with arguments aborts the transaction', async () => {
    const steps: Step[] = [
      [['EXEC'], '-ERR EXEC without MULTI\r\n'],
      [['DISCARD'], '-ERR DISCARD without MULTI\r\n'],
      [['EXEC', 'x'], "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n"],
      [['MULTI'], '+OK\r\n'],
      [['EXEC', 'x'], "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n"],
      [['EXEC'], '-ERR EXEC without MULTI\r\n'],
    ];
    await runSteps(s.port, steps);
  });

  test('DISCARD drops the queue', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['SET', 'mx:d', '1'], Q],
      [['DISCARD'], '+OK\r\n'],
      [['EXISTS', 'mx:d'], ':0\r\n'],
      [['EXEC'], '-ERR EXEC without MULTI\r\n'],
    ]);
  });

  test('SELECT inside MULTI changes the database of the commands after it', async () => {
    await runSteps(s.port, [
      [['MULTI'], '+OK\r\n'],
      [['SELECT', '1'], Q],
      [['SET', 'mx:q', '1'], Q],
      [['EXEC'], '*2\r\n+OK\r\n+OK\r\n'],
      [['GET', 'mx:q'], '$1\r\n1\r\n'],
      [['SELECT', '0'], '+OK\r\n'],
      [['GET', 'mx:q'], '$-1\r\n'],
    ]);
  });

  test('RESET inside MULTI ends the transaction; HELLO inside EXEC switches protocol mid-array', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('PING'), Q);
    assert.equal(await c.call('RESET'), '+RESET\r\n');
    assert.equal(await c.call('EXEC'), '-ERR EXEC without MULTI\r\n');
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('HELLO', '3'), Q);
    assert.match(await c.call('EXEC'), /^\*1\r\n%7\r\n\$6\r\nserver\r\n/);
    c.close();
  });

  test('queued arguments are copies: later traffic on the socket does not change them', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    const big = 'v'.repeat(70000);
    assert.equal(await c.call('SET', 'mx:copy', big), Q);
    // Fill the connection's buffers with other bytes before EXEC.
    for (let i = 0; i < 20; i++) assert.equal(await c.call('ECHO', 'x'.repeat(5000)), Q);
    const r = await c.call('EXEC');
    assert.ok(r.startsWith('*21\r\n+OK\r\n'));
    assert.equal(await c.call('STRLEN', 'mx:copy'), ':70000\r\n');
    c.close();
  });

  test('CLIENT LIST shows flags=x and multi=<queued> inside MULTI', async () => {
    const c = await Wire.connect(s.port);
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('PING'), Q);
    assert.equal(await c.call('CLIENT', 'INFO'), Q);
    const r = await c.call('EXEC');
    assert.match(r, / flags=x /);
    assert.match(r, / multi=2 /);
    assert.match(await c.call('CLIENT', 'INFO'), / flags=N .* multi=-1 /);
    c.close();
  });
});

describe('MULTI under maxmemory', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.stop());

  test('over maxmemory every command but EXEC, DISCARD, QUIT and RESET is refused inside MULTI', async () => {
    const c = await Wire.connect(s.port);
    const admin = await Wire.connect(s.port);
    const oom = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";
    assert.equal(await c.call('SET', 'x', '1'), '+OK\r\n');
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '1'), '+OK\r\n');
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('GET', 'x'), oom);
    assert.equal(await c.call('SET', 'x', '2'), oom);
    assert.equal(await c.call('WATCH', 'x'), oom);
    assert.equal(await c.call('MULTI'), oom);
    assert.equal(await c.call('EXEC'), ABORT);
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('DISCARD'), '+OK\r\n');
    // Queued before the limit: EXEC is refused only if a queued command may grow memory.
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '0'), '+OK\r\n');
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('SET', 'x', '2'), Q);
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '1'), '+OK\r\n');
    assert.equal(await c.call('EXEC'), "-EXECABORT Transaction discarded because of: OOM command not allowed when used memory > 'maxmemory'.\r\n");
    assert.equal(await c.call('EXEC'), '-ERR EXEC without MULTI\r\n');
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '0'), '+OK\r\n');
    assert.equal(await c.call('MULTI'), '+OK\r\n');
    assert.equal(await c.call('GET', 'x'), Q);
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '1'), '+OK\r\n');
    assert.equal(await c.call('EXEC'), '*1\r\n$1\r\n1\r\n');
    assert.equal(await admin.call('CONFIG', 'SET', 'maxmemory', '0'), '+OK\r\n');
    c.close();
    admin.close();
  });
});
