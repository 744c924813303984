// NenCache's AOF against redis-server 7.0's: the same command stream gives
// the same incr file (absolute times normalised), and each server loads the
// other's AOF directory (RESP base, every type) into the same dataset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RawClient, RespError, plain } from '../../helpers/resp-client.js';
import { skipWithoutRedis, startRedis, startServer, type RedisProcess, type TestServer } from '../../helpers/server.js';
import { assertSameDigest, digest } from '../../helpers/digest-aof.js';

const skip = skipWithoutRedis('redis-server');
const AOF = ['--appendonly', 'yes', '--appendfsync', 'always', '--aof-use-rdb-preamble', 'no'];

/** Commands whose propagated form is deterministic (no SPOP: it draws at random). */
const stream: (string | Buffer)[][] = [
  ['SET', 'a', '1'], ['SET', 'b', '2', 'EX', '100'], ['SET', 'c', '3', 'PX', '100000', 'NX'], ['SET', 'd', '4', 'EXAT', '9999999999'],
  ['SET', 'e', '5', 'PXAT', '9999999999000', 'XX'], ['SET', 'e', '5', 'PXAT', '9999999999000'], ['SET', 'e2', '5', 'KEEPTTL', 'GET'],
  ['SETEX', 'f', '10', 'v'], ['PSETEX', 'g', '10000', 'v'], ['SETNX', 'g2', 'x'], ['MSET', 'm1', '1', 'm2', '2'],
  ['EXPIRE', 'a', '100'], ['EXPIRE', 'a', '200', 'GT'], ['EXPIRE', 'a', '50', 'GT'], ['PEXPIRE', 'a', '100000'],
  ['EXPIREAT', 'a', '9999999999'], ['pexpireat', 'a', '9999999999000'], ['PERSIST', 'a'], ['EXPIRE', 'm1', '-1'],
  ['GETEX', 'b', 'EX', '100'], ['GETEX', 'b', 'PERSIST'], ['GETEX', 'b'], ['GETEX', 'g2', 'PXAT', '1'], ['GETDEL', 'c'], ['GETSET', 'd', 'new'],
  ['INCR', 'n'], ['INCRBY', 'n', '10'], ['DECR', 'n'], ['INCRBYFLOAT', 'fl', '1.5'], ['INCRBYFLOAT', 'fl', '0.1'], ['APPEND', 'ap', 'x'], ['SETRANGE', 'ap', '5', 'y'],
  ['HSET', 'h', 'f', '1', 'g', '2'], ['HINCRBYFLOAT', 'h', 'f', '2.5'], ['HINCRBY', 'h', 'g', '3'], ['HDEL', 'h', 'g'], ['HSETNX', 'h', 'z', '0'],
  ['SADD', 's', 'a', 'b', 'c', '1', '2'], ['SREM', 's', 'c'], ['SMOVE', 's', 's2', 'a'], ['SINTERSTORE', 's3', 's', 's2'],
  ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f'], ['LPUSH', 'l', 'z'], ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '2'], ['LMPOP', '1', 'l', 'RIGHT'],
  ['BLPOP', 'l', '0'], ['BRPOP', 'l', '0'], ['BLMPOP', '0', '1', 'l', 'LEFT', 'COUNT', '5'], ['LSET', 'l', '0', 'q'], ['LINSERT', 'l', 'BEFORE', 'q', 'p'],
  ['RPUSH', 'l2', 'a', 'b', 'c'], ['BLMOVE', 'l2', 'l3', 'LEFT', 'RIGHT', '0'], ['BRPOPLPUSH', 'l2', 'l3', '0'], ['LMOVE', 'l3', 'l2', 'left', 'left'], ['LTRIM', 'l3', '0', '0'],
  ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e'], ['ZINCRBY', 'z', '0.5', 'a'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '2'],
  ['BZPOPMIN', 'z', '0'], ['BZMPOP', '0', '1', 'z', 'MAX'], ['ZPOPMAX', 'z'], ['ZREM', 'z', 'nothing'], ['ZUNIONSTORE', 'zu', '1', 'z'],
  ['PFADD', 'hll', 'a', 'b', 'c'], ['SETBIT', 'bits', '7', '1'], ['BITOP', 'NOT', 'bits2', 'bits'],
  ['MULTI'], ['SET', 'x1', '1'], ['INCR', 'x2'], ['GET', 'x1'], ['EXEC'], ['MULTI'], ['SET', 'x3', '1'], ['EXEC'], ['MULTI'], ['GET', 'x1'], ['EXEC'],
  ['SELECT', '3'], ['SET', 'in3', 'v'], ['MOVE', 'in3', '4'], ['SELECT', '0'], ['COPY', 'a', 'acopy'], ['RENAME', 'acopy', 'acopy2'], ['DEL', 'nothing'],
  ['DEL', 'm2'], ['UNLINK', 'e2'], ['SET', Buffer.from([0, 13, 10, 255]), Buffer.alloc(0)], ['SET', 'big', Buffer.alloc(100_000, 'q')],
  ['SWAPDB', '0', '1'], ['SWAPDB', '0', '1'], ['FLUSHDB'], ['SET', 'after', 'flush'],
];

/** Every type, for the loading interop (built on each side by the same commands). */
const dataset: (string | Buffer)[][] = [
  ['SET', 'str', 'v'], ['SET', 'int', '12345'], ['SET', 'bin', Buffer.from([0, 1, 2, 255, 13, 10])], ['SET', 'empty', ''],
  ['SET', 'big', Buffer.alloc(70_000, 'b')], ['SET', 'ttl', 'x', 'EX', '1000'],
  ['RPUSH', 'list', ...Array.from({ length: 200 }, (_, i) => `e${i}`)], ['RPUSH', 'small', 'a', '1'],
  ['SADD', 'intset', '1', '2', '3'], ['SADD', 'set', ...Array.from({ length: 150 }, (_, i) => `m${i}`)],
  ['ZADD', 'zset', '1.5', 'a', '-2', 'b', 'inf', 'c', '0.1', 'd'], ['ZADD', 'bigz', ...Array.from({ length: 200 }, (_, i) => [String(i / 3), `z${i}`]).flat()],
  ['HSET', 'hash', 'f', 'v', 'g', ''], ['HSET', 'bigh', ...Array.from({ length: 150 }, (_, i) => [`f${i}`, `v${i}`]).flat()], ['PEXPIRE', 'bigh', '5000000'],
  ['PFADD', 'hll', 'a', 'b', 'c'], ['SETBIT', 'bits', '1000', '1'], ['SELECT', '7'], ['SET', 'in7', 'seven'], ['SELECT', '0'],
];

function normalise(aof: string): string {
  return aof.replace(/\$13\r\n1\d{12}\r\n/g, '$13\r\nT\r\n');
}

describe('AOF against redis-server 7.0', { skip }, () => {
  const dirs: string[] = [];
  let redis: RedisProcess;
  let nen: TestServer;
  const extra: RedisProcess[] = [];
  const extraN: TestServer[] = [];
  const tmp = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-aofdiff-'));
    dirs.push(d);
    return d;
  };

  before(async () => {
    redis = await startRedis(['--dir', tmp(), ...AOF]);
    nen = await startServer(['--dir', tmp(), ...AOF.slice(0, 4)]);
  });
  after(async () => {
    await redis.stop();
    await nen.stop();
    for (const r of extra) await r.stop();
    for (const s of extraN) await s.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('the same command stream gives the same incr file as Redis 7.0 writes (absolute times normalised)', async () => {
    const rc = await RawClient.connect(redis.port);
    const nc = await RawClient.connect(nen.port);
    for (const cmd of stream) {
      const a = plain(await rc.call(...cmd));
      const b = plain(await nc.call(...cmd));
      if (cmd[0] !== 'SET' || cmd[1] !== 'big') assert.deepEqual(b, a, `reply to ${cmd.join(' ')}`);
    }
    const ra = normalise(fs.readFileSync(path.join(dirs[0]!, 'appendonlydir', 'appendonly.aof.1.incr.aof'), 'latin1'));
    const na = normalise(fs.readFileSync(path.join(dirs[1]!, 'appendonlydir', 'appendonly.aof.1.incr.aof'), 'latin1'));
    const split = (s: string): string[] => s.split(/(?=\*\d+\r\n\$)/);
    assert.deepEqual(split(na), split(ra));
    rc.socket.destroy();
    nc.socket.destroy();
  });

  test('a blocked client served later is written as the pop Redis writes', async () => {
    const out: string[] = [];
    for (const port of [redis.port, nen.port]) {
      const waiter = await RawClient.connect(port);
      const pusher = await RawClient.connect(port);
      await waiter.call('SELECT', '9');
      await pusher.call('SELECT', '9');
      waiter.write('*3\r\n$5\r\nBLPOP\r\n$2\r\nbq\r\n$1\r\n0\r\n');
      await new Promise((r) => setTimeout(r, 50));
      await pusher.call('RPUSH', 'bq', 'x', 'y');
      assert.deepEqual(plain(await waiter.read()), ['bq', 'x']);
      waiter.socket.destroy();
      pusher.socket.destroy();
    }
    for (const d of dirs.slice(0, 2)) {
      const text = fs.readFileSync(path.join(d, 'appendonlydir', 'appendonly.aof.1.incr.aof'), 'latin1');
      out.push(text.slice(text.lastIndexOf('*2\r\n$6\r\nSELECT\r\n$1\r\n9')));
    }
    assert.equal(out[1], out[0]);
    assert.match(out[0]!, /\$5\r\nRPUSH\r\n\$2\r\nbq\r\n.*\$4\r\nLPOP\r\n\$2\r\nbq\r\n$/s);
  });

  test('each server loads the other\'s AOF directory into the same dataset', async () => {
    const rd = tmp();
    const nd = tmp();
    const r = await startRedis(['--dir', rd, ...AOF]);
    extra.push(r);
    const n = await startServer(['--dir', nd, ...AOF.slice(0, 4)]);
    extraN.push(n);
    for (const port of [r.port, n.port]) {
      const c = await RawClient.connect(port);
      for (const cmd of dataset) assert.ok(!((await c.call(...cmd)) instanceof RespError), cmd.join(' '));
      c.socket.destroy();
    }
    const want = await digest(r.port);
    // The same commands a moment apart: relative TTLs may differ by that moment.
    assertSameDigest(await digest(n.port), want, 2000);
    const wantN = await digest(n.port);
    await r.stop();
    await n.stop();
    extra.splice(extra.indexOf(r), 1);
    extraN.splice(extraN.indexOf(n), 1);
    // NenCache on Redis's files, Redis on NenCache's.
    const n2 = await startServer(['--dir', rd, ...AOF.slice(0, 4)]);
    extraN.push(n2);
    assertSameDigest(await digest(n2.port), want);
    const r2 = await startRedis(['--dir', nd, ...AOF]);
    extra.push(r2);
    assertSameDigest(await digest(r2.port), wantN);
  });
});
