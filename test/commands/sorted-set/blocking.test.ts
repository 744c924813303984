// BZPOPMIN, BZPOPMAX, BZMPOP — wire text as Redis 7.0.15 sends it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, encodeCommand, plain } from '../../helpers/resp-client.js';
import { blockingFixture, waitBlocked } from '../../helpers/blocked.js';

describe('sorted set blocking commands', () => {
  const fx = blockingFixture();
  const client = fx.client;
  let w: RawClient;
  before(() => {
    w = fx.w;
  });

  test('BZPOPMIN, BZPOPMAX and BZMPOP on an existing sorted set answer at once', async () => {
    await w.call('ZADD', 'bz:now', '1', 'a', '2', 'b', '3', 'c', '4', 'd');
    w.write(encodeCommand(['BZPOPMIN', 'bz:missing', 'bz:now', '0']));
    assert.equal(await w.readText(), '*3\r\n$6\r\nbz:now\r\n$1\r\na\r\n$1\r\n1\r\n');
    w.write(encodeCommand(['BZPOPMAX', 'bz:now', '0']));
    assert.equal(await w.readText(), '*3\r\n$6\r\nbz:now\r\n$1\r\nd\r\n$1\r\n4\r\n');
    w.write(encodeCommand(['BZMPOP', '0', '1', 'bz:now', 'MIN', 'COUNT', '5']));
    assert.equal(await w.readText(), '*2\r\n$6\r\nbz:now\r\n*2\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n');
    assert.equal(plain(await w.call('EXISTS', 'bz:now')), 0);
  });

  test('argument errors and wrong type', async () => {
    await w.call('RPUSH', 'bz:list', 'x');
    const cases: [string[], string][] = [
      [['BZPOPMIN', 'k', '-1'], '-ERR timeout is negative\r\n'],
      [['BZPOPMAX', 'k', 'x'], '-ERR timeout is not a float or out of range\r\n'],
      [['BZMPOP', '0', '0', 'k', 'MIN'], '-ERR numkeys should be greater than 0\r\n'],
      [['BZMPOP', 'x', '1', 'k', 'MIN'], '-ERR timeout is not a float or out of range\r\n'],
      [['BZMPOP', '0', '1', 'k', 'MIN', 'COUNT', '0'], '-ERR count should be greater than 0\r\n'],
      [['BZMPOP', '0', '1', 'k', 'LEFT'], '-ERR syntax error\r\n'],
      [['BZPOPMIN', 'bz:list', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ];
    for (const [cmd, want] of cases) {
      w.write(encodeCommand(cmd));
      assert.equal(await w.readText(), want, cmd.join(' '));
    }
  });

  test('clients blocked by BZPOPMIN are served by ZADD in the order they blocked', async () => {
    const cs = [await client(), await client(), await client()];
    cs[0]!.write(encodeCommand(['BZPOPMIN', 'bz:q', '0']));
    await waitBlocked(w, 1);
    cs[1]!.write(encodeCommand(['BZPOPMAX', 'bz:q', '0']));
    await waitBlocked(w, 2);
    cs[2]!.write(encodeCommand(['BZMPOP', '0', '2', 'bz:other', 'bz:q', 'MIN', 'COUNT', '10']));
    await waitBlocked(w, 3);
    assert.equal(plain(await w.call('ZADD', 'bz:q', '1', 'a', '2', 'b', '3', 'c', '4', 'd')), 4);
    assert.deepEqual(plain(await cs[0]!.read()), ['bz:q', 'a', '1']);
    assert.deepEqual(plain(await cs[1]!.read()), ['bz:q', 'd', '4']);
    assert.deepEqual(plain(await cs[2]!.read()), ['bz:q', [['b', '2'], ['c', '3']]]);
    assert.equal(plain(await w.call('EXISTS', 'bz:q')), 0);
  });

  test('a list at the key does not serve a sorted set waiter', async () => {
    const a = await client();
    a.write(encodeCommand(['BZPOPMIN', 'bz:t', '0']));
    await waitBlocked(w, 1);
    await w.call('RPUSH', 'bz:t', 'x');
    await waitBlocked(w, 1);
    assert.equal(a.buffered, 0);
    await w.call('DEL', 'bz:t');
    await w.call('ZADD', 'bz:t', '7', 'm');
    assert.equal(await a.readText(), '*3\r\n$4\r\nbz:t\r\n$1\r\nm\r\n$1\r\n7\r\n');
  });

  test('timeouts and MULTI answer the nil array, RESP3 doubles when served', async () => {
    const a = await client();
    a.write(encodeCommand(['BZPOPMIN', 'bz:never', '0.05']));
    assert.equal(await a.readText(), '*-1\r\n');
    a.write(Buffer.concat([['MULTI'], ['BZPOPMAX', 'bz:never', '0'], ['BZMPOP', '0', '1', 'bz:never', 'MAX'], ['EXEC']].map((c) => encodeCommand(c))));
    for (const want of ['+OK\r\n', '+QUEUED\r\n', '+QUEUED\r\n', '*2\r\n*-1\r\n*-1\r\n']) assert.equal(await a.readText(), want);
    await a.call('HELLO', '3');
    a.write(encodeCommand(['BZMPOP', '0.05', '1', 'bz:never', 'MIN']));
    assert.equal(await a.readText(), '_\r\n');
    a.write(encodeCommand(['BZPOPMAX', 'bz:r3', '0']));
    await waitBlocked(w, 1);
    await w.call('ZADD', 'bz:r3', '1.5', 'm', '2', 'n');
    assert.equal(await a.readText(), '*3\r\n$5\r\nbz:r3\r\n$1\r\nn\r\n,2\r\n');
  });
});
