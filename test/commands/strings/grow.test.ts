/**
 * APPEND and SETRANGE grow values without quadratic copying and without ever
 * changing bytes a reply may still be sending (values of 64 KiB or more are
 * queued on the socket without a copy).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_KEY } from '../../../src/engine/status.js';
import { extendTo, allocGrowable } from '../../../src/commands/strings/grow.js';
import { useServer } from './harness.js';

const fx = useServer();

function stored(key: string): Buffer {
  const db = fx.s.server.engine.dbs[0]!;
  const slot = db.peek(key);
  assert.notEqual(slot, NO_KEY);
  return db.stringValue(slot) as Buffer;
}

test('extendTo keeps the old bytes and grows in place when the value ends at the high-water mark', () => {
  const a = allocGrowable(3);
  a.write('abc');
  const b = extendTo(a, 5);
  b.write('de', 3);
  assert.equal(b.toString(), 'abcde');
  assert.equal(a.toString(), 'abc');
  const c = extendTo(b, 8);
  c.write('fgh', 5);
  assert.equal(c.buffer, b.buffer, 'the second growth reuses the spare room');
  assert.equal(c.toString(), 'abcdefgh');
  assert.equal(b.toString(), 'abcde');
});

test('extendTo copies when another value already grew past the shared end', () => {
  const base = extendTo(allocGrowable(0), 2);
  base.write('ab');
  const one = extendTo(base, 3);
  one.write('1', 2);
  // A second holder of `base` (a copied key, say) must not write over "1".
  const two = extendTo(base, 3);
  two.write('2', 2);
  assert.notEqual(two.buffer, one.buffer);
  assert.equal(one.toString(), 'ab1');
  assert.equal(two.toString(), 'ab2');
  assert.equal(base.toString(), 'ab');
});

test('extendTo copies buffers it did not allocate', () => {
  const pooled = Buffer.from('xyz');
  const grown = extendTo(pooled, 4);
  grown.write('!', 3);
  assert.notEqual(grown.buffer, pooled.buffer);
  assert.equal(pooled.toString(), 'xyz');
  assert.equal(grown.toString(), 'xyz!');
});

test('Repeated APPEND reuses the backing buffer (amortized growth)', async () => {
  fx.flush();
  const chunk = 'x'.repeat(100);
  const backings = new Set<ArrayBufferLike>();
  for (let i = 0; i < 2000; i++) {
    await fx.c.call('APPEND', 'log', chunk);
    // Up to 16 KiB the value lives in an arena chunk (a new chunk as it
    // changes size class); past that it is one growable Buffer.
    const v = stored('log');
    if (v.length > 16 * 1024) backings.add(v.buffer);
  }
  assert.equal(stored('log').length, 200000);
  assert.ok(backings.size < 25, `${backings.size} reallocations for 2000 appends`);
  assert.equal(await fx.c.call('STRLEN', 'log'), ':200000\r\n');
});

test('APPEND and SETRANGE never change bytes of a reply still queued on the socket', async () => {
  fx.flush();
  // Large enough that the kernel cannot take the whole GET reply at once.
  const size = 32 * 1024 * 1024;
  await fx.c.call('SET', 'big', Buffer.alloc(size, 'a'));
  await fx.c.call('APPEND', 'big', 'b'); // now a growable value with spare room
  // One write: the GET reply (over 64 KiB, so queued without a copy) is
  // still waiting for the socket when the writes after it run.
  fx.c.send([
    ['GET', 'big'],
    ['APPEND', 'big', 'ccc'],
    ['SETRANGE', 'big', String(size - 3), 'ZZ'], // the tail of the old bytes: not sent yet
    ['SETRANGE', 'big', String(size + 5), 'd'],
    ['GETRANGE', 'big', String(size - 4), '-1'],
  ]);
  assert.equal(await fx.c.read(), `$${size + 1}\r\n${'a'.repeat(size)}b\r\n`);
  assert.equal(await fx.c.read(), `:${size + 4}\r\n`);
  assert.equal(await fx.c.read(), `:${size + 4}\r\n`);
  assert.equal(await fx.c.read(), `:${size + 6}\r\n`);
  assert.equal(await fx.c.read(), '$10\r\naZZabccc\x00d\r\n');
});

test('SETRANGE inside a value copies it instead of writing in place', async () => {
  fx.flush();
  // Big enough to live in its own Buffer rather than in the engine's arena.
  const n = 20000;
  await fx.c.call('SET', 'k', 'h'.repeat(n));
  await fx.c.call('APPEND', 'k', ' world');
  const before = stored('k');
  await fx.c.call('SETRANGE', 'k', '0', 'J');
  assert.equal(before.toString(), `${'h'.repeat(n)} world`);
  assert.equal(stored('k').toString(), `J${'h'.repeat(n - 1)} world`);
  const inside = stored('k');
  await fx.c.call('SETRANGE', 'k', String(n + 6), '!');
  assert.equal(inside.toString(), `J${'h'.repeat(n - 1)} world`);
  assert.equal(stored('k').toString(), `J${'h'.repeat(n - 1)} world!`);
});

test('GETDEL and GETSET reply with the old bytes of a large value', async () => {
  fx.flush();
  const size = 200 * 1024;
  await fx.c.call('SET', 'k', Buffer.alloc(size, 'q'));
  fx.c.send([['GETSET', 'k', 'new'], ['GETDEL', 'k'], ['GET', 'k']]);
  assert.equal(await fx.c.read(), `$${size}\r\n${'q'.repeat(size)}\r\n`);
  assert.equal(await fx.c.read(), '$3\r\nnew\r\n');
  assert.equal(await fx.c.read(), '$-1\r\n');
});
