// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]: whole iterations.
// Ports of Redis's unit/scan.tcl keyspace tests, plus the guarantee under
// churn: a key present for the whole iteration is returned at least once.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { useServer } from './harness.js';

let c: RawClient;

/** Sets key:0 .. key:n-1 (as DEBUG POPULATE names them) with MSET. */
async function populate(n: number, prefix = 'key:'): Promise<void> {
  for (let i = 0; i < n; i += 500) {
    const args: string[] = [];
    for (let j = i; j < Math.min(n, i + 500); j++) args.push(`${prefix}${j}`, `value:${j}`);
    assert.equal(plain(await c.call('MSET', ...args)), 'OK');
  }
}

/** Runs a whole SCAN iteration; `between` runs after every call that did not finish. */
async function scanAll(extra: string[] = [], between?: () => Promise<void>): Promise<{ keys: string[]; calls: number }> {
  const keys: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const [next, batch] = plain(await c.call('SCAN', cursor, ...extra)) as [string, string[]];
    calls++;
    assert.ok(calls < 100_000, 'SCAN did not finish');
    keys.push(...batch);
    cursor = next;
    if (cursor !== '0' && between) await between();
  } while (cursor !== '0');
  return { keys, calls };
}

describe('SCAN iterations', () => {
  const fx = useServer();
  before(async () => {
    c = await RawClient.connect(fx.s.port);
  });
  after(() => c.close());
  beforeEach(async () => {
    await fx.reset();
    await c.call('SELECT', '0');
  });

  test('SCAN basic', async () => {
    await populate(1000);
    const { keys } = await scanAll();
    assert.equal(new Set(keys).size, 1000);
  });

  test('SCAN COUNT', async () => {
    await populate(1000);
    for (const count of [1, 5, 10, 100, 1000]) {
      const { keys, calls } = await scanAll(['COUNT', String(count)]);
      assert.equal(new Set(keys).size, 1000, `COUNT ${count}`);
      // A bucket may hold more than one key, as in Redis.
      if (count === 1) assert.ok(calls >= 500, 'COUNT 1 returns about one key per call');
    }
  });

  test('SCAN MATCH', async () => {
    await populate(1000);
    const { keys } = await scanAll(['MATCH', 'key:1??']);
    assert.equal(new Set(keys).size, 100);
    assert.ok(keys.every((k) => /^key:1\d\d$/.test(k)));
  });

  test('SCAN TYPE', async () => {
    await populate(1000);
    assert.equal(new Set((await scanAll(['TYPE', 'string'])).keys).size, 1000);
    assert.equal((await scanAll(['TYPE', 'list'])).keys.length, 0);
  });

  test('SCAN with expired keys', async () => {
    // Make sure that passive expiration is triggered by the scan.
    await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await populate(1000);
    await c.call('SET', 'foo', 'bar');
    await c.call('PEXPIRE', 'foo', '1');
    fx.advance(2);
    const { keys } = await scanAll(['COUNT', '10']);
    assert.equal(new Set(keys).size, 1000);
    assert.ok(!keys.includes('foo'));
    // The expired key was removed by the scan.
    assert.equal(plain(await c.call('DBSIZE')), 1000);
  });

  test('SCAN with expired keys with TYPE filter', async () => {
    await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await populate(1000);
    await c.call('SET', 'foo', 'bar');
    await c.call('PEXPIRE', 'foo', '1');
    fx.advance(2);
    const { keys } = await scanAll(['COUNT', '10', 'TYPE', 'string']);
    assert.equal(new Set(keys).size, 1000);
    assert.equal(plain(await c.call('DBSIZE')), 1000);
  });

  test('SCAN guarantees check under write load', async () => {
    await populate(100, 'key');
    // We start scanning here, so keys from 0 to 99 should all be reported at
    // the end of the iteration.
    let n = 0;
    const { keys } = await scanAll([], async () => {
      for (let j = 0; j < 10; j++) await c.call('SET', `addedkey:${(n++ * 7919) % 1000}`, 'foo');
    });
    const original = new Set(keys.filter((k) => !k.startsWith('addedkey:')));
    assert.equal(original.size, 100);
  });

  test('SCAN returns every key present for the whole iteration while other keys are added and deleted', async () => {
    await populate(300, 'stable:');
    await populate(300, 'churn:');
    // Churn keeps the population constant: every round deletes 12 churn keys
    // picked pseudo-randomly (freeing slots below and above the cursor) and
    // adds 12 new ones, which reuse the freed slots.
    const pool = Array.from({ length: 300 }, (_, i) => `churn:${i}`);
    let seed = 12345;
    let round = 0;
    const { keys } = await scanAll(['COUNT', '7'], async () => {
      const del: string[] = [];
      for (let j = 0; j < 12; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        del.push(...pool.splice(seed % pool.length, 1));
      }
      assert.equal(plain(await c.call('DEL', ...del)), 12);
      for (let j = 0; j < 12; j++) {
        const k = `new:${round}:${j}`;
        await c.call('SET', k, 'x');
        pool.push(k);
      }
      round++;
    });
    const seen = new Set(keys);
    for (let i = 0; i < 300; i++) assert.ok(seen.has(`stable:${i}`), `stable:${i} was not returned`);
    assert.ok(round > 10, 'the iteration took several calls');
  });

  test('SCAN returns keys exactly once when nothing changes', async () => {
    await populate(500);
    const { keys } = await scanAll(['COUNT', '3']);
    assert.equal(keys.length, 500);
    assert.equal(new Set(keys).size, 500);
  });

  test('SCAN cursor is a bulk string and 0 ends the iteration', async () => {
    await populate(50);
    const first = plain(await c.call('SCAN', '0', 'COUNT', '10')) as [string, string[]];
    assert.equal(typeof first[0], 'string');
    assert.notEqual(first[0], '0');
    assert.equal(first[1].length, 10);
  });
});
