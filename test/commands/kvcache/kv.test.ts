// KV.PUT, KV.LOOKUP, KV.GET, KV.DEL, KV.KEYS and KV.INFO through a real in-process server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, RespError, type RespValue } from '../../helpers/resp-client.js';

const toks = (n: number, from = 0): Buffer => {
  const b = Buffer.alloc(4 * n);
  for (let i = 0; i < n; i++) b.writeUInt32LE(from + i, 4 * i);
  return b;
};
/** A float16 chunk of [2, 2, t, 4] filled with a byte that tells chunks apart. */
const chunk = (t: number, fill: number): Buffer => Buffer.alloc(2 * 2 * t * 4 * 2, fill);
const SHAPE = '2,2,*,4';

function isError(v: RespValue, pattern: RegExp): void {
  assert.ok(v instanceof RespError, `expected an error, got ${String(v)}`);
  assert.match(v.message, pattern);
}

describe('KV-chunk commands', () => {
  let s: TestServer;
  let c: RawClient;
  before(async () => {
    s = await startServer();
    c = await RawClient.connect(s.port);
  });
  after(async () => {
    c.close();
    await s.stop();
  });

  test('KV.PUT stores chunks that KV.LOOKUP counts and KV.GET returns byte for byte', async () => {
    await c.call('FLUSHALL');
    const t = toks(10);
    assert.equal(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1), chunk(4, 2), chunk(2, 3)), 3);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 10);
    const got = (await c.call('KV.GET', 'm', t, 'float16', SHAPE, 'CHUNKSIZE', '4')) as Buffer[];
    assert.deepEqual(got, [chunk(4, 1), chunk(4, 2), chunk(2, 3)]);
    assert.equal(await c.call('DBSIZE'), 3);
  });

  test('a longer sequence with the same prefix finds the shared chunks, and a different one finds none', async () => {
    await c.call('FLUSHALL');
    await c.call('KV.PUT', 'm', toks(8), 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1), chunk(4, 2));
    assert.equal(await c.call('KV.LOOKUP', 'm', toks(20), 'CHUNKSIZE', '4'), 8);
    assert.equal(await c.call('KV.LOOKUP', 'm', toks(8, 1), 'CHUNKSIZE', '4'), 0);
    assert.equal(await c.call('KV.LOOKUP', 'other-model', toks(8), 'CHUNKSIZE', '4'), 0);
    assert.equal(await c.call('KV.LOOKUP', 'm', toks(8), 'CHUNKSIZE', '2'), 0);
  });

  test('a chunk missing in the middle stops KV.LOOKUP and KV.GET there', async () => {
    await c.call('FLUSHALL');
    const t = toks(12);
    await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1), chunk(4, 2), chunk(4, 3));
    const keys = (await c.call('KV.KEYS', 'm', t, 'CHUNKSIZE', '4')) as Buffer[];
    assert.equal(keys.length, 3);
    assert.equal(await c.call('DEL', keys[1]!), 1);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 4);
    assert.deepEqual(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), [chunk(4, 1)]);
    assert.deepEqual(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'START', '2'), [chunk(4, 3)]);
  });

  test('KV.PUT with START stores later chunks; KV.GET with START and COUNT returns a window', async () => {
    await c.call('FLUSHALL');
    const t = toks(12);
    assert.equal(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'START', '1', 'CHUNKS', chunk(4, 2), chunk(4, 3)), 2);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 0);
    await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1));
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 12);
    assert.deepEqual(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'START', '1', 'COUNT', '1'), [chunk(4, 2)]);
    assert.deepEqual(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'START', '9'), []);
  });

  test('KV.GET with another dtype or shape is a KVMISMATCH error, not data', async () => {
    await c.call('FLUSHALL');
    const t = toks(4);
    await c.call('KV.PUT', 'm', t, 'bf16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1));
    isError(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), /^KVMISMATCH chunk 0 holds bfloat16 \[2,2,4,4\], asked for float16 \[2,2,\*,4\]$/);
    isError(await c.call('KV.GET', 'm', t, 'bf16', '2,*,8', 'CHUNKSIZE', '4'), /^KVMISMATCH/);
    isError(await c.call('KV.GET', 'm', t, 'bf16', '2,2,4,4', 'CHUNKSIZE', '4'), /^KVMISMATCH/);
    assert.equal((await c.call('KV.GET', 'm', t, 'bf16', SHAPE, 'CHUNKSIZE', '4') as Buffer[]).length, 1);
  });

  test('a chunk key overwritten by SET or renamed is KVCORRUPT, another type is WRONGTYPE', async () => {
    await c.call('FLUSHALL');
    const t = toks(8);
    await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1), chunk(4, 2));
    const keys = (await c.call('KV.KEYS', 'm', t, 'CHUNKSIZE', '4')) as Buffer[];
    await c.call('RENAME', keys[1]!, 'saved');
    await c.call('COPY', keys[0]!, keys[1]!);
    isError(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), /^KVCORRUPT chunk 1 \(key kv:\{[0-9a-f]{32}\}:m\)/);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 4);
    await c.call('SET', keys[0]!, 'not a record');
    isError(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), /^KVCORRUPT chunk 0/);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 0);
    await c.call('DEL', keys[0]!);
    await c.call('RPUSH', keys[0]!, 'x');
    isError(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), /^WRONGTYPE/);
  });

  test('chunks are plain keys: TTL with PX, DUMP and RESTORE, and DEL all apply', async () => {
    await c.call('FLUSHALL');
    const t = toks(4);
    await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'PX', '100000', 'CHUNKS', chunk(4, 9));
    const [key] = (await c.call('KV.KEYS', 'm', t, 'CHUNKSIZE', '4')) as Buffer[];
    const pttl = (await c.call('PTTL', key!)) as number;
    assert.ok(pttl > 0 && pttl <= 100000);
    const dump = (await c.call('DUMP', key!)) as Buffer;
    assert.equal(await c.call('KV.DEL', 'm', t, 'CHUNKSIZE', '4'), 1);
    assert.equal(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '4'), 0);
    assert.equal(await c.call('RESTORE', key!, '0', dump), 'OK');
    assert.deepEqual(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4'), [chunk(4, 9)]);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'PX', '0', 'CHUNKS', chunk(4, 9)), /^ERR invalid expire time in 'kv.put' command$/);
  });

  test('binary model names and token ids with CR, LF and NUL bytes round-trip; the default chunk size is 256', async () => {
    await c.call('FLUSHALL');
    const t = Buffer.alloc(4 * 300);
    for (let i = 0; i < 300; i++) t.writeUInt32LE(0x0a0d0000 + i, 4 * i);
    const model = Buffer.from([0, 13, 10, 255, 123, 125]);
    const big = Buffer.alloc(2 * 2 * 256 * 4 * 2);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 255;
    assert.equal(await c.call('KV.PUT', model, t, 'fp16', SHAPE, 'CHUNKS', big, chunk(44, 13)), 2);
    assert.equal(await c.call('KV.LOOKUP', model, t), 300);
    assert.deepEqual(await c.call('KV.GET', model, t, 'fp16', SHAPE), [big, chunk(44, 13)]);
  });

  test('an empty token sequence has nothing cached and nothing to store', async () => {
    assert.equal(await c.call('KV.LOOKUP', 'm', ''), 0);
    assert.deepEqual(await c.call('KV.GET', 'm', '', 'fp16', SHAPE), []);
    assert.deepEqual(await c.call('KV.KEYS', 'm', ''), []);
    isError(await c.call('KV.PUT', 'm', '', 'fp16', SHAPE, 'CHUNKS', chunk(4, 1)), /^ERR 1 chunks from START 0 but the token sequence has 0 chunks/);
  });

  test('a huge chunk (8 MiB) is stored and returned intact', async () => {
    await c.call('FLUSHALL');
    const t = toks(256);
    const big = Buffer.alloc(2 * 4 * 256 * 1024 * 2);
    for (let i = 0; i < big.length; i += 4096) big[i] = i >>> 12;
    assert.equal(await c.call('KV.PUT', 'm', t, 'bf16', '2,4,*,1024', 'CHUNKS', big), 1);
    const [got] = (await c.call('KV.GET', 'm', t, 'bf16', '2,4,*,1024')) as Buffer[];
    assert.ok(got!.equals(big));
  });

  test('KV.PUT with QUANT int8-block stores one byte per element plus scales and KV.GET reconstructs within the int8 step', async () => {
    await c.call('FLUSHALL');
    const t = toks(4);
    const x = Buffer.alloc(2 * 2 * 4 * 4 * 2);
    const vals = [0.5, -1, 0.25, 2, -0.125, 1.5, 3, -2.5];
    for (let i = 0; i < x.length / 2; i++) x.writeUInt16LE(new Uint16Array(new Float32Array([vals[i % 8]!]).buffer)[1]!, 2 * i);
    assert.equal(await c.call('KV.PUT', 'm', t, 'bf16', SHAPE, 'CHUNKSIZE', '4', 'QUANT', 'int8-block', 'CHUNKS', x), 1);
    const [got] = (await c.call('KV.GET', 'm', t, 'bf16', SHAPE, 'CHUNKSIZE', '4')) as Buffer[];
    assert.equal(got!.length, x.length);
    const step = 3 / 127;
    for (let i = 0; i < x.length / 2; i++) {
      const f = (b: Buffer): number => new Float32Array(new Uint32Array([b.readUInt16LE(2 * i) << 16]).buffer)[0]!;
      assert.ok(Math.abs(f(got!) - f(x)) <= step / 2 + Math.abs(f(x)) / 256, `element ${i}`);
    }
    const [key] = (await c.call('KV.KEYS', 'm', t, 'CHUNKSIZE', '4')) as Buffer[];
    // 60 header bytes + one float32 scale + 64 int8 values, where raw would be 60 + 128.
    assert.equal(await c.call('STRLEN', key!), 60 + 4 + 64);
    const info = (await c.call('KV.INFO')) as RespValue[];
    const field = (name: string): RespValue => info[info.findIndex((v) => String(v) === name) + 1]!;
    assert.ok((field('quantized_chunks') as number) >= 1);
    assert.equal(String(field('tier')), 'none');
    assert.equal(field('default_chunk_size'), 256);
  });

  test('argument errors: wrong arity, odd token blob, bad model, dtype, shape, sizes and options', async () => {
    const t = toks(4);
    isError(await c.call('KV.LOOKUP', 'm'), /^ERR wrong number of arguments for 'kv.lookup' command$/);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKS'), /^ERR wrong number of arguments for 'kv.put' command$/);
    isError(await c.call('KV.GET', 'm', t, 'fp16'), /^ERR wrong number of arguments/);
    isError(await c.call('KV.INFO', 'x'), /^ERR wrong number of arguments/);
    isError(await c.call('KV.DEL', 'm'), /^ERR wrong number of arguments/);
    isError(await c.call('KV.KEYS'), /^ERR wrong number of arguments/);
    isError(await c.call('KV.LOOKUP', 'm', 'abc'), /^ERR token ids must be a blob of little-endian uint32/);
    isError(await c.call('KV.LOOKUP', '', t), /^ERR model name must be 1 to 65535 bytes$/);
    isError(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE', '0'), /^ERR CHUNKSIZE must be an integer from 1 to/);
    isError(await c.call('KV.LOOKUP', 'm', t, 'CHUNKSIZE'), /^ERR syntax error$/);
    isError(await c.call('KV.LOOKUP', 'm', t, 'START', '1'), /^ERR syntax error$/);
    isError(await c.call('KV.GET', 'm', t, 'int4', SHAPE), /^ERR unknown dtype 'int4'$/);
    isError(await c.call('KV.GET', 'm', t, 'fp16', '2,*,*'), /^ERR invalid shape '2,\*,\*'/);
    isError(await c.call('KV.GET', 'm', t, 'fp16', SHAPE, 'COUNT', '0'), /^ERR COUNT must be a positive integer$/);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(3, 1)), /^ERR chunk 0 has 96 bytes, expected 128 for 4 tokens of float16 \[2,2,\*,4\]$/);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'QUANT', 'int4', 'CHUNKS', chunk(4, 1)), /^ERR unknown quantization 'int4'/);
    isError(await c.call('KV.PUT', 'm', t, 'fp32', SHAPE, 'CHUNKSIZE', '4', 'QUANT', 'int8-block', 'CHUNKS', chunk(8, 1)), /^ERR quantization needs a float16 or bfloat16 tensor$/);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', '2,2,4,4', 'CHUNKSIZE', '4', 'QUANT', 'int8-channel', 'CHUNKS', chunk(4, 1)), /^ERR int8-channel quantization needs a token axis/);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', chunk(4, 1), 'x'), /^ERR syntax error$/);
  });

  test('a refused KV.PUT stores nothing, even when its first chunks were valid', async () => {
    await c.call('FLUSHALL');
    const t = toks(8);
    isError(await c.call('KV.PUT', 'm', t, 'fp16', SHAPE, 'CHUNKSIZE', '4', 'CHUNKS', chunk(4, 1), chunk(3, 2)), /^ERR chunk 1 has/);
    assert.equal(await c.call('DBSIZE'), 0);
  });

  test('COMMAND INFO and DOCS describe the KV family: flags, derived key specs and the kvcache group', async () => {
    const [put] = (await c.call('COMMAND', 'INFO', 'KV.PUT')) as RespValue[][];
    assert.deepEqual(put!.slice(1, 6), [-7, ['write', 'denyoom', 'movablekeys'], 0, 0, 0]);
    const [lookup] = (await c.call('COMMAND', 'INFO', 'kv.lookup')) as RespValue[][];
    assert.deepEqual(lookup![2], ['readonly', 'movablekeys']);
    const docs = (await c.call('COMMAND', 'DOCS', 'KV.GET')) as RespValue[];
    const body = docs[1] as RespValue[];
    assert.equal(String(body[body.findIndex((v) => String(v) === 'group') + 1]), 'kvcache');
  });
});
