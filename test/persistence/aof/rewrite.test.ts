// BGREWRITEAOF, CONFIG SET appendonly yes at run time and the automatic rewrite, over the engine snapshot.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RawClient, RespError } from '../../helpers/resp-client.js';
import { skipWithoutRedis, startRedis, startServer } from '../../helpers/server.js';
import { digestAll, digestDiff } from '../../helpers/digest.js';
import { runBatch } from '../../helpers/snapshot-state.js';
import type { Cmd } from '../../diff/harness.js';
import { seedCommands } from '../rdb-seed.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-aofrw-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function field(info: string, name: string): string {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return m === null ? '' : m[1]!.trim();
}

async function idle(c: RawClient): Promise<string> {
  for (;;) {
    const info = String(await c.call('INFO', 'persistence'));
    if (field(info, 'aof_rewrite_in_progress') === '0' && field(info, 'rdb_bgsave_in_progress') === '0' && field(info, 'aof_rewrite_scheduled') !== '1') return info;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function fill(c: RawClient): Promise<void> {
  await runBatch(c, seedCommands(77, Date.now() + 3_600_000));
  const bulk: Cmd[] = [];
  for (let i = 0; i < 20_000; i++) bulk.push(['SET', `bulk:${i}`, `v${i}`], ['RPUSH', `list:${i % 50}`, `e${i}`]);
  await runBatch(c, bulk);
}

function churn(n: number): Cmd[] {
  const out: Cmd[] = [];
  for (let i = 0; i < n; i++) out.push(['INCR', `counter:${i % 7}`], ['SET', `bulk:${i * 3}`, 'changed'], ['DEL', `bulk:${i * 3 + 1}`], ['LPOP', `list:${i % 50}`]);
  return out;
}

/** Starts a server with `args`, runs `fn` with a client, and stops both whatever happens; returns what `fn` returns. */
async function serve<T>(args: string[], fn: (c: RawClient) => Promise<T>): Promise<T> {
  const s = await startServer(args);
  const c = await RawClient.connect(s.port);
  try {
    return await fn(c);
  } finally {
    c.close();
    await s.stop();
  }
}

/** The digest of `dir`'s AOF, loaded by a new server. */
function restartDigest(dir: string): Promise<Map<string, string>> {
  return serve(['--dir', dir, '--appendonly', 'yes'], (c) => digestAll(c));
}

for (const preamble of ['yes', 'no']) {
  test(`BGREWRITEAOF under concurrent writes leaves an AOF that restores every write (aof-use-rdb-preamble ${preamble})`, async () => {
    const dir = tmp();
    const want = await serve(['--dir', dir, '--appendonly', 'yes', '--aof-use-rdb-preamble', preamble], async (c) => {
      await fill(c);
      c.write('*1\r\n$12\r\nBGREWRITEAOF\r\n*1\r\n$12\r\nBGREWRITEAOF\r\n');
      assert.equal(await c.read(), 'Background append only file rewriting started');
      const again = await c.read();
      assert.ok(again instanceof RespError && again.message === 'ERR Background append only file rewriting already in progress');
      await runBatch(c, [...churn(3000), ['SELECT', '3'], ['SET', 'in-db-3', 'x'], ['FLUSHDB'], ['SET', 'after-flush', 'y'], ['SELECT', '0']]);
      const info = await idle(c);
      assert.equal(field(info, 'aof_rewrites'), '1');
      assert.equal(field(info, 'aof_last_bgrewrite_status'), 'ok');
      const manifest = fs.readFileSync(path.join(dir, 'appendonlydir', 'appendonly.aof.manifest'), 'latin1');
      assert.match(manifest, new RegExp(`appendonly\\.aof\\.2\\.base\\.${preamble === 'yes' ? 'rdb' : 'aof'} seq 2 type b`));
      assert.doesNotMatch(manifest, /type h/);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'appendonlydir')).sort(), ['appendonly.aof.2.base.' + (preamble === 'yes' ? 'rdb' : 'aof'), 'appendonly.aof.2.incr.aof', 'appendonly.aof.manifest']);
      await runBatch(c, churn(500));
      return digestAll(c);
    });
    assert.deepEqual(digestDiff(want, await restartDigest(dir)), []);
  });
}

test('BGREWRITEAOF during a BGSAVE is scheduled and runs when the save ends', async () => {
  await serve(['--dir', tmp(), '--appendonly', 'yes'], async (c) => {
    await fill(c);
    c.write('*1\r\n$6\r\nBGSAVE\r\n*1\r\n$12\r\nBGREWRITEAOF\r\n*1\r\n$6\r\nBGSAVE\r\n');
    assert.equal(await c.read(), 'Background saving started');
    assert.equal(await c.read(), 'Background append only file rewriting scheduled');
    const busy = await c.read();
    assert.ok(busy instanceof RespError && busy.message === 'ERR Background save already in progress');
    const info = await idle(c);
    assert.equal(field(info, 'aof_rewrites'), '1');
    assert.equal(field(info, 'rdb_saves'), '1');
  });
});

test('CONFIG SET appendonly yes at run time writes a base from the live dataset, and a restart restores it', async () => {
  const dir = tmp();
  const want = await serve(['--dir', dir, '--appendonly', 'no'], async (c) => {
    await fill(c);
    await runBatch(c, [['CONFIG', 'SET', 'appendonly', 'yes'], ...churn(2000)]);
    const info = await idle(c);
    assert.equal(field(info, 'aof_enabled'), '1');
    assert.equal(field(info, 'aof_rewrites'), '1');
    return digestAll(c);
  });
  assert.deepEqual(digestDiff(want, await restartDigest(dir)), []);
});

test('the AOF rewrites itself once it grows past auto-aof-rewrite-percentage', async () => {
  await serve(['--dir', tmp(), '--appendonly', 'yes', '--auto-aof-rewrite-min-size', '64kb', '--auto-aof-rewrite-percentage', '100', '--hz', '100'], async (c) => {
    await fill(c);
    let info = '';
    for (let i = 0; i < 500; i++) {
      info = String(await c.call('INFO', 'persistence'));
      if (field(info, 'aof_rewrites') === '1') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(field(info, 'aof_rewrites'), '1');
  });
});

test('redis-server 7.0 loads an AOF directory NenCache rewrote with an RDB preamble', { skip: skipWithoutRedis('redis-server') }, async () => {
  const dir = tmp();
  const want = await serve(['--dir', dir, '--appendonly', 'yes'], async (c) => {
    await fill(c);
    await runBatch(c, [['BGREWRITEAOF']]);
    await idle(c);
    await runBatch(c, churn(300));
    return digestAll(c);
  });
  const r = await startRedis(['--appendonly', 'yes', '--dir', dir]);
  const rc = await RawClient.connect(r.port);
  try {
    while (String(await rc.call('PING')) !== 'PONG') await new Promise((res) => setTimeout(res, 20));
    assert.deepEqual(digestDiff(want, await digestAll(rc)), []);
  } finally {
    rc.close();
    await r.stop();
  }
});

test('BGREWRITEAOF with appendonly no writes a base and a manifest naming only it, as Redis 7.0', async () => {
  const dir = tmp();
  const want = await serve(['--dir', dir, '--appendonly', 'no'], async (c) => {
    await fill(c);
    for (const round of [1, 2]) {
      assert.equal(await c.call('BGREWRITEAOF'), 'Background append only file rewriting started');
      const info = await idle(c);
      assert.equal(field(info, 'aof_enabled'), '0');
      assert.equal(field(info, 'aof_rewrites'), String(round));
      const d = path.join(dir, 'appendonlydir');
      assert.deepEqual(fs.readdirSync(d).sort(), [`appendonly.aof.${round}.base.rdb`, 'appendonly.aof.manifest']);
      assert.equal(fs.readFileSync(path.join(d, 'appendonly.aof.manifest'), 'latin1'), `file appendonly.aof.${round}.base.rdb seq ${round} type b\n`);
    }
    return digestAll(c);
  });
  assert.deepEqual(digestDiff(want, await restartDigest(dir)), []);
});
