/**
 * The disk tier's store alone: records written and read back, dead space and
 * compaction, FIFO eviction over the byte budget, and recovery from the
 * segment files (checksums, dead flags, a torn last record).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskStore, type DiskOwner } from '../../../src/engine/tier/disk-store.js';
import { nodeSegmentDir } from '../../../src/engine/tier/files.js';
import { TierRef, TierState, type TierOwner } from '../../../src/engine/tier/tier-ref.js';
import { HEADER, crcOf, decodeHead, encodeHead } from '../../../src/engine/tier/record.js';
import { crcOffThread } from '../../../src/engine/tier/crc-thread.js';
import { bigBuffers } from '../../../src/engine/arena/big-buffers.js';
import { crc32 } from 'node:zlib';
import { Codec, compress, decompress, decompressSync } from '../../../src/engine/tier/codec.js';

const owner: TierOwner = { dropped: () => {}, loadSync: () => Buffer.alloc(0), promoted: () => {}, expireChanged: () => {} };

function fixture(maxBytes = 0, segmentBytes = 1 << 20) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tier-disk-'));
  const evicted: TierRef[] = [];
  const warnings: string[] = [];
  const diskOwner: DiskOwner = { evict: (r) => evicted.push(r), warn: (m) => warnings.push(m) };
  const open = () => new DiskStore(nodeSegmentDir(dir), { maxBytes, segmentBytes }, diskOwner);
  return { dir, evicted, warnings, open, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function value(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7) & 255;
  return b;
}

async function put(store: DiskStore, key: string, v: Buffer, expire = 0): Promise<TierRef> {
  const ref = new TierRef(owner, null, Buffer.from(key), v.length, null);
  assert.equal(await store.append(ref, v, Codec.NONE, 0, expire), true);
  ref.state = TierState.DISK;
  return ref;
}

test('a record written to a segment reads back byte for byte, async and blocking', async () => {
  const f = fixture();
  const store = f.open();
  const v = value(300_000, 1);
  const ref = await put(store, 'k1', v);
  assert.deepEqual(await store.read(ref), v);
  assert.deepEqual(store.readSync(ref), v);
  assert.equal(store.stats.items, 1);
  assert.equal(store.stats.liveBytes, HEADER + 2 + v.length);
  store.close();
  f.done();
});

test('the record header round-trips and a flipped bit in it is refused', () => {
  const key = Buffer.from('key');
  const h = encodeHead({ codec: 1, db: 3, klen: 3, stored: 10, size: 20, seq: 7, valueCrc: 99, flags: 0, expire: 1234.5 }, key);
  const d = decodeHead(h);
  assert.deepEqual(d, { codec: 1, db: 3, klen: 3, stored: 10, size: 20, seq: 7, valueCrc: 99, flags: 0, expire: 1234.5 });
  const bad = Buffer.from(h);
  bad[HEADER + 1] ^= 1;
  assert.equal(decodeHead(bad), null);
});

test('killed records are dead space; a sealed segment more than half dead is compacted and removed', async () => {
  const f = fixture(0, 200_000);
  const store = f.open();
  const refs: TierRef[] = [];
  // 60 kB records: a 200 kB segment seals after its fourth.
  for (let i = 0; i < 8; i++) refs.push(await put(store, `k${i}`, value(60_000, i)));
  const first = fs.readdirSync(f.dir).sort()[0]!;
  assert.equal(store.segmentCount, 2);
  store.kill(refs[0]!);
  store.kill(refs[1]!);
  assert.equal(store.stats.compactions, 0, 'half dead is not enough');
  store.kill(refs[2]!);
  for (let n = 0; n < 200 && store.stats.compactions === 0; n++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(store.stats.compactions, 1);
  for (let n = 0; n < 200 && fs.existsSync(path.join(f.dir, first)); n++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(fs.existsSync(path.join(f.dir, first)), false);
  for (const i of [3, 4, 5, 6, 7]) assert.deepEqual(await store.read(refs[i]!), value(60_000, i));
  assert.equal(store.stats.items, 5);
  store.close();
  f.done();
});

test('over the disk budget the oldest segment goes first and its keys are evicted', async () => {
  const f = fixture(450_000, 150_000);
  const store = f.open();
  const refs: TierRef[] = [];
  for (let i = 0; i < 8; i++) refs.push(await put(store, `k${i}`, value(100_000, i)));
  assert.ok(store.stats.fileBytes <= 450_000);
  assert.ok(store.stats.evictedSegments >= 1);
  // FIFO: the evicted keys are the oldest ones.
  const evicted = f.evicted.map((r) => r.key.toString()).sort();
  assert.ok(evicted.length >= 3);
  assert.deepEqual(evicted, refs.slice(0, evicted.length).map((r) => r.key.toString()).sort());
  assert.deepEqual(await store.read(refs[7]!), value(100_000, 7));
  // A record bigger than the whole budget is refused.
  const big = new TierRef(owner, null, Buffer.from('big'), 500_000, null);
  assert.equal(await store.append(big, value(500_000, 9), Codec.NONE, 0, 0), false);
  store.close();
  f.done();
});

test('recovery finds live records, skips dead ones and truncates a torn last record', async () => {
  const f = fixture(0, 1 << 20);
  let store = f.open();
  const a = await put(store, 'a', value(50_000, 1), 0);
  const b = await put(store, 'b', value(50_000, 2), 9e15);
  const c = await put(store, 'c', value(50_000, 3));
  store.kill(b);
  await new Promise((r) => setTimeout(r, 20));
  store.close();
  // Tear the last record: cut it in the middle of its value.
  const seg = fs.readdirSync(f.dir).find((n) => n.endsWith('.ntier'))!;
  const file = path.join(f.dir, seg);
  const full = fs.statSync(file).size;
  fs.truncateSync(file, full - 1000);
  store = f.open();
  const found = await store.scan();
  assert.deepEqual(found.map((r) => r.key.toString()), ['a']);
  assert.equal(store.stats.tornTails, 1);
  assert.equal(fs.statSync(file).size, a.recLen + b.recLen);
  assert.equal(f.warnings.length, 1);
  const ra = new TierRef(owner, null, Buffer.from('a'), 50_000, null);
  store.adopt(ra, found[0]!);
  store.finishRecovery(found);
  assert.deepEqual(await store.read(ra), value(50_000, 1));
  void c;
  // A corrupt value (bad checksum) also ends the segment.
  store.close();
  const bytes = fs.readFileSync(file);
  bytes[HEADER + 1 + 10] ^= 0xff;
  fs.writeFileSync(file, bytes);
  store = f.open();
  assert.deepEqual(await store.scan(), []);
  assert.equal(fs.statSync(file).size, 0);
  store.close();
  f.done();
});

test('big values in pool memory are checksummed on the CRC thread, with the same result as zlib here', async () => {
  const plain = value(3 << 20, 7);
  const shared = bigBuffers.take(plain.length).subarray(0, plain.length);
  plain.copy(shared);
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  assert.equal(crcOffThread(plain), null);
  assert.equal(await crcOffThread(shared.subarray(5, 2_000_005)), crc32(plain.subarray(5, 2_000_005)) >>> 0);
  // Several at once come back to their own callers.
  const parts = [0, 1, 2, 3].map((i) => shared.subarray(i * 700_000, (i + 1) * 700_000 + 13));
  assert.deepEqual(await Promise.all(parts.map((p) => crcOffThread(p))), parts.map((p) => crc32(p) >>> 0));
  assert.equal(await crcOf(shared), crc32(plain) >>> 0);
  assert.equal(await crcOf(plain), crc32(plain) >>> 0);
  assert.equal(await crcOf(Buffer.alloc(0)), 0);
  bigBuffers.release(shared);
});

test('recovery checks a big record\'s value, read into pool memory, and refuses a flipped byte in it', async () => {
  const f = fixture(0, 8 << 20);
  let store = f.open();
  const big = value(3 << 20, 9);
  await put(store, 'big', big, 0);
  store.close();
  store = f.open();
  assert.deepEqual((await store.scan()).map((r) => r.key.toString()), ['big']);
  store.close();
  const seg = fs.readdirSync(f.dir).find((n) => n.endsWith('.ntier'))!;
  const file = path.join(f.dir, seg);
  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 100] ^= 0x01;
  fs.writeFileSync(file, bytes);
  store = f.open();
  assert.deepEqual(await store.scan(), []);
  store.close();
  f.done();
});

test('an append still checksumming when the store closes opens no segment after close', async () => {
  const f = fixture(0, 8 << 20);
  const store = f.open();
  const big = value(3 << 20, 4);
  const shared = bigBuffers.take(big.length).subarray(0, big.length);
  big.copy(shared);
  const ref = new TierRef(owner, null, Buffer.from('late'), big.length, null);
  // The checksum goes to the CRC thread, so close() runs while append() waits for it.
  const appended = store.append(ref, shared, Codec.NONE, 0, 0);
  await store.close();
  assert.equal(await appended, false);
  assert.deepEqual(fs.readdirSync(f.dir).filter((n) => n.endsWith('.ntier')), []);
  bigBuffers.release(shared);
  f.done();
});

test('discard removes every segment file and nothing else', async () => {
  const f = fixture();
  const store = f.open();
  await put(store, 'k', value(1000, 1));
  store.close();
  fs.writeFileSync(path.join(f.dir, 'other.txt'), 'x');
  await f.open().discard();
  assert.deepEqual(fs.readdirSync(f.dir), ['other.txt']);
  f.done();
});

test('lz4, zstd (several frames) and none round-trip a value, async and blocking', async () => {
  const v = Buffer.alloc(2_500_000);
  for (let i = 0; i < v.length; i++) v[i] = (i >> 10) & 255;
  for (const codec of [Codec.LZ4, Codec.ZSTD, Codec.NONE]) {
    const c = await compress(codec, v);
    if (codec !== Codec.NONE) assert.ok(c.length < v.length / 10);
    assert.deepEqual(await decompress(codec, c, v.length), v);
    assert.deepEqual(decompressSync(codec, c, v.length), v);
  }
  await assert.rejects(decompress(Codec.LZ4, await compress(Codec.LZ4, v), v.length + 1));
});
