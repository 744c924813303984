// Big hashes and sets (the byte-keyed "hashtable" encoding) through a real
// server: binary and empty fields, overwrites longer and shorter, deletes,
// then DEBUG RELOAD, DUMP/RESTORE and COPY give back the same contents, and
// HSCAN/SSCAN return every element while others are deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { startServer } from '../../helpers/server.js';

function pairsOf(flat: unknown): Map<string, string> {
  const a = flat as string[];
  const m = new Map<string, string>();
  for (let i = 0; i < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
  return m;
}

test('a big binary-safe hash and set survive overwrites, deletes, DEBUG RELOAD, DUMP/RESTORE and COPY', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-hashtable-'));
  const s = await startServer(['--dir', dir, '--enable-debug-command', 'yes']);
  const c = await RawClient.connect(s.port);
  try {
    const model = new Map<string, string>();
    const members = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const f = i % 500 === 0 ? '' : `f\x00${i}\xff`;
      const v = i % 3 === 0 ? '' : 'v'.repeat(i % 90);
      model.set(f, v);
      members.add(f);
      await c.call('HSET', 'h', f, v);
      await c.call('SADD', 's', f);
    }
    // Longer and shorter overwrites, an integer increment, deletes.
    for (let i = 1; i < 3000; i += 7) {
      const f = `f\x00${i}\xff`;
      const v = i % 2 === 0 ? 'x' : 'y'.repeat(200);
      await c.call('HSET', 'h', f, v);
      model.set(f, v);
    }
    assert.equal(plain(await c.call('HINCRBY', 'h', 'counter', '41')), 41);
    assert.equal(plain(await c.call('HINCRBY', 'h', 'counter', '1')), 42);
    model.set('counter', '42');
    for (let i = 2; i < 3000; i += 5) {
      const f = `f\x00${i}\xff`;
      assert.equal(plain(await c.call('HDEL', 'h', f)), model.delete(f) ? 1 : 0);
      assert.equal(plain(await c.call('SREM', 's', f)), members.delete(f) ? 1 : 0);
    }
    assert.equal(plain(await c.call('OBJECT', 'ENCODING', 'h')), 'hashtable');
    assert.equal(plain(await c.call('OBJECT', 'ENCODING', 's')), 'hashtable');
    const check = async (h: string, set: string): Promise<void> => {
      assert.deepEqual(pairsOf(plain(await c.call('HGETALL', h))), model);
      assert.equal(plain(await c.call('HLEN', h)), model.size);
      assert.equal(plain(await c.call('HGET', h, 'f\x001\xff')), model.get('f\x001\xff'));
      assert.equal(plain(await c.call('HSTRLEN', h, 'f\x008\xff')), model.get('f\x008\xff')!.length);
      assert.deepEqual(new Set(plain(await c.call('SMEMBERS', set)) as string[]), members);
      assert.equal(plain(await c.call('SISMEMBER', set, '')), 1);
      assert.deepEqual(plain(await c.call('SMISMEMBER', set, 'f\x001\xff', 'f\x002\xff', 'nope')), [1, 0, 0]);
    };
    await check('h', 's');
    assert.equal(plain(await c.call('COPY', 'h', 'h2')), 1);
    assert.equal(plain(await c.call('COPY', 's', 's2')), 1);
    await c.call('HSET', 'h', 'only-in-h', '1');
    await c.call('SADD', 's', 'only-in-s');
    await check('h2', 's2');
    await c.call('HDEL', 'h', 'only-in-h');
    await c.call('SREM', 's', 'only-in-s');
    const dump = await c.call('DUMP', 'h');
    assert.equal(plain(await c.call('RESTORE', 'h3', '0', dump as Buffer)), 'OK');
    const sdump = await c.call('DUMP', 's');
    assert.equal(plain(await c.call('RESTORE', 's3', '0', sdump as Buffer)), 'OK');
    await check('h3', 's3');
    assert.equal(plain(await c.call('DEBUG', 'RELOAD')), 'OK');
    await check('h', 's');
    assert.equal(plain(await c.call('OBJECT', 'ENCODING', 'h')), 'hashtable');
    // A scan returns every field that stays, while others are deleted under it.
    const seen = new Set<string>();
    let cursor = '0';
    let step = 0;
    const doomed = [...model.keys()].filter((_, i) => i % 4 === 0);
    do {
      const [next, flat] = plain(await c.call('HSCAN', 'h', cursor, 'COUNT', '50')) as [string, string[]];
      for (let i = 0; i < flat.length; i += 2) seen.add(flat[i]!);
      const f = doomed[step++];
      if (f !== undefined) {
        await c.call('HDEL', 'h', f);
        model.delete(f);
      }
      cursor = next;
    } while (cursor !== '0');
    for (const f of model.keys()) assert.ok(seen.has(f), JSON.stringify(f));
  } finally {
    c.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
