// Active expiry through the server's cron, and DEBUG SET-ACTIVE-EXPIRE.
// The server runs on a FakeClock: keys expire when the test moves the clock;
// the cron (every 100 ms at hz 10) then removes them without anyone reading.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { useServer } from './harness.js';

describe('active expiry', () => {
  const fx = useServer();
  let c: RawClient;
  before(async () => {
    c = await RawClient.connect(fx.s.port);
  });
  after(() => c.close());
  beforeEach(() => fx.reset());

  /** Polls DBSIZE until it equals `want`, for at most ~2 s (the cron runs every 100 ms). */
  async function dbsizeBecomes(want: number): Promise<number> {
    let n = -1;
    for (let i = 0; i < 100; i++) {
      n = plain(await c.call('DBSIZE')) as number;
      if (n === want) break;
      await sleep(20);
    }
    return n;
  }

  test('Redis should actively expire keys incrementally', async () => {
    await c.call('PSETEX', 'key1', '500', 'a');
    await c.call('PSETEX', 'key2', '500', 'a');
    await c.call('PSETEX', 'key3', '500', 'a');
    await c.call('SET', 'keep', 'a');
    assert.equal(plain(await c.call('DBSIZE')), 4);
    fx.advance(1000);
    assert.equal(await dbsizeBecomes(1), 1);
    assert.equal(plain(await c.call('GET', 'keep')), 'a');
  });

  test('Redis should lazy expire keys when active expiry is off', async () => {
    assert.equal(plain(await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0')), 'OK');
    await c.call('PSETEX', 'key1{t}', '500', 'a');
    await c.call('PSETEX', 'key2{t}', '500', 'a');
    await c.call('PSETEX', 'key3{t}', '500', 'a');
    fx.advance(1000);
    // Longer than one cron tick: nothing is collected without a read.
    await sleep(150);
    assert.equal(plain(await c.call('DBSIZE')), 3);
    assert.deepEqual(plain(await c.call('MGET', 'key1{t}', 'key2{t}', 'key3{t}')), [null, null, null]);
    assert.equal(plain(await c.call('DBSIZE')), 0);
    assert.equal(plain(await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '1')), 'OK');
  });

  test('Active expiry resumes after DEBUG SET-ACTIVE-EXPIRE 1', async () => {
    await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await c.call('SET', 'a', '1', 'PX', '10');
    fx.advance(20);
    await c.call('DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    assert.equal(await dbsizeBecomes(0), 0);
  });
});
