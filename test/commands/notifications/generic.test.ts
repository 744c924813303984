// Keyspace events of the keyspace commands, expiry and eviction, as Redis 7.0.15 sends them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { EventProbe } from './probe.js';

describe('keyspace notifications: keys, expiry and eviction', () => {
  const clock = new FakeClock();
  let p: EventProbe;
  before(async () => {
    p = await EventProbe.start('KEA', clock);
  });
  after(() => p.stop());

  test('DEL and UNLINK send del per deleted key', async () => {
    await p.call('MSET', 'a', '1', 'b', '2');
    assert.deepEqual(await p.run(['DEL', 'a', 'nope', 'b'], ['UNLINK', 'a']), ['a del', 'b del']);
  });

  test('EXPIRE family sends expire, or del when the time is in the past; PERSIST sends persist', async () => {
    await p.call('SET', 'k', 'v');
    assert.deepEqual(await p.run(['EXPIRE', 'k', '100'], ['PEXPIRE', 'k', '100000', 'NX'], ['PERSIST', 'k'], ['PERSIST', 'k'], ['EXPIREAT', 'k', '1']), [
      'k expire', 'k persist', 'k del',
    ]);
    await p.call('SET', 'k', 'v');
    assert.deepEqual(await p.run(['PEXPIREAT', 'k', '1'], ['EXPIRE', 'k', '10']), ['k del']);
  });

  test('RENAME sends rename_from then rename_to; the same name sends nothing', async () => {
    await p.call('SET', 'src', 'v');
    assert.deepEqual(await p.run(['RENAME', 'src', 'dst'], ['RENAME', 'dst', 'dst'], ['RENAMENX', 'dst', 'src']), [
      'src rename_from', 'dst rename_to', 'dst rename_from', 'src rename_to',
    ]);
  });

  test('MOVE sends move_from in the source database and move_to in the target; COPY sends copy_to', async () => {
    await p.call('SET', 'mv', 'v');
    assert.deepEqual(await p.run(['MOVE', 'mv', '1'], ['COPY', 'src', 'cp'], ['COPY', 'src', 'cp'], ['COPY', 'src', 'cp', 'DB', '2']), [
      'mv move_from', '1:mv move_to', 'cp copy_to', '2:cp copy_to',
    ]);
  });

  test('with the n class, RENAME and COPY REPLACE onto an existing key send new as Redis re-adds it', async () => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEAn');
    try {
      await p.call('MSET', 'r1', '1', 'r2', '2');
      assert.deepEqual(await p.run(['RENAME', 'r1', 'r2'], ['COPY', 'r2', 'r3'], ['COPY', 'r2', 'r3', 'REPLACE']), [
        'r2 new', 'r1 rename_from', 'r2 rename_to', 'r3 new', 'r3 copy_to', 'r3 new', 'r3 copy_to',
      ]);
    } finally {
      await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
    }
  });

  test('FLUSHDB, FLUSHALL and SWAPDB send no key events', async () => {
    await p.call('SET', 'x', '1');
    assert.deepEqual(await p.run(['SWAPDB', '0', '1'], ['SWAPDB', '0', '1'], ['FLUSHDB'], ['FLUSHALL']), []);
  });

  test('a key read after its TTL passed sends expired (lazy expiry)', async () => {
    await p.call('SET', 'ttl', 'v', 'PX', '100');
    clock.advance(200);
    assert.deepEqual(await p.run(['GET', 'ttl']), ['ttl expired']);
  });

  test('the active expiry cycle sends expired for the keys it collects', async () => {
    await p.call('SET', 'ttl2', 'v', 'PX', '100');
    await p.call('SELECT', '3');
    await p.call('SET', 'ttl3', 'v', 'PX', '100');
    await p.call('SELECT', '0');
    clock.advance(200);
    // The server's own cron may get there first: either way each key sends expired once.
    p.server.server.engine.activeExpireCycle(1000);
    assert.deepEqual((await p.run()).sort(), ['3:ttl3 expired', 'ttl2 expired']);
  });

  test('the x and e classes alone send only expired and evicted', async () => {
    await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'Kx');
    try {
      await p.call('SET', 'ttl4', 'v', 'PX', '100');
      clock.advance(200);
      assert.deepEqual(await p.run(['SET', 'other', '1'], ['EXISTS', 'ttl4']), ['ttl4 expired']);
    } finally {
      await p.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
    }
  });

  test('eviction under maxmemory sends evicted for each evicted key', async () => {
    await p.call('FLUSHALL');
    for (let i = 0; i < 200; i++) await p.call('SET', `ev${i}`, 'x'.repeat(1000));
    await p.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-random');
    try {
      const events = await p.run(['CONFIG', 'SET', 'maxmemory', '100000'], ['SET', 'trigger', '1']);
      // The subscriber's unread events count as client memory: more keys may
      // go before the limit is lifted, and their events come after the marker.
      const late = await p.run(['CONFIG', 'SET', 'maxmemory', '0']);
      const evicted = [...events, ...late].filter((e) => e.endsWith(' evicted'));
      assert.ok(evicted.length > 50, `evicted events: ${evicted.length}`);
      assert.equal(Number(await p.call('DBSIZE')), 201 - evicted.length);
      assert.deepEqual(events.filter((e) => !e.endsWith(' evicted')), ['trigger set']);
      assert.deepEqual(late.filter((e) => !e.endsWith(' evicted')), []);
    } finally {
      await p.call('CONFIG', 'SET', 'maxmemory', '0');
      await p.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    }
  });
  test('SORT STORE sends sortstore, or del when the result is empty; RESTORE sends restore, or del when REPLACE meets a past TTL', async () => {
    await p.call('RPUSH', 'sl', '3', '1', '2');
    assert.deepEqual(await p.run(['SORT', 'sl', 'STORE', 'sd'], ['SORT', 'nokey', 'STORE', 'sd'], ['SORT', 'nokey', 'STORE', 'sd']), ['sd sortstore', 'sd del']);
    await p.call('SET', 'rs', 'v');
    const payload = ((await p.call('DUMP', 'rs')) as Buffer).toString('latin1');
    assert.deepEqual(await p.run(['RESTORE', 'rr', '0', payload], ['RESTORE', 'rr', '0', payload, 'REPLACE'], ['RESTORE', 'rr', '1', payload, 'REPLACE', 'ABSTTL']), [
      'rr restore', 'rr restore', 'rr del',
    ]);
  });
});
