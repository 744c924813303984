import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, freePort, type TestServer } from '../helpers/server.js';
import { RawClient } from '../helpers/resp-client.js';
import { ByteReader } from '../helpers/byte-reader.js';
import { EXIST, GET, HEALTH, LIST, LmClient, PUT, packRequest, unpackReply, type LmShape } from '../helpers/lm-client.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const MISS = hex('90010000 00000000 01000000 02000000 00000000 00000000 00000000 00000000 00000000');
const OK = hex('c8000000 00000000 01000000 02000000 00000000 00000000 00000000 00000000 00000000');

function payload(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 4096) b.fill((seed + i / 4096) & 255, i, Math.min(n, i + 4096));
  if (n >= 4) b.writeUInt32LE(seed, 0);
  return b;
}

/** bf16 KV_2LTD [2, layers, tokens, 1024]. */
const bf16 = (layers: number, tokens: number): LmShape => ({ fmt: 1, dtype: 3, shape: [2, layers, tokens, 1024] });

let s: TestServer;
let lmPort: number;
before(async () => {
  lmPort = await freePort();
  s = await startServer(['--lmcache-port', String(lmPort)]);
});
after(async () => {
  await s.stop();
});

test('PUT gets no reply, then GET returns the payload with its fmt, dtype and shape', async () => {
  const c = await LmClient.connect(lmPort);
  try {
    const v = payload(4 * 1024 * 1024, 1);
    c.put('test_model@3@1@0@bfloat16', v, bf16(4, 256));
    const { reply, payload: got } = await c.get('test_model@3@1@0@bfloat16');
    assert.deepEqual(reply, { code: 200, length: v.length, fmt: 1, dtype: 3, shape: [2, 4, 256, 1024], location: 0 });
    assert.equal(sha(got!), sha(v));
    assert.equal(c.r.buffered, 0, 'nothing but the GET reply was sent');
  } finally {
    c.close();
  }
});

test('GET of a missing key answers the exact 36-byte FAIL header and nothing else', async () => {
  const r = await ByteReader.connect(lmPort);
  try {
    r.write(packRequest(GET, 'vllm@m@1@0@-5f3a@bfloat16'));
    assert.deepEqual(await r.readExact(36), MISS);
    r.write(packRequest(HEALTH, '@0@0@0@half'));
    assert.deepEqual(await r.readExact(36), OK);
    assert.equal(r.buffered, 0);
  } finally {
    r.close();
  }
});

test('EXIST answers 200 for a stored key and 400 for a missing one; HEALTH answers 200', async () => {
  const c = await LmClient.connect(lmPort);
  try {
    assert.equal(await c.exist('ex@1'), false);
    c.put('ex@1', Buffer.from('x'), { fmt: 5, dtype: 0, shape: [1, 0, 0, 0] });
    assert.equal(await c.exist('ex@1'), true);
    assert.deepEqual(await c.health(), unpackReply(OK));
  } finally {
    c.close();
  }
});

test('requests written one byte at a time are served the same', async () => {
  const r = await ByteReader.connect(lmPort);
  try {
    const v = Buffer.from('\r\n\0split payload\xff', 'latin1');
    const bytes = Buffer.concat([
      packRequest(PUT, 'split@1', v.length, { fmt: 5, dtype: 0, shape: [v.length, 0, 0, 0] }), v,
      packRequest(GET, 'split@1'),
      packRequest(EXIST, 'split@1'),
    ]);
    for (const byte of bytes) {
      r.write(Buffer.from([byte]));
      await new Promise((res) => setImmediate(res));
    }
    const h = unpackReply(await r.readExact(36));
    assert.deepEqual(h, { code: 200, length: v.length, fmt: 5, dtype: 0, shape: [v.length, 0, 0, 0], location: 0 });
    assert.deepEqual(await r.readExact(v.length), v);
    assert.deepEqual(await r.readExact(36), OK);
  } finally {
    r.close();
  }
});

test('a 32 MiB chunk and a 131,072,000-byte object round-trip byte for byte', async () => {
  const c = await LmClient.connect(lmPort);
  try {
    for (const [key, v, shape] of [
      ['vllm@meta-llama/Llama-3.1-8B-Instruct@1@0@02783daf@bfloat16', payload(32 * 1024 * 1024, 2), bf16(32, 256)],
      ['test_model@3@1@0@bfloat16@big', payload(131_072_000, 3), bf16(32, 1000)],
    ] as const) {
      c.put(key, v, shape);
      const { reply, payload: got } = await c.get(key);
      assert.equal(reply.length, v.length);
      assert.deepEqual(reply.shape, shape.shape);
      assert.equal(sha(got!), sha(v));
    }
  } finally {
    c.close();
  }
});

test('ten connections putting and getting at once each get their own bytes in order', async () => {
  const clients = await Promise.all(Array.from({ length: 10 }, () => LmClient.connect(lmPort)));
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        for (let j = 0; j < 5; j++) {
          const v = payload(256 * 1024 + i * 1000 + j, i * 10 + j);
          c.put(`conc@${i}@${j}`, v, bf16(1, j + 1));
          const { reply, payload: got } = await c.get(`conc@${i}@${j}`);
          assert.equal(reply.shape[2], j + 1);
          assert.equal(sha(got!), sha(v));
          assert.equal(await c.exist(`conc@${i}@${j}`), true);
        }
      }),
    );
  } finally {
    for (const c of clients) c.close();
  }
});

test('a PUT overwrites an existing entry, shape included', async () => {
  const c = await LmClient.connect(lmPort);
  try {
    c.put('ow@1', payload(1000, 1), bf16(1, 1));
    c.put('ow@1', payload(2000, 2), bf16(1, 2));
    const { reply, payload: got } = await c.get('ow@1');
    assert.equal(reply.length, 2000);
    assert.equal(reply.shape[2], 2);
    assert.deepEqual(got, payload(2000, 2));
  } finally {
    c.close();
  }
});

test('LIST and unknown commands get no reply and the connection goes on', async () => {
  const r = await ByteReader.connect(lmPort);
  try {
    r.write(packRequest(LIST, ''));
    r.write(packRequest(42, 'whatever'));
    r.write(packRequest(HEALTH, '@@0@0@0@half'));
    assert.deepEqual(await r.readExact(36), OK);
    assert.equal(r.buffered, 0);
  } finally {
    r.close();
  }
});

test('a PUT with a negative or over-limit length closes that connection only; the server stays up', async () => {
  for (const length of [-1, 600 * 1024 * 1024]) {
    const bad = await ByteReader.connect(lmPort);
    bad.write(packRequest(PUT, 'bad', length));
    assert.equal((await bad.untilClose()).length, 0);
  }
  const c = await LmClient.connect(lmPort);
  assert.equal((await c.health()).code, 200);
  c.close();
  const resp = await RawClient.connect(s.port);
  assert.equal(await resp.call('PING'), 'PONG');
  resp.close();
});

test('an lm:// entry is the redis:// connector s two keys, and the other way round', async () => {
  const c = await LmClient.connect(lmPort);
  const resp = await ByteReader.connect(s.port);
  const cmd = (...a: (string | Buffer)[]) => {
    const parts: Buffer[] = [Buffer.from(`*${a.length}\r\n`)];
    for (const x of a) {
      const b = typeof x === 'string' ? Buffer.from(x, 'latin1') : x;
      parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
    }
    resp.write(Buffer.concat(parts));
  };
  try {
    const v = payload(100_000, 9);
    c.put('shared@1', v, bf16(2, 3));
    assert.equal(await c.exist('shared@1'), true);
    cmd('GET', 'shared@1kv_bytes');
    assert.deepEqual(await resp.readBulk(), v);
    cmd('GET', 'shared@1metadata');
    const meta = Buffer.alloc(28);
    [v.length, 1, 3, 2, 2, 3, 1024].forEach((x, i) => meta.writeInt32LE(x, i * 4));
    assert.deepEqual(await resp.readBulk(), meta);
    // What the redis:// connector stores (kv_bytes first), lm:// serves.
    const w = payload(5000, 4);
    const m2 = Buffer.alloc(28);
    [w.length, 1, 2, 2, 1, 1, 2500].forEach((x, i) => m2.writeInt32LE(x, i * 4));
    cmd('SET', 'fromredis@1kv_bytes', w);
    assert.equal(await resp.readLine(), '+OK\r\n');
    cmd('SET', 'fromredis@1metadata', m2);
    assert.equal(await resp.readLine(), '+OK\r\n');
    const { reply, payload: got } = await c.get('fromredis@1');
    assert.deepEqual(reply, { code: 200, length: w.length, fmt: 1, dtype: 2, shape: [2, 1, 1, 2500], location: 0 });
    assert.deepEqual(got, w);
    // kv_bytes evicted: a miss, and the orphan metadata is dropped.
    cmd('DEL', 'fromredis@1kv_bytes');
    assert.equal(await resp.readLine(), ':1\r\n');
    assert.equal(await c.exist('fromredis@1'), false);
    assert.equal((await c.get('fromredis@1')).payload, null);
    cmd('EXISTS', 'fromredis@1metadata');
    assert.equal(await resp.readLine(), ':0\r\n');
  } finally {
    c.close();
    resp.close();
  }
});

test('a new connection is served after earlier ones dropped mid-request', async () => {
  const r = await ByteReader.connect(lmPort);
  r.write(packRequest(PUT, 'half', 1000).subarray(0, 100));
  r.close();
  const c = await LmClient.connect(lmPort);
  assert.equal(await c.exist('half'), false);
  c.close();
});

test('an lm:// PUT is written to the AOF, so it survives a restart as the redis:// keys', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lm-aof-'));
  const port = await freePort();
  const a = await startServer(['--lmcache-port', String(port), '--appendonly', 'yes', '--dir', dir]);
  const v = payload(1024 * 1024, 9);
  try {
    const c = await LmClient.connect(port);
    c.put('aof_model@1@0@abc@bfloat16', v, bf16(2, 16));
    assert.equal((await c.get('aof_model@1@0@abc@bfloat16')).reply.code, 200);
    c.close();
  } finally {
    await a.stop();
  }
  const b = await startServer(['--appendonly', 'yes', '--dir', dir]);
  const r = await RawClient.connect(b.port);
  try {
    assert.equal(sha((await r.call('GET', 'aof_model@1@0@abc@bfloat16kv_bytes')) as Buffer), sha(v));
    const meta = (await r.call('GET', 'aof_model@1@0@abc@bfloat16metadata')) as Buffer;
    assert.equal(meta.length, 28);
    assert.equal(meta.readInt32LE(0), v.length);
  } finally {
    r.close();
    await b.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
