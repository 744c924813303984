import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomFillSync } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Redis } from 'ioredis';
import { createClient, RESP_TYPES } from 'redis';
import { startServer, startRedis, skipWithoutRedis, type TestServer } from '../helpers/server.js';
import { ByteReader, requestParts } from '../helpers/byte-reader.js';

const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function value(n: number): Buffer {
  const v = Buffer.allocUnsafe(n);
  // Random bytes are slow to make at 128 MiB: random 64 KiB tiles, each stamped with its index.
  const tile = randomFillSync(Buffer.allocUnsafe(Math.min(n, 65536)));
  for (let p = 0; p < n; p += tile.length) {
    tile.copy(v, p);
    if (p + 4 <= n) v.writeUInt32LE(p, p);
  }
  return v;
}

let s: TestServer;
before(async () => {
  s = await startServer();
});
after(async () => {
  await s.stop();
});

async function send(c: ByteReader, args: (string | Buffer)[]): Promise<void> {
  for (const part of requestParts(args)) c.write(part);
}

for (const size of [1 * MiB, 4 * MiB, 32 * MiB, 128 * MiB]) {
  test(`a ${size / MiB} MiB value goes through SET, GET and MGET byte for byte over a raw socket`, async () => {
    const v = value(size);
    const c = await ByteReader.connect(s.port);
    try {
      await send(c, ['SET', `big:${size}`, v]);
      assert.equal(await c.readLine(), '+OK\r\n');
      await send(c, ['GET', `big:${size}`]);
      assert.equal(sha((await c.readBulk())!), sha(v));
      await send(c, ['MGET', 'nothing', `big:${size}`, `big:${size}`]);
      assert.equal(await c.readLine(), '*3\r\n');
      assert.equal(await c.readBulk(), null);
      assert.equal(sha((await c.readBulk())!), sha(v));
      assert.equal(sha((await c.readBulk())!), sha(v));
      await send(c, ['STRLEN', `big:${size}`]);
      assert.equal(await c.readLine(), `:${size}\r\n`);
      await send(c, ['DEL', `big:${size}`]);
      assert.equal(await c.readLine(), ':1\r\n');
    } finally {
      c.close();
    }
  });
}

test('a big SET written in pieces cut at awkward places, pipelined with other commands, keeps every byte', async () => {
  const v = value(3 * MiB + 5);
  const req = Buffer.concat([...requestParts(['SET', 'cut', v, 'EX', '1000']), ...requestParts(['GET', 'cut']), ...requestParts(['PING'])]);
  const header = req.indexOf('$3145733\r\n') + '$3145733\r\n'.length;
  const valueEnd = header + v.length;
  const cuts = [3, header - 3, header - 1, header, header + 1, valueEnd - 1, valueEnd, valueEnd + 1, valueEnd + 2, valueEnd + 9, req.length - 3];
  const c = await ByteReader.connect(s.port);
  try {
    let p = 0;
    for (const cut of cuts) {
      c.write(req.subarray(p, cut));
      p = cut;
      await new Promise((r) => setImmediate(r));
    }
    c.write(req.subarray(p));
    assert.equal(await c.readLine(), '+OK\r\n');
    assert.equal(sha((await c.readBulk())!), sha(v));
    assert.equal(await c.readLine(), '+PONG\r\n');
  } finally {
    c.close();
  }
});

test('empty and binary values around big ones survive a pipelined burst', async () => {
  const v = value(2 * MiB);
  v.write('\r\n$-1\r\n\0', 1000, 'latin1');
  const c = await ByteReader.connect(s.port);
  try {
    const burst = Buffer.concat([
      ...requestParts(['SET', 'e', '']),
      ...requestParts(['SET', 'b1', v]),
      ...requestParts(['SET', 'b2', v]),
      ...requestParts(['MGET', 'e', 'b1', 'b2']),
    ]);
    c.write(burst);
    for (let i = 0; i < 3; i++) assert.equal(await c.readLine(), '+OK\r\n');
    assert.equal(await c.readLine(), '*3\r\n');
    assert.equal((await c.readBulk())!.length, 0);
    assert.equal(sha((await c.readBulk())!), sha(v));
    assert.equal(sha((await c.readBulk())!), sha(v));
  } finally {
    c.close();
  }
});

test('changing a big value while a GET of it still waits on a socket never changes the bytes sent', async () => {
  const v = value(32 * MiB);
  const writer = await ByteReader.connect(s.port);
  const reader = await ByteReader.connect(s.port);
  try {
    await send(writer, ['SET', 'cow', v]);
    assert.equal(await writer.readLine(), '+OK\r\n');
    // The reader does not read: the reply stays queued in the server's socket.
    reader.socket.pause();
    await send(reader, ['GET', 'cow']);
    await new Promise((r) => setTimeout(r, 50));
    for (const args of [['SETRANGE', 'cow', '0', 'XXXX'], ['SETRANGE', 'cow', String(16 * MiB), 'YYYY'], ['SETBIT', 'cow', '7', '1'], ['APPEND', 'cow', 'tail'], ['INCRBYFLOAT', 'nope', '1']]) {
      await send(writer, args);
      await writer.readLine();
    }
    reader.socket.resume();
    assert.equal(sha((await reader.readBulk())!), sha(v));
    await send(reader, ['GETRANGE', 'cow', '0', '3']);
    assert.equal((await reader.readBulk())!.toString(), 'YXXX');
  } finally {
    writer.close();
    reader.close();
  }
});

test('ioredis and node-redis move a 32 MiB Buffer value byte for byte', async () => {
  const v = value(32 * MiB);
  const io = new Redis({ port: s.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  await io.connect();
  const nr = createClient({ socket: { port: s.port, host: '127.0.0.1', reconnectStrategy: false } });
  await nr.connect();
  try {
    assert.equal(await io.set('io:big', v), 'OK');
    assert.equal(sha((await io.getBuffer('io:big'))!), sha(v));
    assert.equal(await nr.set('nr:big', v), 'OK');
    const back = await nr.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get('io:big');
    assert.equal(sha(back as unknown as Buffer), sha(v));
    const both = (await io.mgetBuffer('io:big', 'nr:big')) as Buffer[];
    assert.deepEqual(both.map(sha), [sha(v), sha(v)]);
  } finally {
    io.disconnect();
    await nr.quit();
  }
});

test('memory stays within a small multiple of a 64 MiB value while it is stored and read back', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const v = value(64 * MiB);
  const c = await ByteReader.connect(s.port);
  try {
    gc();
    const base = process.memoryUsage().arrayBuffers;
    let peak = base;
    const sample = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 2);
    await send(c, ['SET', 'mem', v]);
    assert.equal(await c.readLine(), '+OK\r\n');
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    await send(c, ['GET', 'mem']);
    assert.equal(sha((await c.readBulk())!), sha(v));
    clearInterval(sample);
    // Backing stores are freed a little after the collection that finds them dead.
    let held = Infinity;
    for (let i = 0; i < 50 && held >= 1.25 * v.length; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
      held = process.memoryUsage().arrayBuffers - base;
    }
    // The server keeps one copy (the buffer it received into), plus read chunks.
    assert.ok(held < 1.25 * v.length, `held ${held} bytes for a ${v.length}-byte value`);
    assert.ok(peak - base < 3 * v.length, `peak ${peak - base} bytes for a ${v.length}-byte value`);
  } finally {
    c.close();
  }
});

test('a bulk over proto-max-bulk-len gets Redis s protocol error and the connection is closed', async (t) => {
  const probe = async (port: number): Promise<string> => {
    const c = await ByteReader.connect(port);
    c.write('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$536870913\r\n');
    return (await c.untilClose()).toString('latin1');
  };
  assert.equal(await probe(s.port), '-ERR Protocol error: invalid bulk length\r\n');
  const reason = skipWithoutRedis('redis-server');
  if (reason) return t.skip(reason);
  const r = await startRedis();
  try {
    assert.equal(await probe(r.port), await probe(s.port));
  } finally {
    await r.stop();
  }
});

test('a lowered proto-max-bulk-len still takes a value of exactly that size', async () => {
  const t = await startServer(['--proto-max-bulk-len', '2mb']);
  try {
    const c = await ByteReader.connect(t.port);
    const v = value(2 * MiB);
    await send(c, ['SET', 'edge', v]);
    assert.equal(await c.readLine(), '+OK\r\n');
    await send(c, ['SET', 'over', value(2 * MiB + 1)]);
    assert.equal((await c.untilClose()).toString('latin1'), '-ERR Protocol error: invalid bulk length\r\n');
  } finally {
    await t.stop();
  }
});
