import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, startRedis, skipWithoutRedis } from '../helpers/server.js';
import { ByteReader, requestParts } from '../helpers/byte-reader.js';

/*
 * What LMCache's RedisConnector (redis-py, two keys per chunk) and its native
 * resp:// client send, replayed byte for byte (lmcache-protocols.md §2a-2c).
 * Each step's reply is checked exactly; big bulks compare by hash.
 */

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** One reply's exact bytes as text; a bulk over 64 KiB is shown as its length and hash. */
async function readReply(r: ByteReader): Promise<string> {
  const line = await r.readLine();
  if (line[0] === '$') {
    const n = Number(line.slice(1, -2));
    if (n < 0) return line;
    const body = await r.readExact(n + 2);
    return n > 65536 ? `${line}<${sha(body.subarray(0, n))}>${body.latin1Slice(n, n + 2)}` : line + body.toString('latin1');
  }
  if (line[0] === '*') {
    let out = line;
    for (let i = Number(line.slice(1, -2)); i > 0; i--) out += await readReply(r);
    return out;
  }
  return line;
}

function chunkValue(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 1024) b.fill((i / 1024 + seed) & 255, i, Math.min(n, i + 1024));
  // CRLF and NUL in the payload, as the native client's regression test uses.
  b.write('\r\n\0$-1\r\n', Math.min(10, n), 'latin1');
  return b;
}

const key = 'vllm@meta-llama/Llama-3.1-8B-Instruct@1@0@02783dafc0ffee@bfloat16';
const kv = chunkValue(4 * 1024 * 1024, 1);
const meta = Buffer.alloc(28);
[kv.length, 1, 3, 2, 32, 256, 1024].forEach((x, i) => meta.writeInt32LE(x, i * 4));
const big = chunkValue(131_072_000, 2);
const bulk = (b: Buffer) => (b.length > 65536 ? `$${b.length}\r\n<${sha(b)}>\r\n` : `$${b.length}\r\n${b.toString('latin1')}\r\n`);

/** [request, exact reply] in order. */
const steps: [(string | Buffer)[], string][] = [
  // redis-py's connect: CLIENT SETINFO is 7.2+; Redis 7.0 refuses it and redis-py ignores the error.
  [['CLIENT', 'SETINFO', 'LIB-NAME', 'redis-py'], "-ERR unknown subcommand 'SETINFO'. Try CLIENT HELP.\r\n"],
  [['CLIENT', 'SETINFO', 'LIB-VER', '5.0.1'], "-ERR unknown subcommand 'SETINFO'. Try CLIENT HELP.\r\n"],
  [['SELECT', '0'], '+OK\r\n'],
  [['PING'], '+PONG\r\n'],
  // lookup before anything is stored
  [['EXISTS', `${key}metadata`], ':0\r\n'],
  [['GET', `${key}metadata`], '$-1\r\n'],
  // put: kv_bytes first, then metadata
  [['SET', `${key}kv_bytes`, kv], '+OK\r\n'],
  [['SET', `${key}metadata`, meta], '+OK\r\n'],
  [['EXISTS', `${key}metadata`], ':1\r\n'],
  // get: metadata, then kv_bytes
  [['GET', `${key}metadata`], bulk(meta)],
  [['GET', `${key}kv_bytes`], bulk(kv)],
  // put with remote_ttl
  [['SET', 'ttl@1kv_bytes', kv, 'EX', '3600'], '+OK\r\n'],
  [['SET', 'ttl@1metadata', meta, 'EX', '3600'], '+OK\r\n'],
  [['TTL', 'ttl@1kv_bytes'], ':3600\r\n'],
  // a half-present pair (kv_bytes evicted): GET misses, the connector DELs the metadata
  [['SET', 'half@1metadata', meta], '+OK\r\n'],
  [['GET', 'half@1metadata'], bulk(meta)],
  [['GET', 'half@1kv_bytes'], '$-1\r\n'],
  [['DEL', 'half@1metadata'], ':1\r\n'],
  [['DEL', 'half@1metadata'], ':0\r\n'],
  // the native resp:// client: single keys, multi-key EXISTS, MGET with a miss
  [['SET', 'k1', kv], '+OK\r\n'],
  [['EXISTS', 'k1', 'missing', 'k1'], ':2\r\n'],
  [['EXISTS', 'missing'], ':0\r\n'],
  [['MGET', 'k1', 'missing', 'k1'], `*3\r\n${bulk(kv)}$-1\r\n${bulk(kv)}`],
  [['GET', 'missing'], '$-1\r\n'],
  [['GET', 'k1'], bulk(kv)],
  // test_connector.py's single 131,072,000-byte object (Redis's default proto-max-bulk-len takes it)
  [['SET', 'big@1kv_bytes', big], '+OK\r\n'],
  [['GET', 'big@1kv_bytes'], bulk(big)],
  [['DEL', 'big@1kv_bytes', 'big@1metadata'], ':1\r\n'],
];

/** Runs the steps one round trip at a time, then a pipelined batch of SETs; returns every reply. */
async function replay(port: number): Promise<string[]> {
  const r = await ByteReader.connect(port);
  const got: string[] = [];
  try {
    for (const [req] of steps) {
      for (const p of requestParts(req)) r.write(p);
      got.push(await readReply(r));
    }
    // batched SET: pipelined, replies read afterwards
    for (let i = 0; i < 8; i++) for (const p of requestParts(['SET', `pipe@${i}`, chunkValue(1024 * 1024, i)])) r.write(p);
    for (let i = 0; i < 8; i++) got.push(await readReply(r));
    for (const p of requestParts(['MGET', 'pipe@0', 'pipe@7', 'nope'])) r.write(p);
    got.push(await readReply(r));
    assert.equal(r.buffered, 0, 'no stray bytes after the last reply');
  } finally {
    r.close();
  }
  return got;
}

test('LMCache s redis:// and resp:// traffic gets the exact replies it compares', async () => {
  const s = await startServer();
  try {
    const got = await replay(s.port);
    steps.forEach(([req], i) => assert.equal(got[i], steps[i]![1], `step ${i}: ${req.slice(0, 2).join(' ')}`));
    const rest = got.slice(steps.length);
    assert.deepEqual(rest.slice(0, 8), Array(8).fill('+OK\r\n'));
    assert.equal(rest[8], `*3\r\n${bulk(chunkValue(1024 * 1024, 0))}${bulk(chunkValue(1024 * 1024, 7))}$-1\r\n`);
  } finally {
    await s.stop();
  }
});

test('the same traffic gets the same bytes from redis-server 7.0', async (t) => {
  const reason = skipWithoutRedis('redis-server');
  if (reason) return t.skip(reason);
  const s = await startServer();
  const r = await startRedis();
  try {
    assert.deepEqual(await replay(s.port), await replay(r.port));
  } finally {
    await s.stop();
    await r.stop();
  }
});

test('AUTH with a user and password, as the URL or the native client sends it, answers +OK', async () => {
  const s = await startServer(['--requirepass', 'pw']);
  const r = await ByteReader.connect(s.port);
  try {
    for (const p of requestParts(['EXISTS', 'k'])) r.write(p);
    assert.equal(await readReply(r), '-NOAUTH Authentication required.\r\n');
    for (const p of requestParts(['AUTH', 'default', 'pw'])) r.write(p);
    assert.equal(await readReply(r), '+OK\r\n');
    for (const p of requestParts(['AUTH', 'pw'])) r.write(p);
    assert.equal(await readReply(r), '+OK\r\n');
    for (const p of requestParts(['EXISTS', 'k'])) r.write(p);
    assert.equal(await readReply(r), ':0\r\n');
  } finally {
    r.close();
    await s.stop();
  }
});
