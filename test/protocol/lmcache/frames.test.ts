import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_META, LmCode, LmCommand, REPLY_BYTES, REPLY_FAIL, REPLY_SUCCESS, REQUEST_BYTES,
  decodeReply, encodeReply, encodeRequest, keyRange,
} from '../../../src/protocol/lmcache/frames.js';
import { LmDecode, LmRequestDecoder } from '../../../src/protocol/lmcache/decoder.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const bf16 = { length: 4 * 1024 * 1024, fmt: 1, dtype: 3, shape0: 2, shape1: 4, shape2: 256, shape3: 1024 };
/** The doc's sample PUT header for a 4 MiB bf16 chunk. */
const samplePut = Buffer.concat([
  hex('01000000 00004000 01000000 03000000 00000000 02000000 04000000 00010000 00040000'),
  Buffer.from('test_model@3@1@0@bfloat16'.padEnd(150, ' ')),
]);

test('header sizes are the struct sizes: 186-byte requests and 36-byte replies', () => {
  assert.equal(REQUEST_BYTES, 186);
  assert.equal(REPLY_BYTES, 36);
  assert.equal(samplePut.length, 186);
});

test('a PUT header is packed exactly as the sample bytes of a 4 MiB bf16 chunk', () => {
  assert.deepEqual(encodeRequest(LmCommand.PUT, 'test_model@3@1@0@bfloat16', bf16), samplePut);
});

test('a GET hit reply and the FAIL reply are packed exactly as the sample bytes', () => {
  assert.deepEqual(encodeReply(LmCode.SUCCESS, bf16), hex('c8000000 00004000 01000000 03000000 02000000 04000000 00010000 00040000 00000000'));
  assert.deepEqual(REPLY_FAIL, hex('90010000 00000000 01000000 02000000 00000000 00000000 00000000 00000000 00000000'));
  assert.deepEqual(REPLY_SUCCESS, hex('c8000000 00000000 01000000 02000000 00000000 00000000 00000000 00000000 00000000'));
  assert.deepEqual(decodeReply(REPLY_FAIL), { code: 400, ...DEFAULT_META, location: 0 });
});

test('a key over 150 bytes cannot be packed', () => {
  assert.throws(() => encodeRequest(LmCommand.GET, 'k'.repeat(151)), RangeError);
  assert.equal(encodeRequest(LmCommand.GET, 'k'.repeat(150)).length, 186);
});

test('the key is what strip() keeps: padding spaces, whitespace and trailing NULs go, inner bytes stay', () => {
  const field = (s: string) => Buffer.from(s.padEnd(150, ' '), 'latin1');
  const cut = (b: Buffer) => {
    const [s, e] = keyRange(b, 0);
    return b.latin1Slice(s, e);
  };
  assert.equal(cut(field('vllm@m/x@1@0@-1a2b@bfloat16')), 'vllm@m/x@1@0@-1a2b@bfloat16');
  assert.equal(cut(field(' \tk e y\r\n')), 'k e y');
  assert.equal(cut(Buffer.concat([Buffer.from('abc'), Buffer.alloc(147)])), 'abc');
  assert.equal(cut(field('')), '');
  assert.equal(cut(field('k'.repeat(150))), 'k'.repeat(150));
});

function decodeAll(chunks: Buffer[], max = 1 << 30): unknown[] {
  const d = new LmRequestDecoder(() => max);
  const out: unknown[] = [];
  for (const c of chunks) {
    d.feed(c);
    for (;;) {
      const r = d.next();
      if (r === LmDecode.NEED_MORE) break;
      if (r === LmDecode.ERROR) {
        out.push({ error: d.error });
        return out;
      }
      out.push({
        command: d.command, length: d.length, fmt: d.fmt, dtype: d.dtype, location: d.location,
        shape: [d.shape0, d.shape1, d.shape2, d.shape3], key: d.header.latin1Slice(d.keyStart, d.keyEnd),
        payload: d.payload === null ? null : d.payload.toString('latin1'),
      });
    }
  }
  return out;
}

const payload = Buffer.from('\r\n\0payload bytes\xff', 'latin1');
const meta = { length: payload.length, fmt: 5, dtype: 0, shape0: payload.length, shape1: 0, shape2: 0, shape3: 0 };
const stream = Buffer.concat([
  encodeRequest(LmCommand.PUT, 'a@1', meta), payload,
  encodeRequest(LmCommand.GET, 'a@1'),
  encodeRequest(LmCommand.PUT, 'empty', { ...meta, length: 0 }),
  encodeRequest(LmCommand.HEALTH, '@0@0@0@half'),
]);
const expected = [
  { command: 1, length: payload.length, fmt: 5, dtype: 0, location: 0, shape: [payload.length, 0, 0, 0], key: 'a@1', payload: payload.toString('latin1') },
  { command: 2, length: 0, fmt: 1, dtype: 2, location: 0, shape: [0, 0, 0, 0], key: 'a@1', payload: null },
  { command: 1, length: 0, fmt: 5, dtype: 0, location: 0, shape: [payload.length, 0, 0, 0], key: 'empty', payload: '' },
  { command: 5, length: 0, fmt: 1, dtype: 2, location: 0, shape: [0, 0, 0, 0], key: '@0@0@0@half', payload: null },
];

test('requests split at every byte, in two reads or one byte per read, decode the same', () => {
  assert.deepEqual(decodeAll([stream]), expected);
  for (let cut = 1; cut < stream.length; cut++) {
    assert.deepEqual(decodeAll([stream.subarray(0, cut), stream.subarray(cut)]), expected, `cut at ${cut}`);
  }
  assert.deepEqual(decodeAll([...stream].map((x) => Buffer.from([x]))), expected);
});

test('a PUT payload is received into one buffer of its declared length', () => {
  const big = Buffer.alloc(100_000, 7);
  const d = new LmRequestDecoder(() => 1 << 30);
  const all = Buffer.concat([encodeRequest(LmCommand.PUT, 'big', { ...meta, length: big.length }), big]);
  let got: Buffer | null = null;
  for (let p = 0; p < all.length; p += 65536) {
    d.feed(all.subarray(p, p + 65536));
    if (d.next() === LmDecode.REQUEST) got = d.payload;
  }
  assert.ok(got !== null);
  assert.equal(got.buffer.byteLength, big.length);
  assert.deepEqual(got, big);
});

test('a length on a command other than PUT is not read: the next bytes are the next header', () => {
  const get = encodeRequest(LmCommand.GET, 'k', { ...DEFAULT_META, length: 999 });
  const out = decodeAll([Buffer.concat([get, encodeRequest(LmCommand.EXIST, 'k')])]);
  assert.deepEqual(out.map((r) => (r as { command: number }).command), [2, 3]);
});

test('a PUT with a negative or over-limit length is an error', () => {
  assert.deepEqual(decodeAll([encodeRequest(LmCommand.PUT, 'k', { ...meta, length: -1 })]), [{ error: 'negative payload length -1' }]);
  assert.deepEqual(decodeAll([encodeRequest(LmCommand.PUT, 'k', { ...meta, length: 1025 })], 1024), [{ error: 'payload of 1025 bytes is over proto-max-bulk-len' }]);
});
