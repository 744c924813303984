/**
 * The `large` suite: big values (LLM KV-cache chunks) through NenCache and
 * redis-server started side by side: redis-benchmark SET/GET at 1 MiB and
 * 4 MiB, and a Node raw-socket client at 32 MiB, in alternating order,
 * reported as GB/s medians and NenCache/Redis ratios.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePorts, waitForPing } from './ports.js';
import { median, parseCsv } from './redis-benchmark.js';

export interface LargeBenchOptions {
  rounds: number;
  /** Value sizes for redis-benchmark (-d). */
  sizes: number[];
  /** redis-benchmark connections (-c), and the bytes each run moves (-n is this over the value size). */
  clients: number;
  bytesPerRun: number;
  /** The raw-socket client: value size, connections, operations per run. */
  rawSize: number;
  rawClients: number;
  rawOps: number;
  nencacheCmd: string[];
  log?: (line: string) => void;
}

export interface LargeRow {
  what: string;
  size: number;
  nencache: number;
  redis: number;
  ratio: number;
}

interface Proc {
  name: string;
  port: number;
  proc: ChildProcess;
  exited: string | null;
}

async function start(name: string, command: string[], port: number): Promise<Proc> {
  const args = [...command.slice(1), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  const proc = spawn(command[0]!, args, { stdio: 'ignore' });
  const p: Proc = { name, port, proc, exited: null };
  proc.once('exit', (code, sig) => (p.exited = `${name} exited (${sig ?? `code ${code}`})`));
  await waitForPing(port, () => p.exited);
  return p;
}

function stop(p: Proc): Promise<void> {
  if (p.exited !== null) return Promise.resolve();
  return new Promise((r) => {
    p.proc.once('exit', () => r());
    p.proc.kill('SIGTERM');
  });
}

const requestsFor = (size: number, o: LargeBenchOptions): number => Math.max(100, Math.round(o.bytesPerRun / size));

function redisBenchmark(port: number, test: string, size: number, o: LargeBenchOptions, requests = requestsFor(size, o)): number {
  const out = execFileSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-t', test, '-d', String(size), '-n', String(requests), '-c', String(o.clients), '--csv'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const rows = parseCsv(out);
  if (rows.length !== 1) throw new Error(`redis-benchmark printed ${rows.length} results:\n${out}`);
  return (rows[0]![1].rps * size) / 1e9;
}

/** SET or GET of one `size`-byte value, `ops` times over `conns` connections, each waiting for its reply; GB/s. */
export async function rawSocket(port: number, op: 'set' | 'get', size: number, conns: number, ops: number): Promise<number> {
  const value = Buffer.alloc(size, 0x5a);
  const key = 'large:raw';
  const setHeader = Buffer.from(`*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${size}\r\n`);
  const getFrame = Buffer.from(`*2\r\n$3\r\nGET\r\n$${key.length}\r\n${key}\r\n`);
  const replyBytes = op === 'set' ? 5 : `$${size}\r\n`.length + size + 2;
  const connect = (): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(s));
      s.once('error', reject);
    });
  const sendSet = (s: net.Socket): void => {
    s.cork();
    s.write(setHeader);
    s.write(value);
    s.write('\r\n');
    s.uncork();
  };
  const prime = await connect();
  await new Promise<void>((resolve) => {
    prime.once('data', () => resolve());
    sendSet(prime);
  });
  prime.destroy();
  const worker = async (count: number): Promise<void> => {
    const s = await connect();
    let got = 0;
    let done: () => void = () => {};
    s.on('data', (c: Buffer) => {
      got += c.length;
      if (got >= replyBytes) {
        got -= replyBytes;
        done();
      }
    });
    for (let i = 0; i < count; i++) {
      await new Promise<void>((resolve) => {
        done = resolve;
        if (op === 'set') sendSet(s);
        else s.write(getFrame);
      });
    }
    s.destroy();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: conns }, () => worker(Math.ceil(ops / conns))));
  const seconds = (performance.now() - t0) / 1000;
  return (Math.ceil(ops / conns) * conns * size) / seconds / 1e9;
}

export async function runLargeBench(o: LargeBenchOptions): Promise<LargeRow[]> {
  const log = o.log ?? ((l: string) => console.log(l));
  const [pN, pR] = await freePorts(2);
  const nen = await start('nencache', o.nencacheCmd, pN!);
  const red = await start('redis', ['redis-server'], pR!);
  const rows: LargeRow[] = [];
  try {
    log(`large values: redis-benchmark -c ${o.clients}, ${(o.bytesPerRun / 2 ** 30).toFixed(1)} GiB per run, raw client ${o.rawClients} connections x ${o.rawOps} ops, ${o.rounds} alternating rounds`);
    // One unmeasured pass each, so NenCache's JIT warm-up is not in the figures.
    for (const p of [nen.port, red.port]) for (const test of ['set', 'get']) redisBenchmark(p, test, o.sizes[0]!, o, 300);
    const row = async (what: string, size: number, run: (port: number) => Promise<number> | number): Promise<void> => {
      const n: number[] = [];
      const r: number[] = [];
      for (let i = 0; i < o.rounds; i++) {
        // Alternate who goes first, so neither always gets the warmer machine.
        if (i % 2 === 0) {
          n.push(await run(nen.port));
          r.push(await run(red.port));
        } else {
          r.push(await run(red.port));
          n.push(await run(nen.port));
        }
      }
      const out = { what, size, nencache: median(n), redis: median(r), ratio: median(n) / median(r) };
      rows.push(out);
      log(`  ${what.padEnd(26)} ${(size / 1048576).toString().padStart(3)} MiB  nencache ${out.nencache.toFixed(2)} GB/s  redis ${out.redis.toFixed(2)} GB/s  ${out.ratio.toFixed(2)}x`);
    };
    for (const size of o.sizes) {
      for (const test of ['set', 'get']) await row(`redis-benchmark ${test.toUpperCase()}`, size, (port) => redisBenchmark(port, test, size, o));
    }
    for (const op of ['set', 'get'] as const) {
      await row(`raw socket ${op.toUpperCase()}`, o.rawSize, (port) => rawSocket(port, op, o.rawSize, o.rawClients, o.rawOps));
    }
  } finally {
    await stop(nen);
    await stop(red);
  }
  return rows;
}

/** The suite's table, for the console and docs/benchmarks.md. */
export function formatLargeTable(rows: LargeRow[]): string {
  const lines = ['| test | value | NenCache GB/s | Redis GB/s | NenCache/Redis |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.size / 1048576} MiB | ${r.nencache.toFixed(2)} | ${r.redis.toFixed(2)} | ${r.ratio.toFixed(2)}x |`);
  return lines.join('\n');
}
