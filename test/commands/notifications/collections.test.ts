// Keyspace events of the hash, list, set and sorted set commands, as Redis 7.0.15 sends them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventProbe } from './probe.js';

describe('keyspace notifications: collections', () => {
  let p: EventProbe;
  before(async () => {
    p = await EventProbe.start('KEAn');
  });
  after(() => p.stop());

  test('hashes: hset (HSET, HMSET, HSETNX), hincrby, hincrbyfloat, hdel then del when the hash empties', async () => {
    assert.deepEqual(await p.run(['HSET', 'h', 'a', '1', 'b', '2'], ['HSET', 'h', 'a', '1'], ['HMSET', 'h', 'c', '3'], ['HSETNX', 'h', 'a', 'x'], ['HSETNX', 'h', 'd', '4']), [
      'h new', 'h hset', 'h hset', 'h hset', 'h hset',
    ]);
    assert.deepEqual(await p.run(['HINCRBY', 'h', 'a', '1'], ['HINCRBYFLOAT', 'h', 'a', '1.5'], ['HINCRBY', 'h', 'zz', 'x']), ['h hincrby', 'h hincrbyfloat']);
    assert.deepEqual(await p.run(['HDEL', 'h', 'nope'], ['HDEL', 'h', 'a', 'b'], ['HDEL', 'h', 'c', 'd']), ['h hdel', 'h hdel', 'h del']);
  });

  test('lists: lpush, rpush, linsert, lset, lrem, ltrim (even when it removes nothing), pops and del', async () => {
    assert.deepEqual(await p.run(['LPUSHX', 'l', 'a'], ['RPUSH', 'l', 'a', 'b', 'c'], ['LPUSH', 'l', 'z'], ['RPUSHX', 'l', 'd']), [
      'l new', 'l rpush', 'l lpush', 'l rpush',
    ]);
    assert.deepEqual(await p.run(['LINSERT', 'l', 'BEFORE', 'a', 'y'], ['LINSERT', 'l', 'AFTER', 'nope', 'x'], ['LSET', 'l', '0', 'q'], ['LREM', 'l', '0', 'y'], ['LREM', 'l', '0', 'nope']), [
      'l linsert', 'l lset', 'l lrem',
    ]);
    assert.deepEqual(await p.run(['LTRIM', 'l', '0', '-1'], ['LPOP', 'l'], ['RPOP', 'l', '2'], ['LPOP', 'l', '0'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '5']), [
      'l ltrim', 'l lpop', 'l rpop', 'l lpop', 'l del',
    ]);
    assert.deepEqual(await p.run(['RPUSH', 'l', 'a'], ['LTRIM', 'l', '1', '0']), ['l new', 'l rpush', 'l ltrim', 'l del']);
  });

  test('LMOVE and RPOPLPUSH push to the destination first, then pop the source (del when emptied)', async () => {
    await p.call('RPUSH', 'src', 'a', 'b');
    assert.deepEqual(await p.run(['LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'], ['RPOPLPUSH', 'src', 'dst'], ['LMOVE', 'dst', 'dst', 'LEFT', 'LEFT']), [
      'dst new', 'dst rpush', 'src lpop', 'dst lpush', 'src rpop', 'src del', 'dst lpush', 'dst lpop',
    ]);
  });

  test('sets: sadd, srem, spop, smove, the store commands, and del when a set empties', async () => {
    assert.deepEqual(await p.run(['SADD', 's', 'a', 'b', 'c', 'd'], ['SADD', 's', 'a'], ['SREM', 's', 'a', 'nope'], ['SREM', 's', 'nope']), ['s new', 's sadd', 's srem']);
    assert.deepEqual(await p.run(['SPOP', 's'], ['SPOP', 's', '0'], ['SPOP', 's', '1'], ['SPOP', 's', '5']), ['s spop', 's spop', 's spop', 's del']);
    await p.call('SADD', 's1', 'a', 'b');
    assert.deepEqual(await p.run(['SMOVE', 's1', 's2', 'a'], ['SMOVE', 's1', 's2', 'nope'], ['SMOVE', 's1', 's2', 'b'], ['SMOVE', 's2', 's2', 'a']), [
      's1 srem', 's2 new', 's2 sadd', 's1 srem', 's1 del', 's2 sadd',
    ]);
    assert.deepEqual(await p.run(['SUNIONSTORE', 'u', 's2'], ['SINTERSTORE', 'u', 's2', 'u'], ['SDIFFSTORE', 'u', 's2', 'u'], ['SDIFFSTORE', 'u', 'nope']), [
      'u new', 'u sunionstore', 'u sinterstore', 'u del',
    ]);
  });

  test('sorted sets: zadd, zincr, zrem, zremrangeby*, zpopmin/zpopmax, the store commands, and del', async () => {
    assert.deepEqual(await p.run(['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e'], ['ZADD', 'z', '1', 'a'], ['ZADD', 'z', 'INCR', '1', 'a'], ['ZINCRBY', 'z', '1', 'b'], ['ZADD', 'z', 'XX', '1', 'nope']), [
      'z new', 'z zadd', 'z zincr', 'z zincr',
    ]);
    assert.deepEqual(await p.run(['ZREM', 'z', 'nope'], ['ZREM', 'z', 'e'], ['ZREMRANGEBYSCORE', 'z', '100', '200'], ['ZREMRANGEBYRANK', 'z', '0', '0'], ['ZREMRANGEBYLEX', 'z', '[d', '[d']), [
      'z zrem', 'z zremrangebyrank', 'z zremrangebylex',
    ]);
    assert.deepEqual(await p.run(['ZRANGESTORE', 'zr', 'z', '0', '-1'], ['ZUNIONSTORE', 'zu', '1', 'z'], ['ZINTERSTORE', 'zu', '2', 'z', 'nope'], ['ZDIFFSTORE', 'zd', '1', 'z']), [
      'zr new', 'zr zrangestore', 'zu new', 'zu zunionstore', 'zu del', 'zd new', 'zd zdiffstore',
    ]);
    assert.deepEqual(await p.run(['ZPOPMIN', 'z'], ['ZPOPMAX', 'z', '0'], ['ZMPOP', '1', 'z', 'MAX', 'COUNT', '9']), ['z zpopmin', 'z zpopmax', 'z del']);
  });
  test('blocking pops that find data send the pop events as their plain forms', async () => {
    await p.call('RPUSH', 'bl', 'a', 'b', 'c');
    await p.call('ZADD', 'bz', '1', 'm');
    assert.deepEqual(await p.run(['BLPOP', 'none', 'bl', '0'], ['BRPOP', 'bl', '0'], ['BLMPOP', '0', '1', 'bl', 'LEFT', 'COUNT', '5'], ['BZPOPMIN', 'bz', '0']), [
      'bl lpop', 'bl rpop', 'bl lpop', 'bl del', 'bz zpopmin', 'bz del',
    ]);
    await p.call('RPUSH', 'bs', 'x');
    assert.deepEqual(await p.run(['BLMOVE', 'bs', 'bd', 'LEFT', 'RIGHT', '0']), ['bd new', 'bd rpush', 'bs lpop', 'bs del']);
  });
});
