// Big SET values reuse the memory of values that went (src/engine/arena/big-buffers.ts);
// these tests try to catch a buffer reused while something still reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomFillSync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { ByteReader, requestParts } from '../helpers/byte-reader.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const value = (n: number) => randomFillSync(Buffer.allocUnsafe(n));

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

function frames(cmds: (string | Buffer)[][]): Buffer {
  return Buffer.concat(cmds.flatMap((c) => requestParts(c)));
}

test('overwrites and deletes pipelined in one write leave every remaining value intact', async () => {
  const c = await ByteReader.connect(s.port);
  try {
    for (let round = 0; round < 6; round++) {
      const [v1, v2, v3, v4] = [value(MiB), value(MiB + 7), value(2 * MiB), value(MiB)];
      c.write(frames([['SET', 'a', v1], ['SET', 'a', v2], ['DEL', 'a'], ['SET', 'b', v3], ['SET', 'a', v4], ['SET', 'b', v3], ['GET', 'a'], ['GET', 'b']]));
      for (const want of ['+OK\r\n', '+OK\r\n', ':1\r\n', '+OK\r\n', '+OK\r\n', '+OK\r\n']) assert.equal(await c.readLine(), want);
      assert.equal(sha((await c.readBulk())!), sha(v4));
      assert.equal(sha((await c.readBulk())!), sha(v3));
    }
  } finally {
    c.close();
  }
});

test('a value whose GET, MGET and GETDEL replies are still queued for a slow reader is not reused by later SETs', async () => {
  const slow = await ByteReader.connect(s.port);
  const fast = await ByteReader.connect(s.port);
  try {
    const v1 = value(32 * MiB);
    slow.write(frames([['SET', 'slow:k', v1]]));
    assert.equal(await slow.readLine(), '+OK\r\n');
    slow.socket.pause();
    slow.write(frames([['GET', 'slow:k'], ['MGET', 'slow:k', 'slow:k'], ['GETDEL', 'slow:k']]));
    await sleep(100); // let the server queue a reply the kernel cannot take at once
    for (const key of ['slow:k', 'slow:x', 'slow:y', 'slow:k']) {
      fast.write(frames([['SET', key, value(32 * MiB)]]));
      assert.equal(await fast.readLine(), '+OK\r\n');
      await sleep(5); // a turn passes: released buffers become reusable
    }
    slow.socket.resume();
    assert.equal(sha((await slow.readBulk())!), sha(v1));
    assert.equal(await slow.readLine(), '*2\r\n');
    assert.equal(sha((await slow.readBulk())!), sha(v1));
    assert.equal(sha((await slow.readBulk())!), sha(v1));
    assert.equal(sha((await slow.readBulk())!), sha(v1));
  } finally {
    slow.close();
    fast.close();
  }
});

/** Pipelined batches of commands checked against a model of what each key holds. */
class Traffic {
  readonly model = new Map<string, Buffer>();
  private cmds: (string | Buffer)[][] = [];
  private expect: ((c: ByteReader) => Promise<void>)[] = [];
  private seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  rnd(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
    return this.seed % n;
  }

  private add(cmd: (string | Buffer)[], reply: string): void {
    this.cmds.push(cmd);
    this.expect.push(async (c) => assert.equal(await c.readLine(), reply));
  }

  set(k: string, v: Buffer): void {
    this.model.set(k, v);
    this.add(['SET', k, v], '+OK\r\n');
  }

  del(k: string): void {
    this.add(['DEL', k], `:${this.model.delete(k) ? 1 : 0}\r\n`);
  }

  append(k: string, tail: Buffer): void {
    const cur = this.model.get(k);
    this.model.set(k, cur === undefined ? tail : Buffer.concat([cur, tail]));
    this.add(['APPEND', k, tail], `:${this.model.get(k)!.length}\r\n`);
  }

  rename(k: string, k2: string): void {
    this.model.set(k2, this.model.get(k)!);
    this.model.delete(k);
    this.add(['RENAME', k, k2], '+OK\r\n');
  }

  copy(k: string, k2: string): void {
    this.model.set(k2, this.model.get(k)!);
    this.add(['COPY', k, k2, 'REPLACE'], ':1\r\n');
  }

  get(k: string, where: string): void {
    const want = this.model.get(k);
    this.cmds.push(['GET', k]);
    this.expect.push(async (c) => {
      const got = await c.readBulk();
      if (want === undefined) assert.equal(got, null);
      else assert.equal(sha(got!), sha(want), `GET ${k} ${where}`);
    });
  }

  /** Sends the batch in one write and checks every reply. */
  async run(c: ByteReader): Promise<void> {
    const cmds = this.cmds;
    const expect = this.expect;
    this.cmds = [];
    this.expect = [];
    c.write(frames(cmds));
    for (const e of expect) await e(c);
  }

  /** Every key of the model still holds its value. */
  async checkAll(c: ByteReader): Promise<void> {
    for (const k of this.model.keys()) this.get(k, 'at the end');
    await this.run(c);
  }
}

test('random big-value traffic on a few keys matches a model byte for byte', async () => {
  const c = await ByteReader.connect(s.port);
  const t = new Traffic(12345);
  const keys = ['r:a', 'r:b', 'r:c'];
  try {
    for (let batch = 0; batch < 40; batch++) {
      for (let i = 1 + t.rnd(5); i > 0; i--) {
        const k = keys[t.rnd(keys.length)]!;
        const k2 = keys[t.rnd(keys.length)]!;
        const op = t.rnd(7);
        if (op <= 1) t.set(k, value(256 * KiB + t.rnd(2 * MiB)));
        else if (op === 2) t.del(k);
        else if (op === 3) t.append(k, value(1 + t.rnd(100)));
        else if (op === 4 && t.model.has(k) && k !== k2) t.rename(k, k2);
        else if (op === 5 && t.model.has(k) && k !== k2) t.copy(k, k2);
        else t.get(k, `in batch ${batch}`);
      }
      await t.run(c);
    }
    await t.checkAll(c);
  } finally {
    c.close();
  }
});

for (const codec of ['none', 'lz4']) {
  test(`values cycling through the tiers (${codec}) while overwritten and read keep every byte`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigbuf-tier-'));
    const srv = await startServer(['--dir', dir, '--tiering', 'yes', '--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru', '--tier-compression', codec, '--tier-ram-compressed-max', '2mb']);
    const c = await ByteReader.connect(srv.port);
    const t = new Traffic(777);
    // Half random, half zeros: lz4 keeps some in compressed RAM, the rest goes to disk.
    const make = (n: number) => {
      const v = Buffer.alloc(n);
      randomFillSync(v, 0, n >>> 1);
      return v;
    };
    try {
      for (let batch = 0; batch < 60; batch++) {
        for (let i = 1 + t.rnd(4); i > 0; i--) {
          const k = `t:${t.rnd(24)}`;
          const op = t.rnd(5);
          if (op <= 1) t.set(k, make(300 * KiB + t.rnd(MiB)));
          else if (op === 2) t.del(k);
          else t.get(k, `in batch ${batch}`);
        }
        await t.run(c);
        if (batch % 10 === 9) await sleep(20); // let demotions and disk writes finish now and then
      }
      await t.checkAll(c);
    } finally {
      c.close();
      await srv.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
