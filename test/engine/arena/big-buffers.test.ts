import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as turn } from 'node:timers/promises';
import { BigBuffers, POOL_MIN } from '../../../src/engine/arena/big-buffers.js';

const MiB = 1024 * 1024;

test('a buffer released without being read by anyone else is handed out again after the turn', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB + 100);
  assert.ok(a.length >= MiB + 100);
  const view = a.subarray(10, MiB);
  pool.release(view);
  // Not within the same turn: the parser that filled it may still be reading it.
  assert.notEqual(pool.take(MiB + 100).buffer, a.buffer);
  await turn();
  assert.equal(pool.pooled, a.length);
  assert.equal(pool.take(MiB + 50).buffer, a.buffer);
  assert.equal(pool.pooled, 0);
});

test('a buffer someone read is never recycled', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  pool.exposed(a.subarray(0, 10));
  pool.release(a);
  await turn();
  assert.equal(pool.pooled, 0);
  assert.notEqual(pool.take(MiB).buffer, a.buffer);
});

test('buffers the pool did not make, and small requests, are left alone', async () => {
  const pool = new BigBuffers();
  pool.release(Buffer.allocUnsafeSlow(MiB));
  const small = pool.take(POOL_MIN - 1);
  assert.equal(small.length, POOL_MIN - 1);
  pool.release(small);
  await turn();
  assert.equal(pool.pooled, 0);
});

test('a buffer is released once even when its owner lets go twice', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  pool.release(a);
  pool.release(a);
  await turn();
  assert.equal(pool.pooled, a.length);
  const b = pool.take(MiB);
  const c = pool.take(MiB);
  assert.equal(b.buffer, a.buffer);
  assert.notEqual(c.buffer, a.buffer);
});

test('the pool keeps at most maxPooled bytes and size classes waste at most 1/16', async () => {
  const pool = new BigBuffers(3 * MiB);
  const bufs = [pool.take(MiB), pool.take(MiB), pool.take(MiB), pool.take(MiB)];
  for (const b of bufs) assert.ok(b.length >= MiB && b.length <= MiB * 1.0625);
  for (const b of bufs) pool.release(b);
  await turn();
  assert.equal(pool.pooled, 3 * MiB);
  for (const n of [POOL_MIN, 300_000, 5 * MiB + 1, 129 * MiB]) {
    const b = pool.take(n);
    assert.ok(b.length >= n && b.length <= n * 1.0625, `${n} -> ${b.length}`);
  }
});

test('trim gives pooled memory back when nothing was taken since the last trim', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  pool.release(a);
  await turn();
  pool.trim(); // a take happened since the start: kept
  assert.equal(pool.pooled, a.length);
  pool.trim(); // idle for a whole period: dropped
  assert.equal(pool.pooled, 0);
});

test('a buffer released while socket writes pin it is recycled after the last unpin, not before', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  assert.equal(pool.pin(a.subarray(0, 100)), true);
  assert.equal(pool.pin(a), true);
  pool.release(a);
  await turn();
  assert.equal(pool.pooled, 0);
  pool.unpin(a.buffer as ArrayBuffer);
  await turn();
  assert.equal(pool.pooled, 0);
  pool.unpin(a.buffer as ArrayBuffer);
  await turn();
  assert.equal(pool.pooled, a.length);
});

test('pins do not make an exposed or foreign buffer recyclable', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  assert.equal(pool.pin(a), true);
  pool.exposed(a);
  pool.release(a);
  pool.unpin(a.buffer as ArrayBuffer);
  assert.equal(pool.pin(Buffer.allocUnsafeSlow(MiB)), false);
  await turn();
  assert.equal(pool.pooled, 0);
});

test('a pinned buffer that is never released is not recycled when unpinned', async () => {
  const pool = new BigBuffers();
  const a = pool.take(MiB);
  pool.pin(a);
  pool.unpin(a.buffer as ArrayBuffer);
  await turn();
  assert.equal(pool.pooled, 0);
  pool.release(a);
  await turn();
  assert.equal(pool.pooled, a.length);
});

test('a full pool drops the buffers idle longest, and a slightly bigger buffer serves a smaller request', async () => {
  const pool = new BigBuffers(20 * MiB);
  const frame = pool.take(8 * MiB + 100); // a SET frame: value plus header, the next class up
  const other = pool.take(3 * MiB);
  pool.release(other);
  await turn();
  pool.release(frame);
  await turn();
  // A disk read of exactly 8 MiB takes the frame's buffer (6.25 % bigger).
  assert.equal(pool.take(8 * MiB).buffer, frame.buffer);
  // But not a buffer more than 12.5 % bigger than its class.
  assert.notEqual(pool.take(2 * MiB).buffer, other.buffer);
  const olds = [pool.take(9 * MiB), pool.take(9 * MiB)];
  for (const b of olds) pool.release(b);
  await turn();
  const newest = pool.take(9 * MiB);
  pool.release(newest);
  await turn();
  // 3 + 9 + 9 + 9 MiB is over 20: the oldest (3 MiB, then the first 9 MiB) went, the newest stayed.
  assert.ok(pool.pooled <= 20 * MiB);
  assert.equal(pool.take(9 * MiB).buffer, newest.buffer);
});
