// Unit tests of the keyspace (Database) and the Engine's database-level
// operations, on a FakeClock: time only moves when a test moves it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/engine/clock.js';
import { Engine } from '../../src/engine/engine.js';
import { lruClock, type Database } from '../../src/engine/keyspace.js';
import { Encoding, KeyType, NO_KEY } from '../../src/engine/status.js';
import { putString } from '../../src/engine/types/string.js';

const T0 = 1_700_000_000_000;

function setup(databases = 4): { engine: Engine; clock: FakeClock; db: Database } {
  const clock = new FakeClock(T0);
  const engine = new Engine({ databases, clock });
  return { engine, clock, db: engine.dbs[0]! };
}

function put(db: Database, key: string, value = 'v'): number {
  const b = Buffer.from(value, 'latin1');
  return putString(db, key, b, 0, b.length);
}

function value(db: Database, key: string): string | null {
  const slot = db.peek(key);
  if (slot === NO_KEY) return null;
  const v = db.stringValue(slot);
  return typeof v === 'object' ? v.toString('latin1') : String(v);
}

/** Every key of a database, by a full scan with the given COUNT. */
function scanAll(db: Database, count = 10): string[] {
  const out: string[] = [];
  let cursor = 0;
  do cursor = db.scan(cursor, count, (slot) => out.push(db.keyName(slot)));
  while (cursor !== 0);
  return out;
}

describe('Database: lazy expiry', () => {
  test('a lookup after the expiry time removes the key and counts it as expired', () => {
    const { engine, clock, db } = setup();
    db.setExpire(put(db, 'k'), T0 + 100);
    assert.equal(db.volatileCount, 1);
    clock.advance(99);
    assert.notEqual(db.lookupRead('k'), NO_KEY);
    clock.advance(1);
    assert.equal(db.size, 1, 'still stored until someone looks');
    assert.equal(db.lookupRead('k'), NO_KEY);
    assert.equal(db.size, 0);
    assert.equal(db.volatileCount, 0);
    assert.equal(engine.stats.expiredKeys, 1);
    assert.equal(engine.stats.misses, 1);
    assert.equal(engine.stats.hits, 1);
  });

  test('lookupWrite expires lazily without counting hits or misses', () => {
    const { engine, clock, db } = setup();
    db.setExpire(put(db, 'k'), T0 + 10);
    clock.advance(10);
    assert.equal(db.lookupWrite('k'), NO_KEY);
    assert.equal(engine.stats.expiredKeys, 1);
    assert.equal(engine.stats.hits + engine.stats.misses, 0);
  });

  test('peek hides an expired key but does not remove it', () => {
    const { engine, clock, db } = setup();
    db.setExpire(put(db, 'k'), T0 + 10);
    clock.advance(20);
    assert.equal(db.peek('k'), NO_KEY);
    assert.equal(db.size, 1);
    assert.equal(engine.stats.expiredKeys, 0);
  });

  test('delete of an expired key reports false and removes it', () => {
    const { clock, db } = setup();
    db.setExpire(put(db, 'k'), T0 + 10);
    clock.advance(10);
    assert.equal(db.delete('k'), false);
    assert.equal(db.size, 0);
  });

  test('overwriting clears the TTL unless keepTtl, and an expired TTL is never kept', () => {
    const { clock, db } = setup();
    db.setExpire(put(db, 'a'), T0 + 1000);
    put(db, 'a', 'new');
    assert.equal(db.expireAt(db.peek('a')), 0);
    db.setExpire(db.peek('a'), T0 + 1000);
    const b = Buffer.from('kept');
    db.put('a', KeyType.STRING, Encoding.EMBSTR, b, true);
    assert.equal(db.expireAt(db.peek('a')), T0 + 1000);
    assert.equal(db.volatileCount, 1);
    clock.advance(2000);
    db.put('a', KeyType.STRING, Encoding.EMBSTR, b, true);
    assert.equal(db.expireAt(db.peek('a')), 0);
    assert.equal(db.volatileCount, 0);
  });
});

describe('Database: access time', () => {
  test('reads and write lookups update the access time; lookupRead without touch and peek do not', () => {
    const { engine, clock, db } = setup();
    put(db, 'k');
    const t0 = db.accessTime(db.peek('k'));
    assert.equal(t0, lruClock(T0));
    clock.advance(5000);
    engine.refreshClock();
    db.lookupRead('k', false);
    db.peek('k');
    assert.equal(db.accessTime(db.peek('k')), t0);
    db.lookupWrite('k');
    assert.equal(db.accessTime(db.peek('k')), t0 + 5);
    clock.advance(3000);
    engine.refreshClock();
    db.lookupRead('k');
    assert.equal(db.accessTime(db.peek('k')), t0 + 8);
  });
});

describe('Engine: active expiry', () => {
  test('a cycle removes expired keys nobody reads', () => {
    const { engine, clock } = setup();
    const db = engine.dbs[2]!;
    for (let i = 0; i < 100; i++) {
      const slot = put(db, `k${i}`);
      if (i % 2 === 0) db.setExpire(slot, T0 + 50);
    }
    engine.activeExpireCycle();
    assert.equal(db.size, 100, 'nothing has expired yet');
    clock.advance(50);
    engine.activeExpireCycle();
    assert.equal(db.size, 50);
    assert.equal(db.volatileCount, 0);
    assert.equal(engine.stats.expiredKeys, 50);
    assert.equal(value(db, 'k1'), 'v');
  });

  test('a cycle with a tiny budget returns early and later cycles continue', () => {
    const { engine, clock, db } = setup(1);
    const n = 50_000;
    for (let i = 0; i < n; i++) db.setExpire(put(db, `key:${i}`), T0 + 10);
    clock.advance(10);
    engine.activeExpireCycle(0);
    const afterFirst = db.size;
    assert.ok(afterFirst < n, 'the first cycle expired some keys');
    assert.ok(afterFirst > 0, 'the first cycle stopped at its budget');
    let cycles = 1;
    while (db.size > 0 && cycles < 10_000) {
      engine.activeExpireCycle(0);
      cycles++;
    }
    assert.equal(db.size, 0);
    assert.ok(cycles > 1);
    assert.equal(engine.stats.expiredKeys, n);
  });

  test('the cycle moves on to the other databases', () => {
    const { engine, clock } = setup(3);
    for (const db of engine.dbs) db.setExpire(put(db, 'k'), T0 + 1);
    clock.advance(1);
    engine.activeExpireCycle(1000);
    assert.equal(engine.totalKeys(), 0);
  });
});

describe('Database: key handles', () => {
  test('a handle names its key until the next write, and the table shrinks when keys go', () => {
    const { db } = setup();
    for (let i = 0; i < 1000; i++) put(db, `k${i}`);
    const big = db.slotLimit;
    const h = db.peek('k3');
    assert.equal(db.keyName(h), 'k3');
    for (let i = 0; i < 1000; i++) if (i !== 3) db.delete(`k${i}`);
    assert.equal(db.size, 1);
    assert.ok(db.slotLimit < big, 'the key table shrank');
    assert.equal(db.keyName(db.peek('k3')), 'k3');
    assert.equal(value(db, 'k3'), 'v');
  });

  test('randomSlot returns NO_KEY on an empty database and the only key of a sparse one', () => {
    const { db } = setup();
    assert.equal(db.randomSlot(), NO_KEY);
    for (let i = 0; i < 20_000; i++) put(db, `k${i}`);
    for (let i = 0; i < 20_000; i++) if (i !== 12_345) db.delete(`k${i}`);
    for (let i = 0; i < 20; i++) assert.equal(db.keyName(db.randomSlot()), 'k12345');
  });

  test('randomSlot never returns an expired key', () => {
    const { clock, db } = setup();
    for (let i = 0; i < 1000; i++) {
      const slot = put(db, `k${i}`);
      if (i !== 7) db.setExpire(slot, T0 + 5);
    }
    clock.advance(5);
    for (let i = 0; i < 20; i++) assert.equal(db.keyName(db.randomSlot()), 'k7');
    for (let i = 0; i < 1000; i++) if (i !== 7) db.setExpire(put(db, `k${i}`), T0 + 6);
    db.delete('k7');
    clock.advance(1);
    assert.equal(db.randomSlot(), NO_KEY);
  });
});

describe('Database: scan', () => {
  test('a full scan returns every key once', () => {
    const { db } = setup();
    for (let i = 0; i < 1000; i++) put(db, `k${i}`);
    for (const count of [1, 7, 100, 5000]) {
      const keys = scanAll(db, count);
      assert.equal(keys.length, 1000);
      assert.equal(new Set(keys).size, 1000);
    }
  });

  test('scan of an empty database ends at once', () => {
    const { db } = setup();
    let visited = 0;
    assert.equal(db.scan(0, 10, () => visited++), 0);
    assert.equal(visited, 0);
  });

  test('scan collects expired keys instead of visiting them', () => {
    const { engine, clock, db } = setup();
    for (let i = 0; i < 100; i++) {
      const slot = put(db, `k${i}`);
      if (i >= 90) db.setExpire(slot, T0 + 1);
    }
    clock.advance(1);
    assert.equal(scanAll(db).length, 90);
    assert.equal(db.size, 90);
    assert.equal(engine.stats.expiredKeys, 10);
  });

  test('a key present for the whole iteration is returned while others are added and deleted', () => {
    const { db } = setup();
    for (let i = 0; i < 500; i++) put(db, `stable:${i}`);
    const churn: string[] = [];
    for (let i = 0; i < 500; i++) {
      churn.push(`churn:${i}`);
      put(db, `churn:${i}`);
    }
    let seed = 42;
    let next = 0;
    const seen = new Set<string>();
    let cursor = 0;
    let calls = 0;
    do {
      cursor = db.scan(cursor, 5, (slot) => seen.add(db.keyName(slot)));
      calls++;
      // Delete 8 random churn keys and add 8 new ones (reusing freed slots).
      for (let j = 0; j < 8; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const [gone] = churn.splice(seed % churn.length, 1);
        assert.ok(db.delete(gone!));
        const k = `new:${next++}`;
        churn.push(k);
        put(db, k);
      }
    } while (cursor !== 0 && calls < 100_000);
    assert.equal(cursor, 0, 'the scan finished');
    for (let i = 0; i < 500; i++) assert.ok(seen.has(`stable:${i}`), `stable:${i}`);
    assert.ok(calls > 20);
  });

  test('a cursor past the end finishes the iteration', () => {
    const { db } = setup();
    put(db, 'a');
    let visited = 0;
    assert.equal(db.scan(Number.MAX_SAFE_INTEGER, 10, () => visited++), 0);
    assert.equal(visited, 0);
  });
});

describe('Engine: swap and flushAll', () => {
  test('swap exchanges the contents of two databases, TTLs included', () => {
    const { engine } = setup();
    const a = engine.dbs[0]!;
    a.setExpire(put(a, 'x', 'in0'), T0 + 1000);
    put(engine.dbs[1]!, 'y', 'in1');
    engine.swap(0, 1);
    assert.equal(value(engine.dbs[1]!, 'x'), 'in0');
    assert.equal(engine.dbs[1]!.expireAt(engine.dbs[1]!.peek('x')), T0 + 1000);
    assert.equal(value(engine.dbs[0]!, 'y'), 'in1');
    assert.equal(value(engine.dbs[0]!, 'x'), null);
    engine.swap(2, 2);
    assert.equal(engine.totalKeys(), 2);
  });

  test('flushAll empties every database and returns the number of keys removed', () => {
    const { engine, clock } = setup();
    put(engine.dbs[0]!, 'a');
    put(engine.dbs[0]!, 'b');
    const c = engine.dbs[3]!;
    c.setExpire(put(c, 'c'), T0 + 1);
    clock.advance(5);
    // An expired key not yet collected still counts, as in Redis.
    assert.equal(engine.flushAll(), 3);
    assert.equal(engine.totalKeys(), 0);
    assert.equal(c.volatileCount, 0);
    assert.equal(c.usedMemory, c.slotLimit * 6, 'only the empty key table is left');
    put(c, 'again');
    assert.equal(value(c, 'again'), 'v');
  });

  test('clear empties one database only', () => {
    const { engine } = setup();
    put(engine.dbs[0]!, 'a');
    put(engine.dbs[1]!, 'b');
    engine.dbs[0]!.clear();
    assert.equal(engine.dbs[0]!.size, 0);
    assert.equal(engine.dbs[1]!.size, 1);
  });
});

test('a write after clear() does not reuse a slot remembered from a lookup before it', () => {
  const engine = new Engine({ clock: new FakeClock() });
  const db = engine.dbs[0]!;
  const k = (s: string): Buffer => Buffer.from(s, 'latin1');
  for (let i = 0; i < 100; i++) db.putBytesAt(k(`key:${i}`), 0, `key:${i}`.length, Encoding.EMBSTR, k('v'), 0, 1);
  assert.notEqual(db.lookupWrite('key:99'), -1);
  engine.flushAll();
  db.putBytesAt(k('key:0'), 0, 5, Encoding.EMBSTR, k('a'), 0, 1);
  db.putBytesAt(k('key:1'), 0, 5, Encoding.EMBSTR, k('b'), 0, 1);
  assert.equal(db.size, 2);
  assert.equal(String(db.stringValue(db.lookupWrite('key:0'))), 'a');
  assert.equal(String(db.stringValue(db.lookupWrite('key:1'))), 'b');
});

test('a value rewritten in place or from a view of itself keeps the right bytes', () => {
  const engine = new Engine({ clock: new FakeClock() });
  const db = engine.dbs[0]!;
  const k = Buffer.from('k');
  db.putBytesAt(k, 0, 1, Encoding.EMBSTR, Buffer.from('abcdefghij'), 0, 10);
  db.putBytesAt(k, 0, 1, Encoding.EMBSTR, Buffer.from('ABCDEFGHIJ'), 0, 10);
  assert.equal(String(db.stringValue(db.lookupWrite('k'))), 'ABCDEFGHIJ');
  const own = db.stringValue(db.lookupWrite('k')) as Buffer;
  db.putBytesAt(k, 0, 1, Encoding.EMBSTR, own, 2, 10);
  assert.equal(String(db.stringValue(db.lookupWrite('k'))), 'CDEFGHIJ');
  const mem = db.stringRef(db.lookupWrite('k'))!;
  db.putBytesAt(k, 0, 1, Encoding.EMBSTR, mem, db.refStart, db.refEnd);
  assert.equal(String(db.stringValue(db.lookupWrite('k'))), 'CDEFGHIJ');
  db.putBytesAt(k, 0, 1, Encoding.RAW, Buffer.alloc(300, 120), 0, 300);
  assert.equal(String(db.stringValue(db.lookupWrite('k'))), 'x'.repeat(300));
});

test('setInt turns a stored string into an int in place and keeps its TTL', () => {
  const engine = new Engine({ clock: new FakeClock(T0) });
  const db = engine.dbs[0]!;
  const k = Buffer.from('counter');
  const slot = db.putBytesAt(k, 0, k.length, Encoding.EMBSTR, Buffer.from('41'), 0, 2);
  db.setExpire(slot, T0 + 5000);
  db.setInt(slot, 42);
  const again = db.lookupWrite('counter');
  assert.equal(again, slot);
  assert.equal(db.encoding(again), Encoding.INT);
  assert.equal(db.stringValue(again), 42);
  assert.equal(db.expireAt(again), T0 + 5000);
  assert.equal(db.keyName(again), 'counter');
});
