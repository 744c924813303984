// A big sorted set (a B+tree of several levels behind the "skiplist" encoding)
// through DUMP / RESTORE, COPY, DEBUG RELOAD and AOF-style rewrites: same
// members, scores, ranks and encoding after each, and the copies independent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';

let s: TestServer;
let r: RawClient;
let dir: string;
const call = async (...args: (string | number | Buffer)[]): Promise<unknown> => plain(await r.call(...args));

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-ztree-'));
  s = await startServer(['--dir', dir, '--enable-debug-command', 'yes']);
  r = await RawClient.connect(s.port);
});
after(async () => {
  r.close();
  await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 5000 members with many equal scores, an empty and a binary member, and extreme scores. */
async function fill(key: string): Promise<void> {
  for (let b = 0; b < 5; b++) {
    const args: (string | number)[] = [];
    for (let i = b * 1000; i < (b + 1) * 1000; i++) args.push(i % 37, `member:${(i * 7919) % 5000}`);
    await call('ZADD', key, ...args);
  }
  await call('ZADD', key, '-inf', '', '+inf', '\x00\xff', '1.5e300', 'big');
}

async function contents(key: string): Promise<unknown> {
  return call('ZRANGE', key, 0, -1, 'WITHSCORES');
}

test('a big sorted set survives DUMP and RESTORE, COPY, and DEBUG RELOAD with its order, ranks and encoding', async () => {
  await fill('big');
  assert.equal(await call('OBJECT', 'ENCODING', 'big'), 'skiplist');
  assert.equal(await call('ZCARD', 'big'), 5003);
  const want = await contents('big');
  const payload = (await r.call('DUMP', 'big')) as Buffer;
  assert.equal(await call('RESTORE', 'restored', 0, payload), 'OK');
  assert.equal(await call('COPY', 'big', 'copied'), 1);
  for (const k of ['restored', 'copied']) {
    assert.deepEqual(await contents(k), want, k);
    assert.equal(await call('OBJECT', 'ENCODING', k), 'skiplist');
    assert.deepEqual(await call('DUMP', k), plain(payload));
  }
  // The copy is independent of its source.
  await call('ZREMRANGEBYRANK', 'copied', 100, 3000);
  await call('ZINCRBY', 'copied', -1e301, 'big');
  assert.deepEqual(await contents('big'), want);
  assert.equal(await call('ZCARD', 'copied'), 5003 - 2901);
  assert.equal(await call('DEBUG', 'RELOAD'), 'OK');
  assert.deepEqual(await contents('big'), want);
  assert.equal(await call('OBJECT', 'ENCODING', 'big'), 'skiplist');
  assert.equal(await call('ZRANK', 'big', 'big'), 5001);
  assert.equal(await call('ZREVRANK', 'big', '\x00\xff'), 0);
  assert.deepEqual(await call('ZRANGE', 'big', '(35', 36, 'BYSCORE', 'LIMIT', 0, 2), await call('ZRANGE', 'big', 36, 36, 'BYSCORE', 'LIMIT', 0, 2));
});

test('a big sorted set emptied by ranges and pops goes away and can be built again', async () => {
  await fill('gone');
  const low = Array.from({ length: 5000 }, (_, i) => i % 37).filter((x) => x <= 10).length;
  assert.equal(await call('ZCOUNT', 'gone', 0, 10), low);
  assert.equal(await call('ZREMRANGEBYSCORE', 'gone', 0, 10), low);
  assert.equal(await call('ZCOUNT', 'gone', 0, 10), 0);
  const n = (await call('ZCARD', 'gone')) as number;
  const popped = (await call('ZPOPMIN', 'gone', 1000)) as string[];
  assert.equal(popped.length, 2000);
  assert.equal(await call('ZREMRANGEBYRANK', 'gone', 0, -1), n - 1000);
  assert.equal(await call('EXISTS', 'gone'), 0);
  await fill('gone');
  assert.equal(await call('ZCARD', 'gone'), 5003);
});
