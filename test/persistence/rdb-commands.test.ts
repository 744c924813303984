// SAVE, LASTSAVE, loading at startup, SHUTDOWN and FLUSHALL saves, DEBUG
// RELOAD and `nencache check-rdb`, against an in-process server writing in
// a temp dir.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RawClient, RespError, encodeCommand, plain } from '../helpers/resp-client.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { digestAll } from '../helpers/digest.js';
import { parseRdbFile } from '../../src/persistence/rdb/rdb-load.js';
import type { Cmd } from '../diff/harness.js';
import { seedCommands } from './rdb-seed.js';

const CLI = fileURLToPath(new URL('../../src/cli/nencache.js', import.meta.url));
const SERVER_CLI = fileURLToPath(new URL('../../src/cli/nencache-server.js', import.meta.url));
const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-rdb-cmd-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function run(c: RawClient, cmds: Cmd[]): Promise<void> {
  c.write(Buffer.concat(cmds.map((x) => encodeCommand(x))));
  for (const cmd of cmds) {
    const r = await c.read(20000);
    if (r instanceof RespError) throw new Error(`${String(cmd[0])}: ${r.message}`);
  }
}

async function withServer<T>(args: string[], f: (c: RawClient, s: TestServer) => Promise<T>): Promise<T> {
  const s = await startServer(args);
  const c = await RawClient.connect(s.port);
  try {
    return await f(c, s);
  } finally {
    c.socket.destroy();
    await s.stop();
  }
}

const keysIn = (file: string): number => {
  let n = 0;
  parseRdbFile(file, { entry: () => n++ });
  return n;
};
const info = async (c: RawClient): Promise<string> => String(plain(await c.call('INFO', 'persistence')));

describe('SAVE and LASTSAVE', () => {
  test('SAVE writes dir/dbfilename and LASTSAVE and INFO persistence follow', async () => {
    const dir = tmp();
    await withServer(['--dir', dir, '--dbfilename', 'my.rdb'], async (c) => {
      await run(c, [['SET', 'a', '1'], ['SET', 'b', '2']]);
      const before = Number(plain(await c.call('LASTSAVE')));
      assert.match(await info(c), /rdb_changes_since_last_save:2\r\n/);
      assert.equal(plain(await c.call('SAVE')), 'OK');
      assert.ok(Number(plain(await c.call('LASTSAVE'))) >= before);
      const text = await info(c);
      assert.match(text, /rdb_changes_since_last_save:0\r\n/);
      assert.match(text, /rdb_saves:1\r\n/);
      assert.equal(keysIn(path.join(dir, 'my.rdb')), 2);
      assert.deepEqual(fs.readdirSync(dir), ['my.rdb']);
    });
  });

  test('SAVE is refused while a background save runs, and SAVE with arguments is a wrong arity', async () => {
    await withServer(['--dir', tmp()], async (c, s) => {
      s.server.persistence.bgsaveStartMs = Date.now();
      assert.deepEqual(plain(await c.call('SAVE')), { error: 'ERR Background save already in progress' });
      s.server.persistence.bgsaveStartMs = 0;
      assert.deepEqual(plain(await c.call('SAVE', 'x')), { error: "ERR wrong number of arguments for 'save' command" });
      assert.deepEqual(plain(await c.call('LASTSAVE', 'x')), { error: "ERR wrong number of arguments for 'lastsave' command" });
    });
  });

  test('a failed SAVE answers -ERR and leaves what was at dbfilename untouched', async () => {
    const dir = tmp();
    await withServer(['--dir', dir], async (c) => {
      // A directory where the file should go: the rename fails.
      fs.mkdirSync(path.join(dir, 'dump.rdb'));
      fs.writeFileSync(path.join(dir, 'dump.rdb', 'inside'), 'x');
      await run(c, [['SET', 'a', '1']]);
      assert.deepEqual(plain(await c.call('SAVE')), { error: 'ERR' });
      assert.deepEqual(fs.readdirSync(dir), ['dump.rdb']);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'dump.rdb')), ['inside']);
      assert.match(await info(c), /rdb_changes_since_last_save:1\r\n/);
    });
  });
});

describe('loading at startup', () => {
  test('a server started on a dir with a dump.rdb has the saved dataset, expiries and encodings included', async () => {
    const dir = tmp();
    const cmds = seedCommands(7, Date.now() + 3_600_000);
    const want = await withServer(['--dir', dir], async (c) => {
      await run(c, cmds);
      await run(c, [['SAVE']]);
      return digestAll(c);
    });
    const got = await withServer(['--dir', dir], async (c) => {
      assert.match(await info(c), new RegExp(`rdb_last_load_keys_loaded:${want.size}\\r\\n`));
      return digestAll(c);
    });
    assert.equal(got.size, want.size);
    assert.deepEqual([...got].sort(), [...want].sort());
  });

  test('a corrupt dump.rdb stops the start with the file, the offset and the command to check it', async () => {
    const dir = tmp();
    await withServer(['--dir', dir], async (c) => {
      await run(c, [['SET', 'key', 'value'], ['SAVE']]);
    });
    const file = path.join(dir, 'dump.rdb');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 12));
    await assert.rejects(startServer(['--dir', dir]), (e: Error) => {
      assert.match(e.message, new RegExp(`Bad RDB file ${file.replace(/[/\\.]/g, '\\$&')} at offset ${bytes.length - 12}: Short read`));
      assert.match(e.message, /nencache check-rdb /);
      return true;
    });
    const r = spawnSync(process.execPath, [SERVER_CLI, '--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--loglevel', 'warning'], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Bad RDB file .* at offset \d+/);
  });

  test('nencache check-rdb accepts a sound file and reports the offset of a corrupt one', async () => {
    const dir = tmp();
    await withServer(['--dir', dir], async (c) => {
      await run(c, [['SET', 'key', 'value'], ['SELECT', '2'], ['RPUSH', 'l', 'a'], ['SET', 't', 'v', 'EX', '100'], ['SAVE']]);
    });
    const file = path.join(dir, 'dump.rdb');
    const ok = spawnSync(process.execPath, [CLI, 'check-rdb', file], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /Checksum OK/);
    assert.match(ok.stdout, /\[info\] 3 keys read\n\[info\] 1 expires\n/);
    assert.match(ok.stdout, /\[info\] db2: 2 keys, 1 expires/);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(file, bytes);
    const bad = spawnSync(process.execPath, [CLI, 'check-rdb', file], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, new RegExp(`RDB ERROR DETECTED ---\\n\\[offset ${bytes.length - 8}\\] Wrong RDB checksum`));
  });
});

describe('SHUTDOWN, FLUSHALL and DEBUG RELOAD', () => {
  test('SHUTDOWN saves when save rules are set, and not with NOSAVE', async () => {
    const dir = tmp();
    const s = await startServer(['--dir', dir, '--save', '3600', '1']);
    const c = await RawClient.connect(s.port);
    await run(c, [['SET', 'a', '1']]);
    c.write(encodeCommand(['SHUTDOWN']));
    await assert.rejects(c.read(), /connection closed/);
    await s.stop();
    assert.equal(keysIn(path.join(dir, 'dump.rdb')), 1);
    const dir2 = tmp();
    const s2 = await startServer(['--dir', dir2, '--save', '3600', '1']);
    const c2 = await RawClient.connect(s2.port);
    c2.write(encodeCommand(['SHUTDOWN', 'NOSAVE']));
    await assert.rejects(c2.read(), /connection closed/);
    await s2.stop();
    assert.deepEqual(fs.readdirSync(dir2), []);
  });

  test('SHUTDOWN SAVE saves without rules; a failed save refuses the shutdown unless FORCE', async () => {
    const dir = tmp();
    const s = await startServer(['--dir', dir]);
    fs.mkdirSync(path.join(dir, 'dump.rdb'));
    const c = await RawClient.connect(s.port);
    assert.deepEqual(plain(await c.call('SHUTDOWN', 'SAVE')), { error: 'ERR Errors trying to SHUTDOWN. Check logs.' });
    assert.equal(plain(await c.call('PING')), 'PONG');
    c.write(encodeCommand(['SHUTDOWN', 'SAVE', 'FORCE']));
    await assert.rejects(c.read(), /connection closed/);
    await s.stop();
    const dir2 = tmp();
    const s2 = await startServer(['--dir', dir2]);
    const c2 = await RawClient.connect(s2.port);
    await run(c2, [['SET', 'k', 'v']]);
    c2.write(encodeCommand(['SHUTDOWN', 'SAVE']));
    await assert.rejects(c2.read(), /connection closed/);
    await s2.stop();
    assert.equal(keysIn(path.join(dir2, 'dump.rdb')), 1);
  });

  test('FLUSHALL rewrites dump.rdb empty when save rules are set, and leaves it alone otherwise', async () => {
    const dir = tmp();
    const file = path.join(dir, 'dump.rdb');
    await withServer(['--dir', dir, '--save', '3600', '1'], async (c) => {
      await run(c, [['SET', 'a', '1'], ['SAVE'], ['SET', 'b', '2']]);
      assert.equal(keysIn(file), 1);
      assert.equal(plain(await c.call('FLUSHALL')), 'OK');
      assert.equal(keysIn(file), 0);
      // The flush itself still counts as an unsaved change, as in Redis.
      assert.doesNotMatch(await info(c), /rdb_changes_since_last_save:0\r\n/);
    });
    await withServer(['--dir', dir], async (c) => {
      await run(c, [['SET', 'a', '1'], ['SAVE'], ['FLUSHALL']]);
      assert.equal(keysIn(file), 1);
    });
  });

  test('DEBUG RELOAD saves, empties and loads back the same dataset; NOSAVE loads the file as it is', async () => {
    await withServer(['--dir', tmp(), '--enable-debug-command', 'yes'], async (c) => {
      await run(c, seedCommands(99, Date.now() + 3_600_000));
      const before = await digestAll(c);
      assert.equal(plain(await c.call('DEBUG', 'RELOAD')), 'OK');
      assert.deepEqual([...(await digestAll(c))].sort(), [...before].sort());
      await run(c, [['SET', 'extra', '1']]);
      assert.equal(plain(await c.call('DEBUG', 'RELOAD', 'NOSAVE')), 'OK');
      assert.equal(plain(await c.call('EXISTS', 'extra')), 0);
      assert.deepEqual(plain(await c.call('DEBUG', 'RELOAD', 'BOGUS')), { error: 'ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.' });
    });
  });
});

test('while dump.rdb loads at start the server answers -LOADING, INFO shows the progress, and then it serves the data', async () => {
  const { Server } = await import('../../src/server/server.js');
  const { loadConfig } = await import('../../src/config/conf-file.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-loading-'));
  try {
    // A dump of 40,000 keys, written by a first server.
    const first = await startServer(['--dir', dir]);
    const c0 = await RawClient.connect(first.port);
    const cmds: string[][] = [];
    for (let i = 0; i < 40_000; i++) cmds.push(['SET', `k${i}`, `v${i}`]);
    c0.write(Buffer.concat(cmds.map((x) => encodeCommand(x))));
    for (let i = 0; i < cmds.length; i++) await c0.read();
    assert.equal(await c0.call('SAVE'), 'OK');
    c0.close();
    await first.stop();
    // key-load-delay (µs per key) makes the load last long enough to be seen.
    const server = new Server({ config: loadConfig(['--port', '0', '--bind', '127.0.0.1', '--dir', dir, '--key-load-delay', '20']) });
    const ready = server.listen();
    while (server.port === 0) await new Promise((r) => setTimeout(r, 5));
    const c = await RawClient.connect(server.port);
    const busy = await c.call('PING');
    assert.ok(busy instanceof RespError);
    assert.equal(busy.message, 'LOADING Redis is loading the dataset in memory');
    const info = String(await c.call('INFO', 'persistence'));
    assert.match(info, /^loading:1$/m);
    assert.match(info, /^loading_total_bytes:\d+$/m);
    assert.match(info, /^loading_loaded_perc:\d+\.\d\d$/m);
    await ready;
    assert.equal(await c.call('PING'), 'PONG');
    assert.equal(await c.call('DBSIZE'), 40_000);
    assert.match(String(await c.call('INFO', 'persistence')), /^loading:0$/m);
    c.close();
    await server.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
