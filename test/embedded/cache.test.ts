// The embedded Cache: the engine in process, on a FakeClock (no sleeping).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Cache, CacheFullError } from '../../src/embedded/cache.js';
import { FakeClock } from '../../src/engine/clock.js';

const T0 = 1_700_000_000_000;

describe('Cache', () => {
  test('get, set, delete and has on string and byte keys, empty and binary values', () => {
    const c = new Cache({ maxMemory: 0 });
    assert.equal(c.get('a'), undefined);
    c.set('a', 'one').set(Buffer.from([0, 255, 10]), new Uint8Array([1, 2, 3]));
    assert.equal(c.getString('a'), 'one');
    assert.deepEqual([...c.get(Buffer.from([0, 255, 10]))!], [1, 2, 3]);
    c.set('empty', '');
    assert.equal(c.getString('empty'), '');
    assert.ok(c.has('empty'));
    assert.equal(c.delete('a'), true);
    assert.equal(c.delete('a'), false);
    assert.equal(c.has('a'), false);
    assert.equal(c.size, 2);
  });

  test('unicode keys are stored as UTF-8 and values read back are copies', () => {
    const c = new Cache({ maxMemory: '1mb' });
    c.set('ключ🔑', 'värde');
    const v = c.get('ключ🔑')!;
    assert.equal(v.toString(), 'värde');
    c.set('ключ🔑', 'other value');
    assert.equal(v.toString(), 'värde', 'an earlier read is not changed by a later write');
    assert.equal(c.get(Buffer.from('ключ🔑'))!.toString(), 'other value');
  });

  test('huge values (over the 16 KiB chunk) round-trip', () => {
    const c = new Cache({ maxMemory: 0 });
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    c.set('big', big);
    assert.ok(c.get('big')!.equals(big));
  });

  test('JSON helpers', () => {
    const c = new Cache({ maxMemory: 0 });
    c.setJson('j', { a: [1, 2], b: 'x' });
    assert.deepEqual(c.getJson('j'), { a: [1, 2], b: 'x' });
    assert.equal(c.getJson('missing'), undefined);
  });

  test('ttl, expire and expiry on a fake clock', () => {
    const clock = new FakeClock(T0);
    const c = new Cache({ maxMemory: 0, clock });
    c.set('k', 'v', { ttl: 100 });
    c.set('p', 'v');
    assert.equal(c.ttl('k'), 100);
    assert.equal(c.ttl('p'), -1);
    assert.equal(c.ttl('none'), -2);
    clock.advance(99);
    assert.equal(c.getString('k'), 'v');
    clock.advance(1);
    assert.equal(c.get('k'), undefined);
    assert.equal(c.has('k'), false);
    assert.equal(c.stats().expirations, 1);
    assert.equal(c.expire('p', 50), true);
    assert.equal(c.expire('none', 50), false);
    clock.advance(50);
    assert.equal(c.has('p'), false);
    c.set('q', 'v', { ttl: 10 });
    assert.equal(c.expire('q', 0), true, 'expire(0) removes the TTL');
    clock.advance(1000);
    assert.equal(c.getString('q'), 'v');
    assert.throws(() => c.set('x', 'v', { ttl: 0 }), RangeError);
    assert.throws(() => c.set('x', 'v', { ttl: -5 }), RangeError);
  });

  test('setting a key again clears its TTL, as SET does', () => {
    const clock = new FakeClock(T0);
    const c = new Cache({ maxMemory: 0, clock });
    c.set('k', 'v', { ttl: 10 });
    c.set('k', 'w');
    assert.equal(c.ttl('k'), -1);
  });

  test('getMany, setMany and the iterators', () => {
    const c = new Cache({ maxMemory: 0 });
    c.setMany([['a', '1'], ['b', '2'], ['c', '3']]);
    assert.deepEqual(c.getMany(['a', 'zz', 'c']).map((v) => v?.toString()), ['1', undefined, '3']);
    assert.deepEqual([...c.keys()].map(String).sort(), ['a', 'b', 'c']);
    assert.deepEqual([...c.values()].map(String).sort(), ['1', '2', '3']);
    assert.deepEqual(new Map([...c.entries()].map(([k, v]) => [k.toString(), v.toString()])), new Map([['a', '1'], ['b', '2'], ['c', '3']]));
    assert.equal([...c].length, 3);
    c.clear();
    assert.equal(c.size, 0);
    assert.deepEqual([...c.keys()], []);
  });

  test('iterating 10 000 entries yields each once even while deleting the ones seen', () => {
    const c = new Cache({ maxMemory: 0 });
    for (let i = 0; i < 10_000; i++) c.set(`k${i}`, 'v');
    const seen = new Set<string>();
    for (const k of c.keys()) {
      seen.add(k.toString());
      c.delete(k);
    }
    assert.equal(seen.size, 10_000);
    assert.equal(c.size, 0);
  });

  test('stats count hits, misses and evictions; memory stays under maxMemory', () => {
    const evicted: string[] = [];
    const c = new Cache({ maxMemory: 200_000, policy: 'allkeys-lru', onEvict: (k, v) => evicted.push(`${k}=${v.length}`) });
    for (let i = 0; i < 10_000; i++) {
      c.set(`key:${i}`, Buffer.alloc(100, 1));
      assert.ok(c.stats().memory <= 200_000, `memory ${c.stats().memory} after ${i + 1} sets`);
    }
    c.get('key:9999');
    c.get('nope');
    const s = c.stats();
    assert.equal(s.hits, 1);
    assert.equal(s.misses, 1);
    assert.ok(s.evictions > 5000, `${s.evictions} evictions`);
    assert.equal(evicted.length, s.evictions);
    assert.ok(evicted.every((e) => /^key:\d+=100$/.test(e)));
    assert.equal(s.size + s.evictions, 10_000);
  });

  test('noeviction refuses writes when full and keeps what it has', () => {
    const c = new Cache({ maxMemory: 50_000, policy: 'noeviction' });
    let stored = 0;
    assert.throws(() => {
      for (;;) {
        c.set(`k${stored}`, Buffer.alloc(100));
        stored++;
      }
    }, CacheFullError);
    assert.ok(stored > 100);
    assert.equal(c.getString('k0')!.length, 100);
    c.delete('k0');
    c.delete('k1');
    c.set('again', 'fits after deletes');
  });

  test('options are checked', () => {
    assert.throws(() => new Cache(undefined as never), TypeError);
    assert.throws(() => new Cache({} as never), TypeError);
    assert.throws(() => new Cache({ maxMemory: -1 }), RangeError);
    assert.throws(() => new Cache({ maxMemory: '12 parsecs' }), RangeError);
    assert.throws(() => new Cache({ maxMemory: 1, policy: 'lru' as never }), RangeError);
    assert.equal(new Cache({ maxMemory: '1kb' }).stats().maxMemory, 1024);
  });
});

describe('Cache against a reference model (fast-check)', () => {
  type Op =
    | { op: 'set'; k: number; v: number; ttl: number }
    | { op: 'get' | 'del' | 'has' | 'ttl'; k: number }
    | { op: 'expire'; k: number; ttl: number }
    | { op: 'tick'; ms: number };
  const key = fc.integer({ min: 0, max: 30 });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), k: key, v: fc.integer({ min: 0, max: 20_000 }), ttl: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })) }),
    fc.record({ op: fc.constantFrom('get' as const, 'del' as const, 'has' as const, 'ttl' as const), k: key }),
    fc.record({ op: fc.constant('expire' as const), k: key, ttl: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 20 }) }),
  );
  const valueOf = (k: number, n: number): Buffer => Buffer.alloc(n, (k * 7 + n) & 255);

  test('the visible state matches a Map with expiry times, and nothing is evicted under maxMemory', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const clock = new FakeClock(T0);
        // Far above what 31 keys of <= 20 KB can use: eviction must never happen.
        const c = new Cache({ maxMemory: '64mb', policy: 'allkeys-adaptive', clock });
        const model = new Map<number, { len: number; at: number }>();
        const live = (k: number) => {
          const e = model.get(k);
          if (e !== undefined && e.at !== 0 && e.at <= clock.now()) model.delete(k);
          return model.get(k);
        };
        for (const o of ops) {
          if (o.op === 'tick') {
            clock.advance(o.ms);
            continue;
          }
          const name = `key-${o.k}`;
          const m = live(o.k);
          switch (o.op) {
            case 'set':
              c.set(name, valueOf(o.k, o.v), o.ttl > 0 ? { ttl: o.ttl } : undefined);
              model.set(o.k, { len: o.v, at: o.ttl > 0 ? clock.now() + o.ttl : 0 });
              break;
            case 'get': {
              const v = c.get(name);
              if (m === undefined) assert.equal(v, undefined);
              else assert.ok(v !== undefined && v.equals(valueOf(o.k, m.len)));
              break;
            }
            case 'del':
              assert.equal(c.delete(name), m !== undefined);
              model.delete(o.k);
              break;
            case 'has':
              assert.equal(c.has(name), m !== undefined);
              break;
            case 'ttl':
              assert.equal(c.ttl(name), m === undefined ? -2 : m.at === 0 ? -1 : m.at - clock.now());
              break;
            case 'expire':
              assert.equal(c.expire(name, o.ttl), m !== undefined);
              if (m !== undefined) m.at = o.ttl === 0 ? 0 : clock.now() + o.ttl;
              break;
          }
        }
        for (const k of [...model.keys()]) live(k);
        const keys = [...c.keys()].map(String).sort();
        assert.deepEqual(keys, [...model.keys()].map((k) => `key-${k}`).sort());
        assert.equal(c.stats().evictions, 0);
      }),
      { numRuns: 300 },
    );
  });
});
