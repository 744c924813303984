// LPUSH, RPUSH, LPUSHX, RPUSHX, LPOP, RPOP
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCases, type Case } from '../strings/harness.js';
import { startServer } from '../../helpers/server.js';
import { RawClient, encodeCommand } from '../../helpers/resp-client.js';

const cases: Case[] = [
  {
    name: 'LPUSH and RPUSH return the new length and keep the order',
    steps: [
      [['LPUSH', 'l', 'a', 'b'], ':2\r\n'],
      [['RPUSH', 'l', 'c', 'd'], ':4\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*4\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\nd\r\n'],
      [['LLEN', 'l'], ':4\r\n'],
      [['TYPE', 'l'], '+list\r\n'],
      [['OBJECT', 'ENCODING', 'l'], '$9\r\nquicklist\r\n'],
    ],
  },
  {
    name: 'LPUSHX and RPUSHX push only onto an existing list',
    steps: [
      [['LPUSHX', 'l', 'a'], ':0\r\n'],
      [['RPUSHX', 'l', 'a', 'b'], ':0\r\n'],
      [['EXISTS', 'l'], ':0\r\n'],
      [['RPUSH', 'l', 'x'], ':1\r\n'],
      [['LPUSHX', 'l', 'a', 'b'], ':3\r\n'],
      [['RPUSHX', 'l', 'c'], ':4\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*4\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\nc\r\n'],
    ],
  },
  {
    name: 'push commands on a wrong type and with too few arguments',
    steps: [
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LPUSH', 's', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['RPUSH', 's', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LPUSHX', 's', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['RPUSHX', 's', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LPUSH', 'l'], '-ERR wrong number of arguments for \'lpush\' command\r\n'],
      [['RPUSHX', 'l'], '-ERR wrong number of arguments for \'rpushx\' command\r\n'],
      [['GET', 's'], '$1\r\nv\r\n'],
    ],
  },
  {
    name: 'empty and binary elements',
    steps: [
      [['RPUSH', 'l', '', '\u0000\xff', 'a\r\nb'], ':3\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$0\r\n\r\n$2\r\n\u0000\xff\r\n$4\r\na\r\nb\r\n'],
      [['LPOP', 'l'], '$0\r\n\r\n'],
      [['RPOP', 'l'], '$4\r\na\r\nb\r\n'],
    ],
  },
  {
    name: 'LPOP and RPOP without count reply a bulk or nil',
    steps: [
      [['LPOP', 'nokey'], '$-1\r\n'],
      [['RPOP', 'nokey'], '$-1\r\n'],
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['LPOP', 'l'], '$1\r\na\r\n'],
      [['RPOP', 'l'], '$1\r\nc\r\n'],
      [['RPOP', 'l'], '$1\r\nb\r\n'],
      [['RPOP', 'l'], '$-1\r\n'],
      [['EXISTS', 'l'], ':0\r\n'],
    ],
  },
  {
    name: 'LPOP and RPOP with count',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c', 'd'], ':4\r\n'],
      [['LPOP', 'l', '2'], '*2\r\n$1\r\na\r\n$1\r\nb\r\n'],
      [['RPOP', 'l', '1'], '*1\r\n$1\r\nd\r\n'],
      [['LPOP', 'l', '0'], '*0\r\n'],
      [['RPOP', 'l', '10'], '*1\r\n$1\r\nc\r\n'],
      [['EXISTS', 'l'], ':0\r\n'],
      [['LPOP', 'l', '0'], '*-1\r\n'],
      [['LPOP', 'l', '5'], '*-1\r\n'],
    ],
  },
  {
    name: 'LPOP count errors come before the key lookup',
    steps: [
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LPOP', 's', '-1'], '-ERR value is out of range, must be positive\r\n'],
      [['LPOP', 's', 'x'], '-ERR value is out of range, must be positive\r\n'],
      [['LPOP', 's', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['RPOP', 's'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LPOP', 'nokey', '-1'], '-ERR value is out of range, must be positive\r\n'],
      [['LPOP', 'nokey', '99999999999999999999'], '-ERR value is out of range, must be positive\r\n'],
      [['LPOP', 'l', '1', '2'], '-ERR wrong number of arguments for \'lpop\' command\r\n'],
      [['RPOP'], '-ERR wrong number of arguments for \'rpop\' command\r\n'],
    ],
  },
  {
    name: 'pops on missing keys in RESP3',
    resp: 3,
    steps: [
      [['LPOP', 'nokey'], '_\r\n'],
      [['LPOP', 'nokey', '2'], '_\r\n'],
      [['RPOP', 'nokey', '0'], '_\r\n'],
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LPOP', 'l', '0'], '*0\r\n'],
      [['RPOP', 'l', '3'], '*1\r\n$1\r\na\r\n'],
    ],
  },
];

runCases('LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP', cases);

test('pipelined pops of big and small elements answer with the bytes they had while the list is rewritten behind them', async () => {
  const s = await startServer([]);
  const c = await RawClient.connect(s.port);
  try {
    const big = (ch: string): Buffer => Buffer.alloc(100_000, ch);
    const small = (i: number): string => `s${i}-${'.'.repeat(i % 50)}`;
    await c.call('RPUSH', 'l', big('a'), big('b'));
    for (let i = 0; i < 2000; i++) await c.call('RPUSH', 'l', small(i));
    // One write: each pop's reply (by reference for the big ones) is followed by pushes that reuse chunks.
    const frames: Buffer[] = [];
    frames.push(encodeCommand(['LPOP', 'l']), encodeCommand(['RPUSH', 'l', big('c')]), encodeCommand(['LPOP', 'l']));
    for (let i = 0; i < 600; i++) frames.push(encodeCommand(['RPOP', 'l']), encodeCommand(['LPUSH', 'l', `x${i}`]));
    frames.push(encodeCommand(['LMOVE', 'l', 'l', 'RIGHT', 'LEFT']), encodeCommand(['LSET', 'l', '0', 'replaced']));
    c.write(Buffer.concat(frames));
    assert.ok((await c.read() as Buffer).equals(big('a')));
    assert.equal(await c.read(), 2002);
    assert.ok((await c.read() as Buffer).equals(big('b')));
    for (let i = 0; i < 600; i++) {
      assert.equal(String(await c.read()), i === 0 ? 'c'.repeat(100_000) : small(2000 - i));
      assert.equal(await c.read(), 2001);
    }
    assert.equal(String(await c.read()), small(1400));
    assert.equal(String(await c.read()), 'OK');
    assert.equal(String(await c.call('OBJECT', 'ENCODING', 'l')), 'quicklist');
  } finally {
    c.close();
    await s.stop();
  }
});
