// Keyspace events of the string commands, as Redis 7.0.15 sends them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventProbe } from './probe.js';

describe('keyspace notifications: strings', () => {
  let p: EventProbe;
  before(async () => {
    p = await EventProbe.start('KEA');
  });
  after(() => p.stop());

  test('SET publishes set on __keyspace@0__:<key> and the key on __keyevent@0__:set', async () => {
    assert.deepEqual(await p.raw(['SET', 'a', '1']), [
      ['__keyspace@0__:a', 'set'],
      ['__keyevent@0__:set', 'a'],
    ]);
  });

  test('SET with EX sends set then expire; SET NX that does not set sends nothing', async () => {
    assert.deepEqual(await p.run(['SET', 'b', '1', 'EX', '100'], ['SET', 'b', '2', 'NX'], ['SET', 'nx', '1', 'XX']), ['b set', 'b expire']);
  });

  test('SETEX, PSETEX, SETNX, GETSET, MSET and MSETNX send set per key', async () => {
    assert.deepEqual(await p.run(['SETEX', 'c', '100', 'v'], ['PSETEX', 'd', '100000', 'v'], ['SETNX', 'e', 'v'], ['SETNX', 'e', 'w'], ['GETSET', 'e', 'x']), [
      'c set', 'c expire', 'd set', 'd expire', 'e set', 'e set',
    ]);
    assert.deepEqual(await p.run(['MSET', 'm1', '1', 'm2', '2'], ['MSETNX', 'm1', '1', 'm3', '3'], ['MSETNX', 'm4', '1', 'm5', '2']), [
      'm1 set', 'm2 set', 'm4 set', 'm5 set',
    ]);
  });

  test('INCR family sends incrby, INCRBYFLOAT incrbyfloat, APPEND append, SETRANGE setrange', async () => {
    assert.deepEqual(await p.run(['INCR', 'n'], ['DECR', 'n'], ['INCRBY', 'n', '5'], ['DECRBY', 'n', '2'], ['INCRBYFLOAT', 'n', '1.5']), [
      'n incrby', 'n incrby', 'n incrby', 'n incrby', 'n incrbyfloat',
    ]);
    assert.deepEqual(await p.run(['APPEND', 's', 'ab'], ['SETRANGE', 's', '1', 'xy'], ['SETRANGE', 's', '0', '']), ['s append', 's setrange']);
  });

  test('a failed command sends nothing', async () => {
    await p.call('SET', 'str', 'abc');
    assert.deepEqual(await p.run(['INCR', 'str'], ['LPUSH', 'str', 'x'], ['SETRANGE', 'str', '-1', 'x']), []);
  });

  test('GETDEL sends del, GETEX sends expire, persist, or del for a time already past', async () => {
    await p.call('SET', 'g', 'v');
    assert.deepEqual(await p.run(['GETEX', 'g', 'EX', '100'], ['GETEX', 'g', 'PERSIST'], ['GETEX', 'g', 'PERSIST'], ['GETEX', 'g', 'EXAT', '1'], ['GETDEL', 'g']), [
      'g expire', 'g persist', 'g del',
    ]);
    await p.call('SET', 'g', 'v');
    assert.deepEqual(await p.run(['GETDEL', 'g'], ['GETDEL', 'g']), ['g del']);
  });

  test('the n class sends new before the event of the command that created the key', async () => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEAn');
    try {
      assert.deepEqual(await p.run(['SET', 'fresh', '1'], ['SET', 'fresh', '2'], ['INCR', 'fresh2']), ['fresh new', 'fresh set', 'fresh set', 'fresh2 new', 'fresh2 incrby']);
    } finally {
      await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
    }
  });
  test('SETBIT sends setbit only when it creates, grows or changes; BITFIELD writes send setbit; BITOP set or del', async () => {
    assert.deepEqual(
      await p.run(['SETBIT', 'bm', '3', '1'], ['SETBIT', 'bm', '3', '1'], ['SETBIT', 'bm', '20', '0'], ['BITFIELD', 'bm', 'GET', 'u8', '0'], ['BITFIELD', 'bm', 'SET', 'u8', '0', '1']),
      ['bm setbit', 'bm setbit', 'bm setbit'],
    );
    assert.deepEqual(await p.run(['BITOP', 'AND', 'bd', 'bm', 'nokey'], ['BITOP', 'OR', 'bd', 'nokey', 'nokey2'], ['BITOP', 'OR', 'bd', 'nokey']), ['bd set', 'bd del']);
  });

  test('PFADD sends pfadd when it creates or changes the HLL, PFMERGE always, PFCOUNT never', async () => {
    assert.deepEqual(await p.run(['PFADD', 'h1', 'a'], ['PFADD', 'h1', 'a'], ['PFADD', 'h2'], ['PFCOUNT', 'h1'], ['PFMERGE', 'h1', 'h2'], ['PFMERGE', 'h3']), [
      'h1 pfadd', 'h2 pfadd', 'h1 pfadd', 'h3 pfadd',
    ]);
  });
});
