// RDB files cross between redis-server 7.0.15 and NenCache in both
// directions: the same seeded dataset (every type, small and big encodings,
// TTLs, binary keys, four databases) has the same digest on both servers,
// and redis-check-rdb accepts NenCache's file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RawClient, RespError, encodeCommand, plain } from '../helpers/resp-client.js';
import { skipWithoutRedis, startRedis, startServer } from '../helpers/server.js';
import { digestAll, digestDiff } from '../helpers/digest.js';
import type { Cmd } from '../diff/harness.js';
import { seedCommands } from './rdb-seed.js';

const skip = skipWithoutRedis('redis-server');
const EXPIRE_BASE = Date.now() + 3_600_000;

async function run(c: RawClient, cmds: Cmd[]): Promise<void> {
  c.write(Buffer.concat(cmds.map((x) => encodeCommand(x))));
  for (const cmd of cmds) {
    const r = await c.read(20000);
    if (r instanceof RespError) throw new Error(`${String(cmd[0])}: ${r.message}`);
  }
}

/** OBJECT ENCODING of every key, keyed as the digest is. */
async function encodings(c: RawClient, digest: Map<string, string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of digest.keys()) {
    const m = /^db:(\d+) (.*)$/.exec(id)!;
    await c.call('SELECT', m[1]!);
    const key = Buffer.from(JSON.parse(m[2]!) as string, 'latin1');
    out.set(id, String(plain(await c.call('OBJECT', 'ENCODING', key))));
  }
  await c.call('SELECT', '0');
  return out;
}

function sameDigest(got: Map<string, string>, want: Map<string, string>, what: string): void {
  assert.ok(want.size > 0, `${what}: the expected dataset is empty`);
  const diffs = digestDiff(want, got);
  assert.deepEqual(diffs, [], `${what} differ:\n${diffs.join('\n')}`);
  assert.equal(got.size, want.size);
}

describe('RDB interop with redis-server 7.0.15', { skip }, () => {
  const dirs: string[] = [];
  const tmp = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-rdb-interop-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  let cmds: Cmd[];
  before(() => {
    cmds = seedCommands(20240607, EXPIRE_BASE);
  });

  test('NenCache loads a dump.rdb written by redis-server, keys, contents, expiries and encodings alike', async () => {
    const dir = tmp();
    const redis = await startRedis(['--dir', dir, '--enable-debug-command', 'yes']);
    let want: Map<string, string>;
    let wantEnc: Map<string, string>;
    try {
      const c = await RawClient.connect(redis.port);
      await run(c, cmds);
      // A key expired but not yet collected when Redis saves: in the file, skipped on load.
      await run(c, [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], ['SET', 'gone', 'x', 'PX', '1']]);
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(plain(await c.call('SAVE')), 'OK');
      want = await digestAll(c);
      wantEnc = await encodings(c, want);
      // The seed's 4 databases of 233 keys each, every encoding among them.
      assert.equal(want.size, 4 * 233);
      assert.deepEqual(new Set(wantEnc.values()), new Set(['embstr', 'int', 'raw', 'quicklist', 'intset', 'hashtable', 'listpack', 'skiplist']));
      c.socket.destroy();
    } finally {
      await redis.stop();
    }
    const s = await startServer(['--dir', dir]);
    try {
      const c = await RawClient.connect(s.port);
      const got = await digestAll(c);
      sameDigest(got, want, 'keys loaded from the Redis file');
      assert.deepEqual(await encodings(c, got), wantEnc);
      const info = String(plain(await c.call('INFO', 'persistence')));
      assert.match(info, /rdb_last_load_keys_expired:1\r\n/);
      assert.match(info, new RegExp(`rdb_last_load_keys_loaded:${want.size}\\r\\n`));
      c.socket.destroy();
    } finally {
      await s.stop();
    }
  });

  test('redis-server loads a dump.rdb written by NenCache, and redis-check-rdb finds it sound', async () => {
    const dir = tmp();
    const s = await startServer(['--dir', dir]);
    let want: Map<string, string>;
    let wantEnc: Map<string, string>;
    try {
      const c = await RawClient.connect(s.port);
      await run(c, cmds);
      assert.equal(plain(await c.call('SAVE')), 'OK');
      want = await digestAll(c);
      wantEnc = await encodings(c, want);
      c.socket.destroy();
    } finally {
      await s.stop();
    }
    const file = path.join(dir, 'dump.rdb');
    if (skipWithoutRedis('redis-server') === false) {
      const out = execFileSync('redis-check-rdb', [file], { encoding: 'utf8' });
      assert.match(out, /RDB looks OK/);
      assert.match(out, new RegExp(`\\[info\\] ${want.size} keys read`));
    }
    const redis = await startRedis(['--dir', dir]);
    try {
      const c = await RawClient.connect(redis.port);
      const got = await digestAll(c);
      sameDigest(got, want, 'keys Redis loaded from the NenCache file');
      assert.deepEqual(await encodings(c, got), wantEnc);
      c.socket.destroy();
    } finally {
      await redis.stop();
    }
  });

  test('a file NenCache writes with rdbcompression and rdbchecksum off still loads in redis-server', async () => {
    const dir = tmp();
    const s = await startServer(['--dir', dir, '--rdbcompression', 'no', '--rdbchecksum', 'no']);
    let want: Map<string, string>;
    try {
      const c = await RawClient.connect(s.port);
      await run(c, [['SET', 'lzf', 'a'.repeat(1000)], ['HSET', 'h', 'f', 'b'.repeat(500)], ['SELECT', '3'], ['SET', 'x', '1']]);
      assert.equal(plain(await c.call('SAVE')), 'OK');
      want = await digestAll(c);
      c.socket.destroy();
    } finally {
      await s.stop();
    }
    const bytes = fs.readFileSync(path.join(dir, 'dump.rdb'));
    assert.ok(bytes.subarray(bytes.length - 8).equals(Buffer.alloc(8)), 'the checksum is zeros');
    assert.ok(bytes.includes(Buffer.from('a'.repeat(1000))), 'the value is stored uncompressed');
    const redis = await startRedis(['--dir', dir]);
    try {
      const c = await RawClient.connect(redis.port);
      sameDigest(await digestAll(c), want, 'keys of the uncompressed file');
      c.socket.destroy();
    } finally {
      await redis.stop();
    }
  });
});
