// The chained prefix hash and chunk keys (src/kvcache/prefix-hash.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ChunkKeys, HASH_BYTES } from '../../src/kvcache/prefix-hash.js';

function toks(ids: number[]): Buffer {
  const b = Buffer.alloc(ids.length * 4);
  ids.forEach((t, i) => b.writeUInt32LE(t, 4 * i));
  return b;
}
const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);
function keysOf(model: string, chunkSize: number, ids: number[]): string[] {
  const t = toks(ids);
  const k = new ChunkKeys().reset(Buffer.from(model), chunkSize, t, 0, t.length);
  return Array.from({ length: k.count }, (_, i) => k.keyString(i));
}

describe('chained prefix hash', () => {
  test('each chunk hash is SHA-256 of the previous hash and the chunk tokens, truncated to 128 bits', () => {
    const t = toks(range(10));
    const k = new ChunkKeys().reset(Buffer.from('m'), 4, t, 0, t.length);
    assert.equal(k.count, 3);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(4);
    let prev = createHash('sha256').update('nencache-kv/1').update(size).update('m').digest().subarray(0, HASH_BYTES);
    for (let i = 0; i < 3; i++) {
      const h = createHash('sha256').update(prev).update(t.subarray(16 * i, Math.min(t.length, 16 * (i + 1)))).digest().subarray(0, HASH_BYTES);
      assert.deepEqual(k.hash(i), h, `chunk ${i}`);
      assert.equal(k.keyString(i), `kv:{${h.toString('hex')}}:m`);
      prev = h;
    }
    assert.deepEqual([k.chunkTokens(0), k.chunkTokens(1), k.chunkTokens(2)], [4, 4, 2]);
  });

  test('sequences with an equal prefix share the chunks of that prefix and no others', () => {
    const a = keysOf('m', 4, [...range(8), 1, 2, 3, 4]);
    const b = keysOf('m', 4, [...range(8), 1, 2, 3, 5]);
    assert.deepEqual(a.slice(0, 2), b.slice(0, 2));
    assert.notEqual(a[2], b[2]);
  });

  test('a chunk depends on every token before it, not only its own', () => {
    const a = keysOf('m', 4, [9, 1, 2, 3, 4, 5, 6, 7]);
    const b = keysOf('m', 4, [8, 1, 2, 3, 4, 5, 6, 7]);
    assert.notEqual(a[1], b[1]);
  });

  test('the model and the chunk size seed the chain, so they never share chunks', () => {
    const ids = range(8);
    assert.notEqual(keysOf('llama', 4, ids)[0]!.slice(0, 37), keysOf('qwen', 4, ids)[0]!.slice(0, 37));
    assert.notEqual(keysOf('m', 4, ids)[0], keysOf('m', 8, ids.slice(0, 4))[0]);
  });

  test('a partial last chunk hashes only its tokens and differs from the full chunk', () => {
    const full = keysOf('m', 4, range(8));
    const part = keysOf('m', 4, range(7));
    assert.equal(part.length, 2);
    assert.equal(part[0], full[0]);
    assert.notEqual(part[1], full[1]);
  });

  test('an empty token sequence has no chunks', () => {
    assert.deepEqual(keysOf('m', 256, []), []);
  });

  test('model names with braces or binary bytes keep the hash as the key hash tag', () => {
    const k = keysOf('a{b}\0\xff', 2, [1, 2])[0]!;
    assert.match(k, /^kv:\{[0-9a-f]{32}\}:a\{b\}\0/);
  });

  test('hashing is lazy: keys of the first chunks do not hash the rest', () => {
    const t = toks(range(1024));
    const k = new ChunkKeys().reset(Buffer.from('m'), 16, t, 0, t.length);
    k.key(1);
    assert.equal(k.hashed, 2);
    assert.equal(k.count, 64);
  });
});
