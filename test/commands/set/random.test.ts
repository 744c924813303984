// SRANDMEMBER and SPOP: random picks, so these tests check what must hold
// (sizes, membership, distinctness, reply shapes, the key's fate and
// encoding) rather than the picks. SSCAN over a hashtable across calls.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';

let s: TestServer;
let c: RawClient;
const call = async (...args: string[]) => plain(await c.call(...args));
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => String(a + i));

before(async () => {
  s = await startServer();
  c = await RawClient.connect(s.port);
});
after(async () => {
  c.close();
  await s.stop();
});

describe('SRANDMEMBER', () => {
  for (const [enc, members] of [['intset', range(0, 50)], ['hashtable', [...range(0, 49), 'x']]] as const) {
    test(`SRANDMEMBER with <count> - ${enc}`, async () => {
      await call('FLUSHALL');
      await call('SADD', 'k', ...members);
      assert.equal(await call('OBJECT', 'ENCODING', 'k'), enc);
      const all = new Set<string>(members);
      const one = (await call('SRANDMEMBER', 'k')) as string;
      assert.ok(all.has(one));
      for (const n of [1, 5, 20, 30, 49, 50, 100]) {
        const r = (await call('SRANDMEMBER', 'k', String(n))) as string[];
        assert.equal(r.length, Math.min(n, 50), `count ${n}`);
        assert.equal(new Set(r).size, r.length, 'distinct');
        for (const m of r) assert.ok(all.has(m));
      }
      const rep = (await call('SRANDMEMBER', 'k', '-200')) as string[];
      assert.equal(rep.length, 200);
      for (const m of rep) assert.ok(all.has(m));
      assert.deepEqual(await call('SRANDMEMBER', 'k', '0'), []);
      assert.equal(await call('SCARD', 'k'), 50);
    });
  }

  test('SRANDMEMBER count overflow and huge negative counts are refused', async () => {
    await call('SADD', 'k2', 'a');
    assert.deepEqual(await call('SRANDMEMBER', 'k2', '-9223372036854775808'), {
      error: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
    });
    assert.deepEqual(await call('SRANDMEMBER', 'k2', '-9223372036854775807'), {
      error: 'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
    });
    assert.deepEqual(await call('SRANDMEMBER', 'k2', '9223372036854775807'), ['a']);
  });
});

describe('SPOP', () => {
  test('SPOP basics - intset and hashtable', async () => {
    await call('FLUSHALL');
    await call('SADD', 'i', '1', '2', '3');
    await call('SADD', 'h', 'a', 'b', 'c');
    const got = [await call('SPOP', 'i'), await call('SPOP', 'i'), await call('SPOP', 'i')].sort();
    assert.deepEqual(got, ['1', '2', '3']);
    assert.equal(await call('EXISTS', 'i'), 0);
    assert.equal(await call('SPOP', 'i'), null);
    const h = [await call('SPOP', 'h'), await call('SPOP', 'h'), await call('SPOP', 'h')].sort();
    assert.deepEqual(h, ['a', 'b', 'c']);
    assert.equal(await call('EXISTS', 'h'), 0);
  });

  test('SPOP with <count> removes that many distinct members; count >= size deletes the key', async () => {
    await call('FLUSHALL');
    await call('SADD', 'k', ...range(0, 20));
    await call('EXPIRE', 'k', '1000');
    const r = (await call('SPOP', 'k', '3')) as string[];
    assert.equal(new Set(r).size, 3);
    assert.equal(await call('SCARD', 'k'), 17);
    for (const m of r) assert.equal(await call('SISMEMBER', 'k', m), 0);
    assert.ok(((await call('TTL', 'k')) as number) > 0, 'the TTL stays');
    const rest = (await call('SPOP', 'k', '100')) as string[];
    assert.equal(rest.length, 17);
    assert.equal(await call('EXISTS', 'k'), 0);
    assert.deepEqual(await call('SPOP', 'k', '0'), []);
  });

  test('SPOP with a big count rebuilds the set, which becomes an intset again when it can (as Redis 7.0)', async () => {
    await call('FLUSHALL');
    await call('SADD', 'k', ...range(0, 600));
    assert.equal(await call('OBJECT', 'ENCODING', 'k'), 'hashtable');
    await call('EXPIRE', 'k', '1000');
    const popped = (await call('SPOP', 'k', '550')) as string[];
    assert.equal(new Set(popped).size, 550);
    assert.equal(await call('SCARD', 'k'), 50);
    assert.equal(await call('OBJECT', 'ENCODING', 'k'), 'intset');
    assert.ok(((await call('TTL', 'k')) as number) > 0, 'dbOverwrite keeps the TTL');
    const left = (await call('SMEMBERS', 'k')) as string[];
    assert.deepEqual([...left, ...popped].map(Number).sort((a, b) => a - b), range(0, 600).map(Number));
    // A few members popped from a big hashtable: it stays a hashtable.
    await call('SADD', 'h', ...range(0, 600));
    await call('SPOP', 'h', '5');
    assert.equal(await call('OBJECT', 'ENCODING', 'h'), 'hashtable');
  });

  test('SPOP with count replies a set in RESP3, SRANDMEMBER an array', async () => {
    await call('FLUSHALL');
    await call('SADD', 'k', '1', '2', '3');
    c.write(Buffer.from('*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n'));
    await c.read();
    c.write(Buffer.from('*3\r\n$4\r\nSPOP\r\n$1\r\nk\r\n$1\r\n1\r\n'));
    assert.match(await c.readText(), /^~1\r\n\$1\r\n[123]\r\n$/);
    c.write(Buffer.from('*3\r\n$11\r\nSRANDMEMBER\r\n$1\r\nk\r\n$1\r\n1\r\n'));
    assert.match(await c.readText(), /^\*1\r\n\$1\r\n[123]\r\n$/);
    c.write(Buffer.from('*3\r\n$4\r\nSPOP\r\n$1\r\nk\r\n$1\r\n0\r\n'));
    assert.equal(await c.readText(), '~0\r\n');
    await call('HELLO', '2');
  });
});

describe('SSCAN', () => {
  test('SSCAN with a small COUNT walks a hashtable and returns every member that stays', async () => {
    await call('FLUSHALL');
    const members = [...range(0, 200), 'x'];
    await call('SADD', 'h', ...members);
    const seen = new Set<string>();
    let cursor = '0';
    let calls = 0;
    do {
      const [next, batch] = (await call('SSCAN', 'h', cursor, 'COUNT', '7')) as [string, string[]];
      for (const m of batch) seen.add(m);
      // Remove and add members during the iteration.
      if (calls % 3 === 0) await call('SREM', 'h', String(calls));
      await call('SADD', 'h', `new${calls}`);
      cursor = next;
      calls++;
    } while (cursor !== '0' && calls < 1000);
    assert.ok(calls > 10);
    for (const m of members) {
      if (await call('SISMEMBER', 'h', m)) assert.ok(seen.has(m), m);
    }
  });
});
