/**
 * Disk-tier throughput and event-loop stalls through a real server: SET of
 * 8 MiB values far over maxmemory (so they are written to the disk tier),
 * then GET of every one (read back from disk), while a 1 ms interval probe
 * and monitorEventLoopDelay record the longest stall. Compare with dd on the
 * same directory. Usage: node dist/bench/tier/disk.js <dir> [total MiB]
 */
import fs from 'node:fs';
import net from 'node:net';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../../test/helpers/server.js';

/**
 * A lean RESP client for the worker: replies are counted, not gathered
 * (RawClient concatenates every chunk, quadratic on 8 MiB replies, and that
 * CPU competed with the server on a 2-core machine).
 */
class LeanClient {
  private need = 0;
  private head = '';
  private done: (n: number) => void = () => {};
  private got = -1;
  private constructor(private readonly s: net.Socket) {
    s.on('data', (c: Buffer) => this.feed(c));
  }
  static connect(port: number): Promise<LeanClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(new LeanClient(s)));
      s.once('error', reject);
    });
  }
  private feed(c: Buffer): void {
    let i = 0;
    while (i < c.length) {
      if (this.got < 0) {
        const nl = c.indexOf(10, i);
        if (nl < 0) {
          this.head += c.toString('latin1', i);
          return;
        }
        this.head += c.toString('latin1', i, nl + 1);
        i = nl + 1;
        const line = this.head;
        this.head = '';
        if (line[0] === '-') console.error('reply: ' + line.trim());
        if (line[0] !== '$') return this.finish(line[0] === '+' ? 0 : -1);
        this.need = Number(line.slice(1, -2)) + 2;
        this.got = 0;
      }
      const take = Math.min(this.need - this.got, c.length - i);
      this.got += take;
      i += take;
      if (this.got === this.need) this.finish(this.need - 2);
    }
  }
  private finish(n: number): void {
    this.got = -1;
    this.done(n);
  }
  set(key: string, v: Buffer): Promise<number> {
    return new Promise((r) => {
      this.done = r;
      this.s.cork();
      this.s.write(`*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${v.length}\r\n`);
      this.s.write(v);
      this.s.write('\r\n');
      this.s.uncork();
    });
  }
  get(key: string): Promise<number> {
    return new Promise((r) => {
      this.done = r;
      this.s.write(`*2\r\n$3\r\nGET\r\n$${key.length}\r\n${key}\r\n`);
    });
  }
}

if (!isMainThread) {
  const { port, n, size } = workerData as { port: number; n: number; size: number };
  const c = await LeanClient.connect(port);
  const value = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i += 4) value.writeUInt32LE(((Math.imul(i, 2654435761) >>> 0) ^ 0x5bd1e995) >>> 0, i);
  let t = performance.now();
  for (let i = 0; i < n; i++) if ((await c.set(`chunk:${i}`, value)) !== 0) throw new Error('SET failed');
  parentPort!.postMessage((performance.now() - t) / 1000);
  await new Promise((r) => parentPort!.once('message', r));
  t = performance.now();
  for (let i = 0; i < n; i++) if ((await c.get(`chunk:${i}`)) !== size) throw new Error('short value');
  parentPort!.postMessage((performance.now() - t) / 1000);
  await new Promise(() => {});
}
const dir = process.argv[2] ?? fs.mkdtempSync('/tmp/tier-bench-');
fs.mkdirSync(dir, { recursive: true });
const totalMiB = Number(process.argv[3] ?? 1024);
const size = 8 << 20;
const n = Math.floor((totalMiB * 2 ** 20) / size);
const s = await startServer(['--dir', dir, '--tiering', 'yes', '--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru', '--tier-compression', 'none']);
const tier = s.server.engine.tier!;
// The client runs in a worker thread: its parsing of 8 MiB replies must not count as the server's stalls.
const worker = new Worker(new URL(import.meta.url), { workerData: { port: s.port, n, size } });
const h = monitorEventLoopDelay({ resolution: 1 });
// The longest stall of each phase, so a regression points at its path.
const worst = { write: 0, prefetch: 0, read: 0 };
let phaseName: keyof typeof worst = 'write';
const t00 = performance.now();
let last = performance.now();
const probe = setInterval(() => {
  const now = performance.now();
  const stall = now - last - 1;
  if (stall > worst[phaseName]) worst[phaseName] = stall;
  if (process.env.STALLS && stall >= 10) console.log(`stall ${stall.toFixed(1)} ms at ${(last - t00).toFixed(0)} ms, process ${last.toFixed(0)} ms (${phaseName})`);
  last = now;
}, 1);
h.enable();
const phase = (): Promise<number> => new Promise((r) => worker.once('message', r));
const wSec = await phase();
while (tier.pendingBytes > 0) await new Promise((r) => setTimeout(r, 1));
const written = tier.disk.stats.bytesWritten;
// The tier's own read rate: prefetch (positioned reads on the pool, 4 at a time) of up to 256 MiB, no network.
// From the disk, not the page cache, when this process may drop the cache (root), to compare with dd's direct reads.
let cold = false;
const maxBefore = h.max;
try {
  fs.writeFileSync('/proc/sys/vm/drop_caches', '1');
  cold = true;
} catch {
  // Not root, or a container that forbids it: the read comes from the page cache.
}
// Dropping the cache holds this thread: not a stall of the server's own making.
last = performance.now();
phaseName = 'prefetch';
h.reset();
const db = s.server.engine.dbs[0]!;
const pf = Math.min(n, 32);
const pfBefore = tier.disk.stats.bytesRead;
let t0 = performance.now();
for (let i = 0; i < pf; i += 4) {
  const batch: Promise<void>[] = [];
  for (let j = i; j < Math.min(pf, i + 4); j++) batch.push(tier.prefetch(db, Buffer.from(`chunk:${j}`)));
  await Promise.all(batch);
}
const pfSec = (performance.now() - t0) / 1000;
const pfBytes = tier.disk.stats.bytesRead - pfBefore;
const readBefore = tier.disk.stats.bytesRead;
phaseName = 'read';
worker.postMessage('read');
const rSec = await phase();
const read = tier.disk.stats.bytesRead - readBefore;
h.disable();
clearInterval(probe);
const gb = (b: number, sec: number): string => (b / sec / 1e9).toFixed(2);
console.log(`values: ${n} x ${size >> 20} MiB; disk writes ${(written / 2 ** 20).toFixed(0)} MiB at ${gb(written, wSec)} GB/s (end to end: SET + demotion)`);
console.log(`tier prefetch ${(pfBytes / 2 ** 20).toFixed(0)} MiB at ${(pfBytes / pfSec / 1e9).toFixed(2)} GB/s (disk read + install, no network; ${cold ? 'page cache dropped first' : 'from the page cache'})`);
console.log(`disk reads ${(read / 2 ** 20).toFixed(0)} MiB at ${gb(read, rSec)} GB/s (end to end: GET through the server)`);
const ms = (x: number): string => x.toFixed(1);
console.log(`event loop: longest stall by the 1 ms probe ${ms(Math.max(worst.write, worst.prefetch, worst.read))} ms (write ${ms(worst.write)}, prefetch ${ms(worst.prefetch)}, read ${ms(worst.read)}); monitorEventLoopDelay max ${(Math.max(h.max, maxBefore) / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms`);
console.log(`blocking loads: ${tier.counters.syncLoads}`);
await worker.terminate();
await s.stop();
if (process.argv[2] === undefined) fs.rmSync(dir, { recursive: true, force: true });
