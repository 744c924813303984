// DUMP and RESTORE against a real redis-server 7.0: payloads cross in both
// directions with identical contents and encodings, and NenCache's payload
// is byte for byte Redis's wherever Redis's encoding choice is deterministic.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, RespError, plain, type RespValue } from '../../helpers/resp-client.js';
import { skipWithoutRedis, startRedis, startServer, type RedisProcess, type TestServer } from '../../helpers/server.js';

type Cmd = (string | Buffer)[];

const bin = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 255));
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(120);
const listEls = ['0', '127', '128', '-1', '4095', '4096', '-4096', '-4097', '32767', '32768', '-32769', '8388607', '8388608', '-8388609',
  '2147483647', '2147483648', '-2147483649', '9223372036854775807', '-9223372036854775808', '01', '+1', '', 'abc',
  'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(4095), 'w'.repeat(4096)];

/** Keys built by the same commands on both servers; `exact` ones must DUMP to identical bytes. */
const keys: { key: string; build: Cmd[]; exact: boolean }[] = [
  { key: 's:empty', build: [['SET', 's:empty', '']], exact: true },
  { key: 's:short', build: [['SET', 's:short', 'a']], exact: true },
  { key: 's:int8', build: [['SET', 's:int8', '-128']], exact: true },
  { key: 's:int16', build: [['SET', 's:int16', '32767']], exact: true },
  { key: 's:int32', build: [['SET', 's:int32', '-2147483648']], exact: true },
  { key: 's:int64', build: [['SET', 's:int64', '9223372036854775807']], exact: true },
  { key: 's:11digits', build: [['SET', 's:11digits', '12345678901']], exact: true },
  { key: 's:notcanon', build: [['SET', 's:notcanon', '007']], exact: true },
  { key: 's:incr', build: [['INCRBY', 's:incr', '100000']], exact: true },
  { key: 's:append', build: [['APPEND', 's:append', '12'], ['APPEND', 's:append', '34']], exact: true },
  { key: 's:21', build: [['SET', 's:21', 'abcdefghijklmnopqrstu']], exact: true },
  { key: 's:20rep', build: [['SET', 's:20rep', 'a'.repeat(20)]], exact: true },
  { key: 's:21rep', build: [['SET', 's:21rep', 'a'.repeat(21)]], exact: true },
  { key: 's:44', build: [['SET', 's:44', 'ab'.repeat(22)]], exact: true },
  { key: 's:text', build: [['SET', 's:text', text]], exact: true },
  { key: 's:bin', build: [['SET', 's:bin', bin]], exact: true },
  { key: 's:nul', build: [['SET', 's:nul', Buffer.from([0, 255, 0, 1, 13, 10])]], exact: true },
  { key: 's:big', build: [['SET', 's:big', Buffer.concat([Buffer.from(text), bin, Buffer.from('z'.repeat(70000))])]], exact: true },
  { key: 'l:small', build: [['RPUSH', 'l:small', 'a', 'b', '1', '-1']], exact: true },
  { key: 'l:ints', build: [['RPUSH', 'l:ints', ...listEls]], exact: true },
  { key: 'l:big', build: [['RPUSH', 'l:big', ...Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? String(i * 7919) : `item-${i}`))]], exact: true },
  { key: 'l:lpush', build: [['LPUSH', 'l:lpush', ...Array.from({ length: 2000 }, (_, i) => `e${i}`)]], exact: false },
  { key: 'set:i16', build: [['SADD', 'set:i16', '1', '-5', '300', '32767']], exact: true },
  { key: 'set:i32', build: [['SADD', 'set:i32', '1', '70000', '-70000']], exact: true },
  { key: 'set:i64', build: [['SADD', 'set:i64', '1', '9223372036854775807', '-9223372036854775808']], exact: true },
  { key: 'set:shrunk', build: [['SADD', 'set:shrunk', '1', '2', '5000000000'], ['SREM', 'set:shrunk', '5000000000']], exact: true },
  { key: 'set:str', build: [['SADD', 'set:str', 'a', 'b', '1', '', 'x'.repeat(100)]], exact: false },
  { key: 'set:bigint', build: [['SADD', 'set:bigint', ...Array.from({ length: 600 }, (_, i) => String(i * 3))]], exact: false },
  { key: 'z:lp', build: [['ZADD', 'z:lp', '1', 'a', '2.5', 'b', '-0', 'c', '0.1', 'd', 'inf', 'e', '-inf', 'f', '1e300', 'g', '3.14', 'h', '-7', '100', '123456789012', 'big']], exact: true },
  { key: 'z:skip', build: [['ZADD', 'z:skip', ...Array.from({ length: 200 }, (_, i) => [String(i / 7), `m${i}`]).flat()]], exact: true },
  { key: 'z:long', build: [['ZADD', 'z:long', '1', 'x'.repeat(65), '2', 'y']], exact: true },
  { key: 'h:lp', build: [['HSET', 'h:lp', 'f1', 'v1', 'n', '12', 'neg', '-3000', 'empty', '', '', 'emptyfield', 'bin', bin.subarray(0, 60)]], exact: true },
  { key: 'h:long', build: [['HSET', 'h:long', 'f', 'v'.repeat(65), 'g', '1']], exact: false },
  { key: 'h:big', build: [['HSET', 'h:big', ...Array.from({ length: 600 }, (_, i) => [`field${i}`, String(i)]).flat()]], exact: false },
];

/** Equal bytes, or a failure naming the first differing offset (payloads are too long to print). */
function sameBytes(got: Buffer, want: Buffer, what: string): void {
  if (got.equals(want)) return;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const at = (b: Buffer) => b.subarray(Math.max(0, i - 8), i + 24).toString('hex');
  assert.fail(`${what}: ${got.length} vs ${want.length} bytes, first difference at ${i}: got ${at(got)}, want ${at(want)}`);
}

async function call(c: RawClient, ...args: Cmd): Promise<RespValue> {
  const r = await c.call(...args);
  if (r instanceof RespError) throw new Error(`${args.slice(0, 2).map(String).join(' ')}: ${r.message}`);
  return r;
}

/** Type, encoding and full contents of a key, in a form both servers give alike (sets and hashes sorted). */
async function contents(c: RawClient, key: string): Promise<unknown> {
  const type = String(plain(await call(c, 'TYPE', key)));
  const enc = plain(await call(c, 'OBJECT', 'ENCODING', key));
  let body: unknown;
  if (type === 'string') body = plain(await call(c, 'GET', key));
  else if (type === 'list') body = plain(await call(c, 'LRANGE', key, '0', '-1'));
  else if (type === 'set') body = (plain(await call(c, 'SMEMBERS', key)) as string[]).sort();
  else if (type === 'zset') body = plain(await call(c, 'ZRANGE', key, '0', '-1', 'WITHSCORES'));
  else if (type === 'hash') {
    const flat = plain(await call(c, 'HGETALL', key)) as string[];
    const pairs: string[] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push(`${flat[i]}=${flat[i + 1]}`);
    body = pairs.sort();
  }
  return { type, enc, body };
}

const skip = skipWithoutRedis('redis-server');

describe('DUMP and RESTORE interoperate with redis-server 7.0', { skip }, () => {
  let redis: RedisProcess;
  let nen: TestServer;
  let r: RawClient;
  let n: RawClient;

  before(async () => {
    redis = await startRedis();
    nen = await startServer();
    r = await RawClient.connect(redis.port);
    n = await RawClient.connect(nen.port);
  });
  after(async () => {
    r.close();
    n.close();
    await nen.stop();
    await redis.stop();
  });

  async function buildBoth(): Promise<void> {
    await call(r, 'FLUSHALL');
    await call(n, 'FLUSHALL');
    for (const k of keys) {
      for (const cmd of k.build) {
        await call(r, ...cmd);
        await call(n, ...cmd);
      }
    }
  }

  test('the same commands build the same contents and encodings on both servers', async () => {
    await buildBoth();
    for (const k of keys) assert.deepEqual(await contents(n, k.key), await contents(r, k.key), k.key);
  });

  /** RESTOREs `from`'s payload of every key into both servers: the copies agree with each other, and with the original but for encoding (a restored string is re-encoded, e.g. an APPENDed "1234" comes back int). */
  async function crossRestore(from: RawClient): Promise<void> {
    await buildBoth();
    for (const k of keys) {
      const payload = (await call(from, 'DUMP', k.key)) as Buffer;
      const copy = `copy:${k.key}`;
      assert.equal(plain(await n.call('RESTORE', copy, '0', payload)), 'OK', `${k.key} into NenCache`);
      assert.equal(plain(await r.call('RESTORE', copy, '0', payload)), 'OK', `${k.key} into redis-server`);
      const want = (await contents(r, copy)) as { body: unknown };
      assert.deepEqual(await contents(n, copy), want, k.key);
      assert.deepEqual(want.body, ((await contents(from, k.key)) as { body: unknown }).body, k.key);
    }
  }

  test('DUMP from redis-server RESTOREs into NenCache with the same contents and encoding', async () => {
    await crossRestore(r);
  });

  test('DUMP from NenCache RESTOREs into redis-server with the same contents and encoding', async () => {
    await crossRestore(n);
  });

  test("NenCache's DUMP payload is Redis's byte for byte where Redis's encoding is deterministic", async () => {
    await buildBoth();
    for (const k of keys.filter((x) => x.exact)) {
      const want = (await call(r, 'DUMP', k.key)) as Buffer;
      const got = (await call(n, 'DUMP', k.key)) as Buffer;
      sameBytes(got, want, k.key);
    }
  });

  test('with rdbcompression off both servers write long strings raw', async () => {
    await buildBoth();
    await call(r, 'CONFIG', 'SET', 'rdbcompression', 'no');
    await call(n, 'CONFIG', 'SET', 'rdbcompression', 'no');
    try {
      for (const key of ['s:text', 's:21rep', 'l:big', 'h:lp']) {
        const want = (await call(r, 'DUMP', key)) as Buffer;
        sameBytes((await call(n, 'DUMP', key)) as Buffer, want, key);
      }
    } finally {
      await call(r, 'CONFIG', 'SET', 'rdbcompression', 'yes');
      await call(n, 'CONFIG', 'SET', 'rdbcompression', 'yes');
    }
  });
});
