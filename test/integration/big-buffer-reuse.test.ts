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

test('random big-value traffic on a few keys matches a model byte for byte', async () => {
  const c = await ByteReader.connect(s.port);
  const model = new Map<string, Buffer>();
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const keys = ['r:a', 'r:b', 'r:c'];
  try {
    for (let batch = 0; batch < 40; batch++) {
      const cmds: (string | Buffer)[][] = [];
      const expect: ((c: ByteReader) => Promise<void>)[] = [];
      for (let i = 1 + rnd(5); i > 0; i--) {
        const k = keys[rnd(keys.length)]!;
        const k2 = keys[rnd(keys.length)]!;
        const op = rnd(7);
        if (op <= 1) {
          const v = value(256 * KiB + rnd(2 * MiB));
          model.set(k, v);
          cmds.push(['SET', k, v]);
          expect.push(async (c) => assert.equal(await c.readLine(), '+OK\r\n'));
        } else if (op === 2) {
          const had = model.delete(k);
          cmds.push(['DEL', k]);
          expect.push(async (c) => assert.equal(await c.readLine(), `:${had ? 1 : 0}\r\n`));
        } else if (op === 3) {
          const cur = model.get(k);
          const tail = value(1 + rnd(100));
          if (cur !== undefined) model.set(k, Buffer.concat([cur, tail]));
          else model.set(k, tail);
          const len = model.get(k)!.length;
          cmds.push(['APPEND', k, tail]);
          expect.push(async (c) => assert.equal(await c.readLine(), `:${len}\r\n`));
        } else if (op === 4 && model.has(k) && k !== k2) {
          model.set(k2, model.get(k)!);
          model.delete(k);
          cmds.push(['RENAME', k, k2]);
          expect.push(async (c) => assert.equal(await c.readLine(), '+OK\r\n'));
        } else if (op === 5 && model.has(k) && k !== k2) {
          model.set(k2, model.get(k)!);
          cmds.push(['COPY', k, k2, 'REPLACE']);
          expect.push(async (c) => assert.equal(await c.readLine(), ':1\r\n'));
        } else {
          const want = model.get(k);
          cmds.push(['GET', k]);
          expect.push(async (c) => {
            const got = await c.readBulk();
            if (want === undefined) assert.equal(got, null);
            else assert.equal(sha(got!), sha(want), `GET ${k} in batch ${batch}`);
          });
        }
      }
      c.write(frames(cmds));
      for (const e of expect) await e(c);
    }
    for (const k of keys) {
      c.write(frames([['GET', k]]));
      const got = await c.readBulk();
      const want = model.get(k);
      if (want === undefined) assert.equal(got, null);
      else assert.equal(sha(got!), sha(want), `final GET ${k}`);
    }
  } finally {
    c.close();
  }
});

for (const codec of ['none', 'lz4']) {
  test(`values cycling through the tiers (${codec}) while overwritten and read keep every byte`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigbuf-tier-'));
    const t = await startServer(['--dir', dir, '--tiering', 'yes', '--maxmemory', '8mb', '--maxmemory-policy', 'allkeys-lru', '--tier-compression', codec, '--tier-ram-compressed-max', '2mb']);
    const c = await ByteReader.connect(t.port);
    const model = new Map<string, Buffer>();
    let seed = 777;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    // Half random, half zeros: lz4 keeps some in compressed RAM, the rest goes to disk.
    const make = (n: number) => {
      const v = Buffer.alloc(n);
      randomFillSync(v, 0, n >>> 1);
      return v;
    };
    try {
      for (let batch = 0; batch < 60; batch++) {
        const cmds: (string | Buffer)[][] = [];
        const expect: ((c: ByteReader) => Promise<void>)[] = [];
        for (let i = 1 + rnd(4); i > 0; i--) {
          const k = `t:${rnd(24)}`;
          const op = rnd(5);
          if (op <= 1) {
            const v = make(300 * KiB + rnd(MiB));
            model.set(k, v);
            cmds.push(['SET', k, v]);
            expect.push(async (c) => assert.equal(await c.readLine(), '+OK\r\n'));
          } else if (op === 2) {
            const had = model.delete(k);
            cmds.push(['DEL', k]);
            expect.push(async (c) => assert.equal(await c.readLine(), `:${had ? 1 : 0}\r\n`));
          } else {
            const want = model.get(k);
            cmds.push(['GET', k]);
            expect.push(async (c) => {
              const got = await c.readBulk();
              if (want === undefined) assert.equal(got, null);
              else assert.equal(sha(got!), sha(want), `GET ${k} in batch ${batch}`);
            });
          }
        }
        c.write(frames(cmds));
        for (const e of expect) await e(c);
        if (batch % 10 === 9) await sleep(20); // let demotions and disk writes finish now and then
      }
      for (const [k, want] of model) {
        c.write(frames([['GET', k]]));
        assert.equal(sha((await c.readBulk())!), sha(want), `final GET ${k}`);
      }
    } finally {
      c.close();
      await t.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
