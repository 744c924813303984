/**
 * One side of the embedded benchmark, in its own process so each RSS figure
 * is its own: fills a cache with N entries (16-byte keys, 128-byte values),
 * then times random gets and sets. Prints one JSON line.
 */
import { LRUCache } from 'lru-cache';
import { Cache } from '../../src/embedded/cache.js';
import { KeyIndex } from '../../src/engine/index/key-index.js';

interface Subject {
  get(k: string): unknown;
  set(k: string, v: Buffer): void;
}

const [impl = 'nencache', nArg = '1000000', opsArg = '2000000'] = process.argv.slice(2);
const n = Number(nArg);
const ops = Number(opsArg);
const value = Buffer.alloc(128, 0x61);
const keyOf = (i: number): string => `key:${String(i).padStart(12, '0')}`;

let sink = 0;

function make(): Subject {
  // The harness alone: builds the same keys and value Buffers and keeps none,
  // so its RSS growth is what the loop costs whichever cache it feeds.
  if (impl === 'none') return { get: (k) => void (sink += k.length), set: (k, v) => void (sink += k.length + v[0]!) };
  if (impl === 'lru-cache') {
    const c = new LRUCache<string, Buffer>({ max: n });
    return { get: (k) => c.get(k), set: (k, v) => void c.set(k, v) };
  }
  // Room for n entries: 151-byte items and the key table.
  const c = new Cache({ maxMemory: n * 151 + KeyIndex.bytesFor(n), policy: 'allkeys-lru' });
  return { get: (k) => c.get(k), set: (k, v) => void c.set(k, v) };
}

const rss0 = process.memoryUsage().rss;
const c = make();
const t0 = performance.now();
// lru-cache keeps the caller's Buffer; give each entry its own, as a real load would.
for (let i = 0; i < n; i++) c.set(keyOf(i), Buffer.from(value));
const fillS = (performance.now() - t0) / 1000;
const rss1 = process.memoryUsage().rss;
let seed = 12345;
const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
const t1 = performance.now();
let hits = 0;
for (let i = 0; i < ops; i++) if (c.get(keyOf(next())) !== undefined) hits++;
const getS = (performance.now() - t1) / 1000;
const t2 = performance.now();
for (let i = 0; i < ops; i++) c.set(keyOf(next()), value);
const setS = (performance.now() - t2) / 1000;
console.log(JSON.stringify({ impl, n, fillS, getOps: ops / getS, setOps: ops / setS, rssBytesPerEntry: (rss1 - rss0) / n, hits, sink }));
