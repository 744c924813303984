import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { RawClient, RespError } from '../helpers/resp-client.js';
import { digestAll, digestDiff } from '../helpers/digest.js';
import { runBatch } from '../helpers/snapshot-state.js';
import type { Cmd } from '../diff/harness.js';
import { seedCommands } from './rdb-seed.js';

function infoField(info: string, name: string): string {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return m === null ? '' : m[1]!.trim();
}

async function untilSaved(c: RawClient): Promise<string> {
  for (;;) {
    const info = String(await c.call('INFO', 'persistence'));
    if (infoField(info, 'rdb_bgsave_in_progress') === '0') return info;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'nencache-bgsave-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function filledServer(dir: string, extra: string[] = []): Promise<{ s: TestServer; c: RawClient }> {
  const s = await startServer(['--dir', dir, '--save', '', ...extra]);
  const c = await RawClient.connect(s.port);
  await runBatch(c, seedCommands(5, Date.now() + 3_600_000));
  const bulk: Cmd[] = [];
  for (let i = 0; i < 20_000; i++) bulk.push(['SET', `bulk:${i}`, `value:${i}`.repeat(3)]);
  await runBatch(c, bulk);
  return { s, c };
}

test('BGSAVE writes the dataset as it was when the command ran, while clients keep writing', async () => {
  await withDir(async (dir) => {
    const { s, c } = await filledServer(dir);
    try {
      const before = await digestAll(c);
      const changes: Cmd[] = [['BGSAVE']];
      for (let i = 0; i < 2000; i++) changes.push(['SET', `bulk:${i * 7}`, 'changed'], ['DEL', `bulk:${i * 5 + 1}`], ['SET', `new:${i}`, 'x']);
      changes.push(['FLUSHDB']);
      await runBatch(c, changes);
      const info = await untilSaved(c);
      assert.equal(infoField(info, 'rdb_last_bgsave_status'), 'ok');
      assert.equal(infoField(info, 'rdb_saves'), '1');
      const s2 = await startServer(['--dir', dir, '--save', '']);
      const c2 = await RawClient.connect(s2.port);
      try {
        assert.deepEqual(digestDiff(before, await digestAll(c2)), []);
      } finally {
        c2.close();
        await s2.stop();
      }
    } finally {
      c.close();
      await s.stop();
    }
  });
});

test('BGSAVE answers as Redis while a save runs, and LASTSAVE and the change count move when it ends', async () => {
  await withDir(async (dir) => {
    const { s, c } = await filledServer(dir);
    try {
      const last = Number(await c.call('LASTSAVE'));
      c.write('*1\r\n$6\r\nBGSAVE\r\n*1\r\n$6\r\nBGSAVE\r\n*2\r\n$6\r\nBGSAVE\r\n$8\r\nSCHEDULE\r\n*1\r\n$4\r\nSAVE\r\n*2\r\n$6\r\nBGSAVE\r\n$3\r\nnow\r\n');
      assert.equal(await c.read(), 'Background saving started');
      for (let i = 0; i < 3; i++) {
        const r = await c.read();
        assert.ok(r instanceof RespError);
        assert.equal(r.message, 'ERR Background save already in progress');
      }
      const syntax = await c.read();
      assert.ok(syntax instanceof RespError && syntax.message === 'ERR syntax error');
      assert.equal(infoField(String(await c.call('INFO', 'persistence')), 'rdb_bgsave_in_progress'), '1');
      const info = await untilSaved(c);
      assert.equal(infoField(info, 'rdb_changes_since_last_save'), '0');
      assert.ok(Number(await c.call('LASTSAVE')) >= last);
      assert.ok(existsSync(join(dir, 'dump.rdb')));
      assert.ok(!existsSync(join(dir, `temp-bg-${process.pid}.rdb`)));
    } finally {
      c.close();
      await s.stop();
    }
  });
});

test('FLUSHALL stops a running BGSAVE and the old dump stays as it was', async () => {
  await withDir(async (dir) => {
    writeFileSync(join(dir, 'dump.rdb'), 'not touched');
    // No rules, so FLUSHALL does not save: the file must be the old one. (Loaded at start it would be corrupt, hence the other name first.)
    const { s: s2, c } = await filledServer(dir, ['--dbfilename', 'other.rdb', '--enable-protected-configs', 'yes']);
    try {
      await runBatch(c, [['CONFIG', 'SET', 'dbfilename', 'dump.rdb']]);
      c.write('*1\r\n$6\r\nBGSAVE\r\n*1\r\n$8\r\nFLUSHALL\r\n');
      assert.equal(await c.read(), 'Background saving started');
      assert.equal(await c.read(), 'OK');
      await untilSaved(c);
      assert.equal(readFileSync(join(dir, 'dump.rdb'), 'utf8'), 'not touched');
      for (const db of s2.server.engine.dbs) assert.equal(db.snap, null);
    } finally {
      c.close();
      await s2.stop();
    }
  });
});

test('a save rule starts a background save once its seconds and changes are reached', async () => {
  await withDir(async (dir) => {
    const s = await startServer(['--dir', dir, '--save', '1', '3', '--hz', '50']);
    const c = await RawClient.connect(s.port);
    try {
      await runBatch(c, [['SET', 'a', '1'], ['SET', 'b', '2'], ['SET', 'c', '3']]);
      // The rule needs more than 1 s since the last save (the start): wait for the cron to act.
      for (let i = 0; i < 400 && !existsSync(join(dir, 'dump.rdb')); i++) await new Promise((r) => setTimeout(r, 10));
      const info = await untilSaved(c);
      assert.equal(infoField(info, 'rdb_saves'), '1');
      assert.ok(existsSync(join(dir, 'dump.rdb')));
    } finally {
      c.close();
      await s.stop();
    }
  });
});
