// The embedded KvCache (src/embedded/kv-cache.ts), and the tier hook that LOOKUP prefetches through.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KvCache, KvChunkError, FakeClock, type ChunkTier } from '../../src/index.js';
import type { Database } from '../../src/engine/keyspace.js';
import { Encoding, KeyType } from '../../src/engine/status.js';

const meta = { dtype: 'float16', shape: [2, '*', 8] } as const;
const chunk = (t: number, fill: number): Buffer => Buffer.alloc(2 * t * 8 * 2, fill);
const ids = (n: number, from = 0): Uint32Array => Uint32Array.from({ length: n }, (_, i) => from + i);

/**
 * A test tier: a Map standing for a lower tier. load() moves its entries
 * back into the database after a turn of the event loop, as a disk read would.
 */
class MapTier implements ChunkTier {
  readonly held = new Map<string, Buffer>();
  readonly loads: string[][] = [];
  holds(_db: Database, key: Uint8Array, start: number, end: number): boolean {
    return this.held.has(Buffer.from(key.subarray(start, end)).toString('latin1'));
  }
  async load(db: Database, keys: Buffer[]): Promise<void> {
    this.loads.push(keys.map((k) => k.toString('latin1')));
    await new Promise((r) => setImmediate(r));
    for (const k of keys) {
      const v = this.held.get(k.toString('latin1'));
      if (v === undefined) continue;
      db.putAt(k, 0, k.length, KeyType.STRING, Encoding.RAW, v);
      this.held.delete(k.toString('latin1'));
    }
  }
}

describe('KvCache', () => {
  test('put, lookup and get a token sequence in chunks; equal prefixes share chunks', () => {
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4 });
    assert.equal(kv.put('m', ids(10), meta, [chunk(4, 1), chunk(4, 2), chunk(2, 3)]), 3);
    assert.equal(kv.lookup('m', ids(10)), 10);
    assert.equal(kv.lookup('m', [...ids(8), 99, 98]), 8);
    assert.deepEqual(kv.get('m', ids(10), meta), [chunk(4, 1), chunk(4, 2), chunk(2, 3)]);
    assert.deepEqual(kv.get('m', Array.from(ids(10)), meta, { start: 1, count: 1 }), [chunk(4, 2)]);
    assert.equal(kv.stats().keys, 3);
    assert.equal(kv.delete('m', ids(10), { start: 1 }), 2);
    assert.equal(kv.lookup('m', ids(10)), 4);
  });

  test('keys are the server’s: kv:{hash}:model, the same for the same chunk size', () => {
    const a = new KvCache({ maxMemory: 0, chunkSize: 4 }).keys('llama', ids(8));
    const b = new KvCache({ maxMemory: 0, chunkSize: 4 }).keys('llama', ids(8));
    assert.deepEqual(a, b);
    assert.match(a[0]!, /^kv:\{[0-9a-f]{32}\}:llama$/);
    assert.notDeepEqual(new KvCache({ maxMemory: 0, chunkSize: 8 }).keys('llama', ids(8))[0], a[1]);
  });

  test('get with another dtype or shape throws KvChunkError KVMISMATCH', () => {
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4 });
    kv.put('m', ids(4), meta, [chunk(4, 1)]);
    assert.throws(() => kv.get('m', ids(4), { dtype: 'bf16', shape: [2, '*', 8] }), (e: unknown) => e instanceof KvChunkError && e.code === 'KVMISMATCH' && e.chunk === 0);
    assert.throws(() => kv.get('m', ids(4), { dtype: 'fp16', shape: [2, 4, 8] }), KvChunkError);
  });

  test('bad arguments throw before anything is stored', () => {
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4 });
    assert.throws(() => kv.put('m', ids(8), meta, [chunk(4, 1), chunk(3, 1)]), /chunk 1 has 96 bytes, expected 128/);
    assert.throws(() => kv.put('m', ids(4), meta, [chunk(4, 1), chunk(4, 1)]), /2 chunks from start 0/);
    assert.throws(() => kv.put('m', ids(4), { dtype: 'float32', shape: [2, '*', 4] }, [chunk(4, 1)], { quant: 'int8-block' }), /float16 or bfloat16/);
    assert.throws(() => kv.put('m', [1.5], meta, [chunk(1, 1)]), /not a uint32/);
    assert.throws(() => kv.put('', ids(4), meta, [chunk(4, 1)]), /model name/);
    assert.throws(() => kv.put('m', ids(4), { dtype: 'fp16', shape: ['*', '*'] }, []), /at most one/);
    assert.throws(() => new KvCache({ maxMemory: 0, chunkSize: 0 }), RangeError);
    assert.equal(kv.stats().keys, 0);
  });

  test('quantized chunks come back close to what was put, in the same dtype', () => {
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4 });
    const x = Buffer.alloc(2 * 4 * 8 * 2);
    for (let i = 0; i < x.length / 2; i++) x.writeUInt16LE(0x3c00 + (i % 50), 2 * i); // fp16 values in [1, 1.05)
    kv.put('m', ids(4), meta, [x], { quant: 'int8-channel' });
    const [got] = kv.get('m', ids(4), meta);
    assert.equal(got!.length, x.length);
    for (let i = 0; i < x.length / 2; i++) assert.ok(Math.abs(got!.readUInt16LE(2 * i) - x.readUInt16LE(2 * i)) <= 5, `element ${i}`);
    assert.equal(kv.stats().quantizedChunks, 1);
  });

  test('ttl expires chunks on the injected clock, and maxMemory evicts old chunks', () => {
    const clock = new FakeClock(1_000_000);
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4, clock });
    kv.put('m', ids(4), meta, [chunk(4, 1)], { ttl: 1000 });
    assert.equal(kv.lookup('m', ids(4)), 4);
    clock.advance(1001);
    assert.equal(kv.lookup('m', ids(4)), 0);
    const small = new KvCache({ maxMemory: 64 * 1024, chunkSize: 256 });
    for (let s = 0; s < 20; s++) small.put('m', ids(256, s * 1000), { dtype: 'uint8', shape: ['*', 32] }, [Buffer.alloc(256 * 32)]);
    assert.ok(small.stats().evictions > 0);
    assert.ok(small.stats().memory <= 64 * 1024);
    assert.equal(small.lookup('m', ids(256, 19000)), 256);
  });

  test('lookup counts tier-held chunks as cached and loads them in order, so the next get finds them in RAM', async () => {
    const tier = new MapTier();
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4, tier });
    const t = ids(16);
    kv.put('m', t, meta, [chunk(4, 1), chunk(4, 2), chunk(4, 3), chunk(4, 4)]);
    // Simulate demotion of chunks 1..3 by taking their records out of RAM into the tier.
    const keys = kv.keys('m', t);
    const dumped = kv.get('m', t, meta);
    assert.equal(dumped.length, 4);
    const db = (kv as unknown as { db: Database }).db;
    for (const k of keys.slice(1)) {
      const pos = db.lookupRead(k);
      const v = Buffer.from(db.stringValue(pos) as Buffer);
      db.removeAt(pos);
      tier.held.set(k, v);
    }
    assert.equal(kv.lookup('m', t), 16);
    assert.deepEqual(tier.loads, [keys.slice(1)]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(kv.get('m', t, meta), dumped);
    assert.equal(kv.stats().prefetchedChunks, 3);
  });

  test('get reads ahead: the chunks after the last one served are loaded from the tier', async () => {
    const tier = new MapTier();
    const kv = new KvCache({ maxMemory: 0, chunkSize: 4, tier });
    const t = ids(12);
    kv.put('m', t, meta, [chunk(4, 1), chunk(4, 2), chunk(4, 3)]);
    const db = (kv as unknown as { db: Database }).db;
    const keys = kv.keys('m', t);
    const pos = db.lookupRead(keys[2]!);
    tier.held.set(keys[2]!, Buffer.from(db.stringValue(pos) as Buffer));
    db.removeAt(pos);
    assert.equal(kv.get('m', t, meta).length, 2, 'GET serves only what is in RAM');
    assert.deepEqual(tier.loads, [[keys[2]]]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    assert.equal(kv.get('m', t, meta).length, 3);
  });
});
