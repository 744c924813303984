// BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP and CLIENT UNBLOCK — wire text as Redis 7.0.15 sends it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, encodeCommand, plain } from '../../helpers/resp-client.js';
import { blockingFixture, waitBlocked } from '../../helpers/blocked.js';

describe('list blocking commands', () => {
  const fx = blockingFixture();
  const client = fx.client;
  let w: RawClient;
  before(() => {
    w = fx.w;
  });

  test('BLPOP and BRPOP on a non-empty list answer at once, as LPOP and RPOP', async () => {
    await w.call('RPUSH', 'bl:now', 'a', 'b', 'c');
    w.write(encodeCommand(['BLPOP', 'bl:missing', 'bl:now', '0']));
    assert.equal(await w.readText(), '*2\r\n$6\r\nbl:now\r\n$1\r\na\r\n');
    w.write(encodeCommand(['BRPOP', 'bl:now', '0']));
    assert.equal(await w.readText(), '*2\r\n$6\r\nbl:now\r\n$1\r\nc\r\n');
    w.write(encodeCommand(['BLMPOP', '0', '1', 'bl:now', 'LEFT', 'COUNT', '5']));
    assert.equal(await w.readText(), '*2\r\n$6\r\nbl:now\r\n*1\r\n$1\r\nb\r\n');
    assert.equal(plain(await w.call('EXISTS', 'bl:now')), 0);
  });

  test('argument errors: timeout, numkeys, count, direction, wrong type', async () => {
    await w.call('SET', 'bl:str', 'x');
    const cases: [string[], string][] = [
      [['BLPOP', 'k', '-1'], '-ERR timeout is negative\r\n'],
      [['BLPOP', 'k', 'abc'], '-ERR timeout is not a float or out of range\r\n'],
      [['BLPOP', 'k', 'inf'], '-ERR timeout is negative\r\n'],
      [['BRPOP', 'k', 'nan'], '-ERR timeout is not a float or out of range\r\n'],
      [['BLMPOP', '0', '0', 'k', 'LEFT'], '-ERR numkeys should be greater than 0\r\n'],
      [['BLMPOP', 'abc', '1', 'k', 'LEFT'], '-ERR timeout is not a float or out of range\r\n'],
      [['BLMPOP', 'x', '1', 'k', 'LEFT', 'COUNT', '0'], '-ERR count should be greater than 0\r\n'],
      [['BLMPOP', '0', '1', 'k', 'UP'], '-ERR syntax error\r\n'],
      [['BLMOVE', 'k', 'd', 'UP', 'RIGHT', 'abc'], '-ERR syntax error\r\n'],
      [['BRPOPLPUSH', 'k', 'd', 'abc'], '-ERR timeout is not a float or out of range\r\n'],
      [['BLPOP', 'bl:str', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['BLMOVE', 'bl:str', 'd', 'LEFT', 'LEFT', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ];
    for (const [cmd, want] of cases) {
      w.write(encodeCommand(cmd));
      assert.equal(await w.readText(), want, cmd.join(' '));
    }
  });

  test('a client blocked by BLPOP is served by LPUSH from another client', async () => {
    const a = await client();
    a.write(encodeCommand(['BLPOP', 'bl:one', 'bl:two', '0']));
    await waitBlocked(w, 1);
    assert.equal(plain(await w.call('RPUSH', 'bl:two', 'x', 'y')), 2);
    assert.equal(await a.readText(), '*2\r\n$6\r\nbl:two\r\n$1\r\nx\r\n');
    assert.deepEqual(plain(await w.call('LRANGE', 'bl:two', '0', '-1')), ['y']);
    await waitBlocked(w, 0);
  });

  test('clients blocked on one key are served in the order they blocked', async () => {
    const cs = [await client(), await client(), await client()];
    for (let i = 0; i < cs.length; i++) {
      cs[i]!.write(encodeCommand(['BRPOP', 'bl:fifo', '0']));
      await waitBlocked(w, i + 1);
    }
    assert.equal(plain(await w.call('RPUSH', 'bl:fifo', '1', '2')), 2);
    assert.deepEqual(plain(await cs[0]!.read()), ['bl:fifo', '2']);
    assert.deepEqual(plain(await cs[1]!.read()), ['bl:fifo', '1']);
    await waitBlocked(w, 1);
    assert.equal(cs[2]!.buffered, 0);
    await w.call('LPUSH', 'bl:fifo', '3');
    assert.deepEqual(plain(await cs[2]!.read()), ['bl:fifo', '3']);
  });

  test('a timeout answers the nil array: *-1 in RESP2, _ in RESP3', async () => {
    const a = await client();
    const t0 = Date.now();
    a.write(encodeCommand(['BLPOP', 'bl:never', '0.1']));
    assert.equal(await a.readText(), '*-1\r\n');
    assert.ok(Date.now() - t0 >= 90, 'not before the timeout');
    a.write(encodeCommand(['BLMOVE', 'bl:never', 'bl:d', 'LEFT', 'LEFT', '0.05']));
    assert.equal(await a.readText(), '*-1\r\n');
    await a.call('HELLO', '3');
    a.write(encodeCommand(['BRPOP', 'bl:never', '0.05']));
    assert.equal(await a.readText(), '_\r\n');
    a.write(encodeCommand(['BLMPOP', '0.05', '1', 'bl:never', 'RIGHT']));
    assert.equal(await a.readText(), '_\r\n');
    const info = String(plain(await w.call('INFO', 'clients')));
    assert.match(info, /blocked_clients:0\r\n/);
    assert.match(info, /clients_in_timeout_table:0\r\n/);
  });

  test('BLMOVE chains: a served BLMOVE feeds a client blocked on its destination', async () => {
    const a = await client();
    const b = await client();
    b.write(encodeCommand(['BLPOP', 'bl:c2', '0']));
    await waitBlocked(w, 1);
    a.write(encodeCommand(['BLMOVE', 'bl:c1', 'bl:c2', 'RIGHT', 'LEFT', '0']));
    await waitBlocked(w, 2);
    await w.call('RPUSH', 'bl:c1', 'v');
    assert.equal(await a.readText(), '$1\r\nv\r\n');
    assert.equal(await b.readText(), '*2\r\n$5\r\nbl:c2\r\n$1\r\nv\r\n');
    assert.equal(plain(await w.call('EXISTS', 'bl:c1', 'bl:c2')), 0);
    await waitBlocked(w, 0);
  });

  test('BRPOPLPUSH served when the source appears; a wrong-type destination answers WRONGTYPE', async () => {
    const a = await client();
    a.write(encodeCommand(['BRPOPLPUSH', 'bl:s', 'bl:d', '0']));
    await waitBlocked(w, 1);
    await w.call('RPUSH', 'bl:s', 'p', 'q');
    assert.equal(await a.readText(), '$1\r\nq\r\n');
    assert.deepEqual(plain(await w.call('LRANGE', 'bl:d', '0', '-1')), ['q']);
    await w.call('DEL', 'bl:s');
    await w.call('SET', 'bl:d', 'str');
    a.write(encodeCommand(['BLMOVE', 'bl:s', 'bl:d', 'LEFT', 'LEFT', '0']));
    await waitBlocked(w, 1);
    await w.call('RPUSH', 'bl:s', 'z');
    assert.equal(await a.readText(), '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
    assert.deepEqual(plain(await w.call('LRANGE', 'bl:s', '0', '-1')), ['z']);
  });

  test('inside MULTI a blocking command does not block', async () => {
    const a = await client();
    a.write(encodeCommand(['MULTI']));
    a.write(encodeCommand(['BLPOP', 'bl:m', '0']));
    a.write(encodeCommand(['BLMOVE', 'bl:m', 'bl:n', 'LEFT', 'LEFT', '0']));
    a.write(encodeCommand(['BLMPOP', '0', '1', 'bl:m', 'LEFT']));
    a.write(encodeCommand(['EXEC']));
    assert.equal(await a.readText(), '+OK\r\n');
    for (let i = 0; i < 3; i++) assert.equal(await a.readText(), '+QUEUED\r\n');
    assert.equal(await a.readText(), '*3\r\n*-1\r\n$-1\r\n*-1\r\n');
  });

  test('writes inside MULTI serve waiters once EXEC is done', async () => {
    const a = await client();
    a.write(encodeCommand(['BLPOP', 'bl:x', '0']));
    await waitBlocked(w, 1);
    await w.call('MULTI');
    await w.call('RPUSH', 'bl:x', 'first');
    await w.call('LPUSH', 'bl:x', 'second');
    assert.equal(a.buffered, 0);
    assert.deepEqual(plain(await w.call('EXEC')), [1, 2]);
    assert.deepEqual(plain(await a.read()), ['bl:x', 'second']);
  });

  test('a key that becomes a string keeps the client blocked until a list appears', async () => {
    const a = await client();
    a.write(encodeCommand(['BLPOP', 'bl:t', '0']));
    await waitBlocked(w, 1);
    await w.call('SET', 'bl:t', 'str');
    await w.call('ZADD', 'bl:t2', '1', 'm');
    await w.call('RENAME', 'bl:t2', 'bl:t');
    await waitBlocked(w, 1);
    assert.equal(a.buffered, 0);
    await w.call('DEL', 'bl:t');
    await w.call('RPUSH', 'bl:t3', 'ok');
    await w.call('RENAME', 'bl:t3', 'bl:t');
    assert.deepEqual(plain(await a.read()), ['bl:t', 'ok']);
  });

  test('SWAPDB and MOVE make keys ready', async () => {
    const a = await client();
    a.write(encodeCommand(['BLPOP', 'bl:sw', '0']));
    await waitBlocked(w, 1);
    await w.call('SELECT', '1');
    await w.call('RPUSH', 'bl:sw', 'from1');
    await w.call('SWAPDB', '0', '1');
    assert.deepEqual(plain(await a.read()), ['bl:sw', 'from1']);
    await w.call('SWAPDB', '0', '1');
    a.write(encodeCommand(['BLPOP', 'bl:mv', '0']));
    await waitBlocked(w, 1);
    await w.call('RPUSH', 'bl:mv', 'moved');
    await w.call('MOVE', 'bl:mv', '0');
    await w.call('SELECT', '0');
    assert.deepEqual(plain(await a.read()), ['bl:mv', 'moved']);
  });

  test('CLIENT UNBLOCK answers as a timeout, or with the UNBLOCKED error', async () => {
    const a = await client();
    const id = Number(plain(await a.call('CLIENT', 'ID')));
    a.write(encodeCommand(['BLPOP', 'bl:u', '0']));
    await waitBlocked(w, 1);
    assert.match(String(plain(await w.call('CLIENT', 'LIST', 'ID', String(id)))), / flags=b .* cmd=blpop /);
    assert.equal(plain(await w.call('CLIENT', 'UNBLOCK', String(id))), 1);
    assert.equal(await a.readText(), '*-1\r\n');
    assert.equal(plain(await w.call('CLIENT', 'UNBLOCK', String(id))), 0);
    a.write(encodeCommand(['BRPOPLPUSH', 'bl:u', 'bl:v', '0']));
    await waitBlocked(w, 1);
    assert.equal(plain(await w.call('CLIENT', 'UNBLOCK', String(id), 'ERROR')), 1);
    assert.equal(await a.readText(), '-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
    w.write(encodeCommand(['CLIENT', 'UNBLOCK', String(id), 'later']));
    assert.equal(await w.readText(), '-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n');
    w.write(encodeCommand(['CLIENT', 'UNBLOCK', 'abc']));
    assert.equal(await w.readText(), '-ERR value is not an integer or out of range\r\n');
  });

  test('a client that disconnects while blocked is forgotten', async () => {
    const a = await client();
    a.write(encodeCommand(['BLPOP', 'bl:gone', '0']));
    await waitBlocked(w, 1);
    a.close();
    await waitBlocked(w, 0);
    await w.call('RPUSH', 'bl:gone', 'kept');
    assert.deepEqual(plain(await w.call('LRANGE', 'bl:gone', '0', '-1')), ['kept']);
    const b = await client();
    const id = Number(plain(await b.call('CLIENT', 'ID')));
    b.write(encodeCommand(['BLPOP', 'bl:killed', '0']));
    await waitBlocked(w, 1);
    assert.equal(plain(await w.call('CLIENT', 'KILL', 'ID', String(id))), 1);
    await waitBlocked(w, 0);
  });

  test('commands pipelined after a blocking one wait until it is served', async () => {
    const a = await client();
    a.write(Buffer.concat([encodeCommand(['BLPOP', 'bl:p', '0']), encodeCommand(['LLEN', 'bl:p']), encodeCommand(['PING'])]));
    await waitBlocked(w, 1);
    a.write(encodeCommand(['ECHO', 'later']));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(a.buffered, 0);
    await w.call('RPUSH', 'bl:p', 'a', 'b');
    assert.deepEqual(plain(await a.read()), ['bl:p', 'a']);
    assert.equal(plain(await a.read()), 1);
    assert.equal(plain(await a.read()), 'PONG');
    assert.equal(plain(await a.read()), 'later');
  });
});
