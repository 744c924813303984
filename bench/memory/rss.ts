/**
 * Memory per key, side by side: loads the same keys (`key:%012d`, fixed-size
 * values) into NenCache, redis-server and memcached, each started fresh by
 * this benchmark on a free loopback port, and reports the growth of each
 * process's resident set size divided by the number of keys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { freePorts } from '../server/ports.js';
import { loadKeys, type Dialect } from './load.js';

export type MemoryServer = 'nencache' | 'redis' | 'memcached';

export interface MemoryBenchOptions {
  keys: number;
  valueSize: number;
  servers: MemoryServer[];
  nencacheCommand: string[];
}

export interface MemoryRow {
  server: MemoryServer;
  rssBefore: number;
  rssAfter: number;
  bytesPerKey: number;
  loadSeconds: number;
}

/** VmRSS of a process in bytes (Linux). */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (m === null) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) * 1024;
}

export function commandFor(server: MemoryServer, port: number, o: MemoryBenchOptions): string[] {
  switch (server) {
    case 'nencache':
      return [...o.nencacheCommand, '--port', String(port), '--bind', '127.0.0.1', '--loglevel', 'warning'];
    case 'redis':
      return ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
    case 'memcached':
      // Enough memory for the whole load, so nothing is evicted.
      return ['memcached', ...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []), '-l', '127.0.0.1', '-p', String(port), '-U', '0', '-m', String(Math.ceil((o.keys * (o.valueSize + 200)) / 2 ** 20) + 64)];
  }
}

export function waitForPort(port: number, proc: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (proc.exitCode !== null || proc.signalCode !== null) return reject(new Error(`server exited before listening on ${port}`));
      const s = net.connect({ port, host: '127.0.0.1' }, () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        if (Date.now() > deadline) reject(new Error(`nothing listening on ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

const WARMUP_KEYS = 20_000;

/** FLUSHALL (RESP) or flush_all (memcached), waiting for the reply. */
export function flushAll(port: number, dialect: Dialect): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => s.write(dialect === 'resp' ? '*1\r\n$8\r\nFLUSHALL\r\n' : 'flush_all\r\n'));
    s.once('data', () => {
      s.destroy();
      resolve();
    });
    s.once('error', reject);
  });
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measureOne(server: MemoryServer, port: number, o: MemoryBenchOptions): Promise<MemoryRow> {
  const cmd = commandFor(server, port, o);
  const proc = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      proc.once('spawn', resolve);
      proc.once('error', (e) => reject(new Error(`${server} could not start (${cmd[0]}): ${e.message}`)));
    });
    await waitForPort(port, proc);
    // Warm-up, the same for every server: a small load of the same shape,
    // then a flush, so one-time costs (JIT-compiled code, a runtime's heap
    // reaching its working size) are not charged to the keys measured.
    const dialect: Dialect = server === 'memcached' ? 'memcached' : 'resp';
    await loadKeys(port, dialect, WARMUP_KEYS, o.valueSize);
    await flushAll(port, dialect);
    await settle(500);
    const rssBefore = rssOf(proc.pid!);
    const t0 = performance.now();
    await loadKeys(port, dialect, o.keys, o.valueSize);
    const loadSeconds = (performance.now() - t0) / 1000;
    await settle(1000);
    const rssAfter = rssOf(proc.pid!);
    return { server, rssBefore, rssAfter, bytesPerKey: (rssAfter - rssBefore) / o.keys, loadSeconds };
  } finally {
    proc.kill('SIGKILL');
  }
}

export async function runMemoryBench(o: MemoryBenchOptions): Promise<MemoryRow[]> {
  const ports = await freePorts(o.servers.length);
  const rows: MemoryRow[] = [];
  for (let i = 0; i < o.servers.length; i++) rows.push(await measureOne(o.servers[i]!, ports[i]!, o));
  return rows;
}

export function formatMemoryTable(rows: MemoryRow[], o: MemoryBenchOptions): string {
  const mb = (b: number) => (b / 2 ** 20).toFixed(1).padStart(8);
  const lines = [
    `memory: ${o.keys} keys key:%012d, ${o.valueSize}-byte values (payload ${16 + o.valueSize} bytes per key)`,
    'server       RSS before   RSS after   bytes/key   load s',
  ];
  for (const r of rows) {
    lines.push(`${r.server.padEnd(12)} ${mb(r.rssBefore)} MB ${mb(r.rssAfter)} MB ${r.bytesPerKey.toFixed(1).padStart(10)} ${r.loadSeconds.toFixed(1).padStart(8)}`);
  }
  return lines.join('\n');
}
