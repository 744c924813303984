// HRANDFIELD and HSCAN replies that depend on chance or on the hashtable's layout:
// checked by their contract (counts, distinctness, membership, every field seen).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';

let s: TestServer;
let c: RawClient;
before(async () => {
  s = await startServer();
  c = await RawClient.connect(s.port);
});
after(async () => {
  c.close();
  await s.stop();
});

async function call(...args: (string | number)[]): Promise<unknown> {
  return plain(await c.call(...args));
}

/** A hash of n fields f0..f(n-1) with values v0..; a hashtable when n > 512 or `long`. */
async function fill(key: string, n: number, long = false): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  await call('DEL', key);
  const args: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = long && i === 0 ? 'x'.repeat(100) : `v${i}`;
    m.set(`f${i}`, v);
    args.push(`f${i}`, v);
  }
  await call('HSET', key, ...args);
  return m;
}

for (const [label, n, long] of [['a listpack', 20, false], ['a hashtable', 20, true], ['a big hashtable', 1000, false]] as const) {
  describe(`HRANDFIELD on ${label}`, () => {
    test('a positive count returns that many distinct fields of the hash', async () => {
      const m = await fill('h', n, long);
      assert.equal(await call('OBJECT', 'ENCODING', 'h'), long || n > 512 ? 'hashtable' : 'listpack');
      for (const count of [1, 2, 5, n - 1]) {
        const r = (await call('HRANDFIELD', 'h', count)) as string[];
        assert.equal(r.length, count);
        assert.equal(new Set(r).size, count);
        for (const f of r) assert.ok(m.has(f), f);
      }
    });

    test('a negative count returns that many fields, repeats allowed', async () => {
      const m = await fill('h', n, long);
      const r = (await call('HRANDFIELD', 'h', -(n * 3))) as string[];
      assert.equal(r.length, n * 3);
      for (const f of r) assert.ok(m.has(f));
      // Over 3n independent picks some field repeats.
      assert.ok(new Set(r).size < r.length);
    });

    test('WITHVALUES pairs each field with its value, flat in RESP2 and nested in RESP3', async () => {
      const m = await fill('h', n, long);
      const flat = (await call('HRANDFIELD', 'h', 3, 'WITHVALUES')) as string[];
      assert.equal(flat.length, 6);
      for (let i = 0; i < 6; i += 2) assert.equal(m.get(flat[i]!), flat[i + 1]);
      await call('HELLO', '3');
      try {
        const nested = (await call('HRANDFIELD', 'h', -4, 'WITHVALUES')) as [string, string][];
        assert.equal(nested.length, 4);
        for (const [f, v] of nested) assert.equal(m.get(f), v);
      } finally {
        await call('HELLO', '2');
      }
    });

    test('without a count, one field of the hash', async () => {
      const m = await fill('h', n, long);
      for (let i = 0; i < 20; i++) assert.ok(m.has((await call('HRANDFIELD', 'h')) as string));
    });
  });
}

describe('HSCAN on a hashtable', () => {
  async function fullScan(key: string, count: number, during?: (step: number) => Promise<void>): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    let cursor = '0';
    let step = 0;
    do {
      const [next, flat] = (await call('HSCAN', key, cursor, 'COUNT', count)) as [string, string[]];
      for (let i = 0; i < flat.length; i += 2) seen.set(flat[i]!, flat[i + 1]!);
      cursor = next;
      if (during) await during(step++);
      assert.ok(step < 10000, 'the scan ends');
    } while (cursor !== '0');
    return seen;
  }

  test('a full iteration returns every field with its value', async () => {
    const m = await fill('h', 1000);
    assert.equal(await call('OBJECT', 'ENCODING', 'h'), 'hashtable');
    const seen = await fullScan('h', 10);
    assert.deepEqual([...seen].sort(), [...m].sort());
  });

  test('fields present for the whole scan are returned while others are added and deleted', async () => {
    await fill('h', 1000);
    const deleted = new Set<string>();
    const seen = await fullScan('h', 7, async (step) => {
      // Delete two old fields and add three new ones between calls.
      for (const i of [step * 2, step * 2 + 1]) {
        await call('HDEL', 'h', `f${(i * 37) % 1000}`);
        deleted.add(`f${(i * 37) % 1000}`);
      }
      await call('HSET', 'h', `new${step}a`, '1', `new${step}b`, '2', `new${step}c`, '3');
    });
    for (let i = 0; i < 1000; i++) {
      if (!deleted.has(`f${i}`)) assert.ok(seen.has(`f${i}`), `f${i} was not returned`);
    }
  });

  test('MATCH filters fields and COUNT bounds one call', async () => {
    await fill('h', 1000);
    const [, flat] = (await call('HSCAN', 'h', '0', 'COUNT', '5')) as [string, string[]];
    assert.ok(flat.length <= 10);
    let cursor = '0';
    const found: string[] = [];
    do {
      const [next, pairs] = (await call('HSCAN', 'h', cursor, 'MATCH', 'f99*', 'COUNT', '50')) as [string, string[]];
      for (let i = 0; i < pairs.length; i += 2) found.push(pairs[i]!);
      cursor = next;
    } while (cursor !== '0');
    assert.deepEqual(found.sort(), ['f99', 'f990', 'f991', 'f992', 'f993', 'f994', 'f995', 'f996', 'f997', 'f998', 'f999']);
  });

  test('a scan of a hashtable that shrank below the cursor still ends', async () => {
    await fill('h', 600);
    const [cursor] = (await call('HSCAN', 'h', '0', 'COUNT', '10')) as [string];
    for (let i = 0; i < 595; i++) await call('HDEL', 'h', `f${i}`);
    const [, flat] = (await call('HSCAN', 'h', cursor, 'COUNT', '100')) as [string, string[]];
    assert.equal(flat.length, 10);
  });
});
