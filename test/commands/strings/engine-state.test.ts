/**
 * What the string commands leave in the engine besides their replies: the
 * encoding OBJECT ENCODING will report, the TTL kept or cleared, the
 * server.dirty increments and the keyspace hit/miss/expired counters. Every
 * expected value was observed on Redis 7.0.15 (OBJECT ENCODING,
 * rdb_changes_since_last_save, INFO stats) for the same commands.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENCODING_NAMES, NO_KEY } from '../../../src/engine/status.js';
import { useServer } from './harness.js';

const fx = useServer();

function db() {
  return fx.s.server.engine.dbs[0]!;
}
function encodingOf(key: string): string {
  const slot = db().peek(key);
  return slot === NO_KEY ? 'none' : ENCODING_NAMES[db().encoding(slot)];
}
function expireOf(key: string): number {
  const slot = db().peek(key);
  return slot === NO_KEY ? -2 : db().expireAt(slot);
}
async function run(cmds: readonly (readonly string[])[]): Promise<void> {
  for (const c of cmds) await fx.c.call(...c);
}

const x44 = 'x'.repeat(44);
const x45 = 'x'.repeat(45);
const ENCODINGS: [string, string[][], string][] = [
  ['SET of a canonical integer', [['SET', 'k', '123']], 'int'],
  ['SET of int64 min', [['SET', 'k', '-9223372036854775808']], 'int'],
  ['SET beyond int64', [['SET', 'k', '9223372036854775808']], 'embstr'],
  ['SET of a zero-padded number', [['SET', 'k', '007']], 'embstr'],
  ['SET of 44 bytes', [['SET', 'k', x44]], 'embstr'],
  ['SET of 45 bytes', [['SET', 'k', x45]], 'raw'],
  ['SET of an empty string', [['SET', 'k', '']], 'embstr'],
  ['SETNX', [['SETNX', 'k', '5']], 'int'],
  ['SETEX', [['SETEX', 'k', '100', '5']], 'int'],
  ['PSETEX', [['PSETEX', 'k', '100000', 'abc']], 'embstr'],
  ['GETSET', [['GETSET', 'k', '77']], 'int'],
  ['MSET', [['MSET', 'k', '12', 'k2', 'x']], 'int'],
  ['MSETNX', [['MSETNX', 'k', '12']], 'int'],
  ['INCR of a new key', [['INCR', 'k']], 'int'],
  ['INCR of a raw string', [['SET', 'k', '10'], ['APPEND', 'k', '0'], ['INCR', 'k']], 'int'],
  ['APPEND creating an integer', [['APPEND', 'k', '1']], 'int'],
  ['APPEND creating a short string', [['APPEND', 'k', 'abc']], 'embstr'],
  ['APPEND creating a long string', [['APPEND', 'k', 'x'.repeat(50)]], 'raw'],
  ['APPEND to an integer', [['SET', 'k', '1'], ['APPEND', 'k', '2']], 'raw'],
  ['APPEND of nothing to an embstr', [['SET', 'k', 'ab'], ['APPEND', 'k', '']], 'raw'],
  ['APPEND of nothing to an integer', [['SET', 'k', '1'], ['APPEND', 'k', '']], 'raw'],
  ['SETRANGE of a new key', [['SETRANGE', 'k', '0', '1']], 'raw'],
  ['SETRANGE of an integer', [['SET', 'k', '12'], ['SETRANGE', 'k', '0', '3']], 'raw'],
  ['SETRANGE of nothing on an integer', [['SET', 'k', '12'], ['SETRANGE', 'k', '0', '']], 'int'],
  ['SETRANGE of an embstr', [['SET', 'k', 'ab'], ['SETRANGE', 'k', '1', 'c']], 'raw'],
  ['GETEX changing the TTL', [['SET', 'k', 'ab'], ['GETEX', 'k', 'EX', '100']], 'embstr'],
];

describe('Stored encodings match Redis 7.0', () => {
  for (const [name, cmds, enc] of ENCODINGS) {
    test(`${name} stores the ${enc} encoding`, async () => {
      fx.flush();
      await run(cmds);
      assert.equal(encodingOf('k'), enc);
    });
  }
});

describe('TTLs kept or cleared', () => {
  const KEPT = [['INCR', 'k'], ['DECRBY', 'k', '3'], ['APPEND', 'k', '1'], ['SETRANGE', 'k', '0', '9'], ['SETRANGE', 'k', '5', 'x'], ['SET', 'k', '8', 'KEEPTTL'], ['GETEX', 'k'], ['GET', 'k']];
  for (const cmd of KEPT) {
    test(`${cmd[0]} keeps the TTL`, async () => {
      fx.flush();
      await run([['SET', 'k', '5', 'PXAT', '4102444800000']]);
      await run([cmd]);
      assert.equal(expireOf('k'), 4102444800000);
    });
  }
  const CLEARED = [['SET', 'k', '8'], ['GETSET', 'k', '8'], ['MSET', 'k', '8'], ['SET', 'k', '8', 'XX'], ['SET', 'k', '8', 'GET'], ['GETEX', 'k', 'PERSIST']];
  for (const cmd of CLEARED) {
    test(`${cmd.join(' ')} clears the TTL`, async () => {
      fx.flush();
      await run([['SET', 'k', '5', 'PXAT', '4102444800000']]);
      await run([cmd]);
      assert.equal(expireOf('k'), 0);
    });
  }
  test('EXAT and PXAT store the exact absolute time', async () => {
    fx.flush();
    await run([['SET', 'a', 'v', 'EXAT', '4102444800'], ['SET', 'b', 'v', 'PXAT', '4102444800123'], ['SET', 'c', 'v'], ['GETEX', 'c', 'EXAT', '4102444801'], ['SET', 'd', 'v'], ['GETEX', 'd', 'PXAT', '4102444800999']]);
    assert.deepEqual(['a', 'b', 'c', 'd'].map(expireOf), [4102444800000, 4102444800123, 4102444801000, 4102444800999]);
  });
  test('EX, PX, SETEX and PSETEX store a time relative to now', async () => {
    fx.flush();
    const before = Date.now();
    await run([['SET', 'a', 'v', 'EX', '100'], ['SET', 'b', 'v', 'PX', '100000'], ['SETEX', 'c', '100', 'v'], ['PSETEX', 'd', '100000', 'v'], ['SET', 'e', 'v'], ['GETEX', 'e', 'EX', '100']]);
    const after = Date.now();
    for (const k of ['a', 'b', 'c', 'd', 'e']) {
      const at = expireOf(k);
      assert.ok(at >= before + 100000 && at <= after + 100000, `${k}: ${at}`);
    }
  });
});

// Changes counted as Redis's server.dirty (rdb_changes_since_last_save), in order.
const DIRTY: [string[], number][] = [
  [['SET', 'a', '1'], 1], [['SET', 'a', '1', 'NX'], 0], [['SET', 'a', '2', 'XX', 'GET'], 1], [['SETNX', 'a', 'x'], 0], [['SETNX', 'b', 'x'], 1],
  [['SETEX', 'c', '100', 'v'], 1], [['PSETEX', 'c', '100000', 'v'], 1], [['GETSET', 'a', '3'], 1], [['GETDEL', 'a'], 1], [['GETDEL', 'a'], 0],
  [['GETEX', 'b'], 0], [['GETEX', 'b', 'EX', '100'], 1], [['GETEX', 'b', 'PERSIST'], 1], [['GETEX', 'b', 'PERSIST'], 0], [['GETEX', 'b', 'PXAT', '1'], 1],
  [['GETEX', 'nokey', 'EX', '1'], 0], [['MSET', 'a', '1', 'b', '2', 'c', '3'], 3], [['MSETNX', 'a', '1', 'd', '2'], 0], [['MSETNX', 'd', '1', 'e', '2'], 2],
  [['INCR', 'a'], 1], [['DECRBY', 'a', '5'], 1], [['INCRBY', 'x', 'abc'], 0], [['INCRBYFLOAT', 'a', '1.5'], 1], [['APPEND', 'a', 'x'], 1], [['APPEND', 'a', ''], 1],
  [['APPEND', 'new', ''], 1], [['SETRANGE', 'a', '0', 'y'], 1], [['SETRANGE', 'a', '0', ''], 0], [['SETRANGE', 'z', '0', ''], 0], [['SETRANGE', 'z', '3', 'q'], 1],
  [['MGET', 'a', 'b'], 0], [['LCS', 'a', 'b'], 0], [['GETRANGE', 'a', '0', '1'], 0], [['STRLEN', 'a'], 0],
];

test('Writes count changes as Redis counts server.dirty', async () => {
  fx.flush();
  const stats = fx.s.server.stats;
  for (const [cmd, n] of DIRTY) {
    const before = stats.dirty;
    await fx.c.call(...cmd);
    assert.equal(stats.dirty - before, n, cmd.join(' '));
  }
});

// keyspace_hits, keyspace_misses and expired_keys deltas, in order.
const STATS: [string[], [number, number, number]][] = [
  [['SET', 'a', '1'], [0, 0, 0]], [['GET', 'a'], [1, 0, 0]], [['GET', 'zz'], [0, 1, 0]], [['SET', 'a', '2', 'GET'], [1, 0, 0]], [['SET', 'q', '2', 'GET'], [0, 1, 0]],
  [['SETNX', 'a', 'x'], [0, 0, 0]], [['GETSET', 'a', '3'], [1, 0, 0]], [['GETSET', 'n1', '3'], [0, 1, 0]], [['GETDEL', 'a'], [1, 0, 0]], [['GETDEL', 'a'], [0, 1, 0]],
  [['GETEX', 'q'], [1, 0, 0]], [['GETEX', 'nokey'], [0, 1, 0]], [['MGET', 'q', 'nokey', 'q'], [2, 1, 0]], [['MSET', 'a', '1'], [0, 0, 0]], [['MSETNX', 'a', '1'], [0, 0, 0]],
  [['INCR', 'a'], [0, 0, 0]], [['INCR', 'new'], [0, 0, 0]], [['INCRBYFLOAT', 'a', '1'], [0, 0, 0]], [['APPEND', 'a', 'x'], [0, 0, 0]], [['SETRANGE', 'a', '0', 'y'], [0, 0, 0]],
  [['STRLEN', 'a'], [1, 0, 0]], [['STRLEN', 'nokey'], [0, 1, 0]], [['GETRANGE', 'a', '0', '1'], [1, 0, 0]], [['GETRANGE', 'nokey', '0', '1'], [0, 1, 0]],
  [['SUBSTR', 'a', '0', '1'], [1, 0, 0]], [['LCS', 'a', 'nokey'], [1, 1, 0]], [['LCS', 'a', 'a'], [2, 0, 0]],
  [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['MSET', 'e1', '2'], [0, 0, 0]], [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['MSETNX', 'e1', '2'], [0, 0, 1]],
  [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['SET', 'e1', 'v', 'KEEPTTL'], [0, 0, 1]], [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['INCR', 'e1'], [0, 0, 1]],
  [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['APPEND', 'e1', 'x'], [0, 0, 1]], [['SET', 'e1', 'v', 'PXAT', '1'], [0, 0, 0]], [['GET', 'e1'], [0, 1, 1]],
];

test('Lookups count keyspace hits, misses and expired keys as Redis does', async (t) => {
  fx.flush();
  // Only lazy expiry may count here: the active cycle would collect keys at random times.
  fx.s.server.setActiveExpire(false);
  t.after(() => fx.s.server.setActiveExpire(true));
  const st = fx.s.server.engine.stats;
  for (const [cmd, want] of STATS) {
    const before = [st.hits, st.misses, st.expiredKeys];
    await fx.c.call(...cmd);
    assert.deepEqual([st.hits - before[0]!, st.misses - before[1]!, st.expiredKeys - before[2]!], want, cmd.join(' '));
  }
});

test('Stored values read back after a failed write are unchanged', async () => {
  fx.flush();
  await run([['SET', 'k', 'abc', 'PXAT', '4102444800000'], ['INCR', 'k'], ['SETRANGE', 'k', '-1', 'x'], ['SET', 'k', 'v', 'EX', '0'], ['GETEX', 'k', 'EX', '0']]);
  assert.equal(await fx.c.call('GET', 'k'), '$3\r\nabc\r\n');
  assert.equal(expireOf('k'), 4102444800000);
  assert.equal(encodingOf('k'), 'embstr');
});
