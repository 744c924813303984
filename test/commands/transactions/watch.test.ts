// WATCH, UNWATCH — optimistic locking as Redis 7.0.15 does it (each case checked against redis-server).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../src/engine/clock.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { Wire } from '../server/wire.js';

const NIL = '*-1\r\n';
const PONG = '*1\r\n+PONG\r\n';

describe('WATCH / UNWATCH', () => {
  let s: TestServer;
  let clock: FakeClock;
  let a: Wire;
  let b: Wire;
  /** MULTI, PING, EXEC on `a`: PONG when the transaction ran, NIL when a watched key changed. */
  const tx = async (): Promise<string> => {
    assert.equal(await a.call('MULTI'), '+OK\r\n');
    assert.equal(await a.call('PING'), '+QUEUED\r\n');
    return a.call('EXEC');
  };
  const advance = (ms: number): void => {
    clock.advance(ms);
    s.server.engine.refreshClock();
  };

  before(async () => {
    clock = new FakeClock();
    s = await startServer([], clock);
    s.server.setActiveExpire(false);
    a = await Wire.connect(s.port);
    b = await Wire.connect(s.port);
  });
  after(async () => {
    a.close();
    b.close();
    await s.stop();
  });
  beforeEach(async () => {
    await a.call('FLUSHALL');
    await a.call('SELECT', '0');
    await b.call('SELECT', '0');
  });

  test('a write by another client fails EXEC, and the key is no longer watched after EXEC', async () => {
    await a.call('SET', 'w', '1');
    assert.equal(await a.call('WATCH', 'w'), '+OK\r\n');
    await b.call('SET', 'w', '2');
    assert.equal(await tx(), NIL);
    // The watch is gone after EXEC.
    assert.equal(await tx(), PONG);
  });

  test('the watcher itself writing the key before MULTI fails EXEC', async () => {
    assert.equal(await a.call('WATCH', 'w'), '+OK\r\n');
    await a.call('SET', 'w', '1');
    assert.equal(await tx(), NIL);
  });

  test('EXEC answers the RESP3 null to a RESP3 client', async () => {
    await a.call('HELLO', '3');
    await a.call('WATCH', 'w');
    await b.call('SET', 'w', '1');
    assert.equal(await tx(), '_\r\n');
    await a.call('HELLO', '2');
  });

  test('commands that change nothing do not touch the watched key', async () => {
    await a.call('SET', 'p', '1');
    await a.call('WATCH', 'p', 'none');
    await b.call('DEL', 'none');
    await b.call('EXPIRE', 'none', '10');
    await b.call('PERSIST', 'p');
    await b.call('SETRANGE', 'p', '0', '');
    await b.call('SET', 'p', '1', 'NX');
    await b.call('GET', 'p');
    await b.call('GETEX', 'p');
    assert.equal(await tx(), PONG);
  });

  test('APPEND of nothing, EXPIRE, DEL, RENAME and MOVE touch the key', async () => {
    for (const cmd of [['APPEND', 'p', ''], ['EXPIRE', 'p', '100'], ['DEL', 'p'], ['RENAME', 'p', 'q'], ['MOVE', 'p', '1']]) {
      await a.call('FLUSHALL');
      await a.call('SET', 'p', '1');
      await a.call('WATCH', 'p');
      await b.call(...cmd);
      assert.equal(await tx(), NIL, cmd.join(' '));
    }
  });

  test('a write to the same key in another database does not touch it; WATCH is per database', async () => {
    await a.call('WATCH', 'w');
    await b.call('SELECT', '1');
    await b.call('SET', 'w', '2');
    assert.equal(await tx(), PONG);
    await a.call('SELECT', '1');
    await a.call('WATCH', 'w');
    await a.call('SELECT', '0');
    await b.call('INCR', 'w');
    assert.equal(await tx(), NIL);
  });

  test('UNWATCH forgets the keys, and also a change already seen', async () => {
    await a.call('WATCH', 'w');
    await b.call('SET', 'w', '1');
    assert.equal(await a.call('UNWATCH'), '+OK\r\n');
    assert.equal(await tx(), PONG);
    assert.equal(await a.call('MULTI'), '+OK\r\n');
    assert.equal(await a.call('UNWATCH'), '+QUEUED\r\n');
    assert.equal(await a.call('EXEC'), '*1\r\n+OK\r\n');
  });

  test('DISCARD forgets the watched keys', async () => {
    await a.call('WATCH', 'w');
    await a.call('MULTI');
    await a.call('DISCARD');
    await b.call('SET', 'w', '1');
    assert.equal(await tx(), PONG);
  });

  test('FLUSHDB and FLUSHALL fail EXEC only when the watched key was there', async () => {
    await a.call('WATCH', 'nokey');
    await b.call('FLUSHDB');
    assert.equal(await tx(), PONG);
    await a.call('WATCH', 'nokey');
    await b.call('FLUSHALL');
    assert.equal(await tx(), PONG);
    await a.call('SET', 'ex', '1');
    await a.call('WATCH', 'ex');
    await b.call('FLUSHDB');
    assert.equal(await tx(), NIL);
    await a.call('SET', 'ex', '1');
    await a.call('WATCH', 'ex');
    await b.call('FLUSHALL');
    assert.equal(await tx(), NIL);
  });

  test('SWAPDB fails EXEC when the watched key exists on either side', async () => {
    await a.call('WATCH', 's');
    await b.call('SWAPDB', '0', '1');
    assert.equal(await tx(), PONG);
    await b.call('SELECT', '1');
    await b.call('SET', 's', '1');
    await a.call('WATCH', 's');
    await b.call('SWAPDB', '0', '1');
    assert.equal(await tx(), NIL);
    await a.call('WATCH', 's');
    await b.call('SWAPDB', '2', '3');
    assert.equal(await tx(), PONG);
    // The watch stays with database 0 after a swap: a write to the contents now there counts.
    await a.call('WATCH', 's');
    await b.call('SWAPDB', '5', '6');
    await b.call('SELECT', '0');
    await b.call('SET', 's', '2');
    assert.equal(await tx(), NIL);
  });

  test('a watched key that expires before EXEC fails EXEC, whether or not it was collected', async () => {
    await a.call('SET', 'k', '1', 'PX', '100');
    await a.call('WATCH', 'k');
    advance(200);
    assert.equal(await tx(), NIL);
    await a.call('SET', 'k', '1', 'PX', '100');
    await a.call('WATCH', 'k');
    advance(200);
    assert.equal(await b.call('GET', 'k'), '$-1\r\n');
    assert.equal(await tx(), NIL);
  });

  test('a key already expired when watched: deleting it is no change, writing it is', async () => {
    for (const [cmd, want] of [[null, PONG], [['GET', 'k'], PONG], [['DEL', 'k'], PONG], [['FLUSHDB'], PONG], [['SET', 'k', '2'], NIL]] as const) {
      await a.call('SET', 'k', '1', 'PX', '50');
      advance(100);
      await a.call('WATCH', 'k');
      if (cmd !== null) await b.call(...cmd);
      assert.equal(await tx(), want, String(cmd));
    }
  });

  test('the registry is emptied when clients unwatch, exec, reset or disconnect', async () => {
    const c = await Wire.connect(s.port);
    await c.call('WATCH', 'x', 'y', 'y');
    await a.call('WATCH', 'x');
    assert.equal(s.server.engine.dbs[0]!.watchedKeys, 3);
    await c.call('RESET');
    assert.equal(s.server.engine.dbs[0]!.watchedKeys, 1);
    await c.call('WATCH', 'z');
    c.close();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(s.server.engine.dbs[0]!.watchedKeys, 1);
    assert.equal(await tx(), PONG);
    assert.equal(s.server.engine.dbs[0]!.watchedKeys, 0);
    assert.equal(s.server.watches.size, 0);
  });

  test('CLIENT LIST shows flag d once a watched key changed', async () => {
    await a.call('WATCH', 'w');
    await b.call('SET', 'w', '1');
    assert.match(await a.call('CLIENT', 'INFO'), / flags=d /);
    await a.call('UNWATCH');
  });
});
