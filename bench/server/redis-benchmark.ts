/**
 * Server throughput side by side: starts NenCache and a real redis-server on
 * free loopback ports, runs redis-benchmark against each in alternating
 * order, round after round, and reports medians and the NenCache/Redis ratio.
 * Both servers run with persistence off; the same machine, the same run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';

export interface ServerBenchOptions {
  rounds: number;
  tests: string[];
  pipelines: number[];
  clients: number;
  dataSize: number;
  keyspace: number;
  /** Requests per run at -P 1; deeper pipelines get `requests * 10`. */
  requests: number;
  /** Command line that starts NenCache; `--port P --bind 127.0.0.1 ...` is appended. */
  nencacheCmd: string[];
  only?: 'nencache' | 'redis';
  log?: (line: string) => void;
}

/** One redis-benchmark result. */
export interface Sample {
  rps: number;
  p50: number;
  p99: number;
}

export interface Row {
  test: string;
  pipeline: number;
  nencache: Sample[];
  redis: Sample[];
}

export interface ServerBenchResult {
  date: string;
  machine: { cpu: string; cores: number; node: string; redis: string };
  options: Omit<ServerBenchOptions, 'log'>;
  rows: Row[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPing(port: number, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`server on port ${port} exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server on port ${port} did not answer PING`);
}

async function startServer(cmd: string[], port: number): Promise<ChildProcess> {
  const args = [...cmd.slice(1), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  const proc = spawn(cmd[0]!, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPing(port, proc);
  return proc;
}

/** Runs one redis-benchmark test and parses its CSV line. */
function runBenchmark(port: number, test: string, pipeline: number, o: ServerBenchOptions): Sample {
  const n = pipeline > 1 ? o.requests * 10 : o.requests;
  const out = execFileSync(
    'redis-benchmark',
    ['-h', '127.0.0.1', '-p', String(port), '-c', String(o.clients), '-n', String(n), '-d', String(o.dataSize), '-r', String(o.keyspace), '-P', String(pipeline), '-t', test, '--csv'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const line = out.trim().split('\n').find((l) => !l.startsWith('"test"'));
  if (line === undefined) throw new Error(`redis-benchmark printed no result for ${test}: ${out}`);
  const f = line.split(',').map((x) => x.replace(/"/g, ''));
  return { rps: Number(f[1]), p50: Number(f[4]), p99: Number(f[6]) };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs the whole comparison; servers are always stopped, even on error. */
export async function runServerBench(o: ServerBenchOptions): Promise<ServerBenchResult> {
  const log = o.log ?? ((l: string) => console.log(l));
  const procs: ChildProcess[] = [];
  const stopAll = (): void => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  };
  const onSignal = (): void => {
    stopAll();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    const targets: { name: 'nencache' | 'redis'; port: number }[] = [];
    if (o.only !== 'redis') {
      const port = await freePort();
      procs.push(await startServer(o.nencacheCmd, port));
      targets.push({ name: 'nencache', port });
    }
    if (o.only !== 'nencache') {
      const port = await freePort();
      procs.push(await startServer(['redis-server'], port));
      targets.push({ name: 'redis', port });
    }
    // redis-benchmark's "ping" runs two tests; name them so each gets a row.
    const tests = o.tests.flatMap((t) => (t.toLowerCase() === 'ping' ? ['ping_inline', 'ping_mbulk'] : [t]));
    const rows: Row[] = [];
    for (const pipeline of o.pipelines) for (const test of tests) rows.push({ test, pipeline, nencache: [], redis: [] });
    // Warm-up (not recorded): lets V8 compile the hot paths before measuring.
    for (const t of targets) for (const row of rows) runBenchmark(t.port, row.test, row.pipeline, { ...o, requests: Math.max(1000, o.requests / 10) });
    for (let round = 0; round < o.rounds; round++) {
      // Alternate who goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const row of rows) {
        for (const t of order) {
          const s = runBenchmark(t.port, row.test, row.pipeline, o);
          row[t.name].push(s);
          log(`round ${round + 1}/${o.rounds} ${row.test} -P ${row.pipeline} ${t.name}: ${Math.round(s.rps)} req/s p50 ${s.p50} ms p99 ${s.p99} ms`);
        }
      }
    }
    const redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim();
    const { log: _omit, ...opts } = o;
    return {
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, redis: redisVersion },
      options: opts,
      rows,
    };
  } finally {
    process.off('SIGINT', onSignal);
    stopAll();
  }
}

/** The side-by-side table with medians and ratios. */
export function formatTable(r: ServerBenchResult): string {
  const head = ['test', 'P', 'NenCache req/s', 'Redis req/s', 'ratio', 'p50 N/R ms', 'p99 N/R ms'];
  const lines = [head];
  for (const row of r.rows) {
    const n = median(row.nencache.map((s) => s.rps));
    const d = median(row.redis.map((s) => s.rps));
    lines.push([
      row.test,
      String(row.pipeline),
      Number.isNaN(n) ? '-' : String(Math.round(n)),
      Number.isNaN(d) ? '-' : String(Math.round(d)),
      Number.isNaN(n / d) ? '-' : (n / d).toFixed(2),
      `${median(row.nencache.map((s) => s.p50)) || '-'} / ${median(row.redis.map((s) => s.p50)) || '-'}`,
      `${median(row.nencache.map((s) => s.p99)) || '-'} / ${median(row.redis.map((s) => s.p99)) || '-'}`,
    ]);
  }
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const fmt = (l: string[]): string => l.map((x, c) => (c < 2 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  return [
    `${r.date}  ${r.machine.cpu} x${r.machine.cores}  node ${r.machine.node}  ${r.machine.redis}`,
    `redis-benchmark -c ${r.options.clients} -d ${r.options.dataSize} -r ${r.options.keyspace}, ${r.options.rounds} alternating rounds, medians`,
    fmt(lines[0]!),
    ...lines.slice(1).map(fmt),
  ].join('\n');
}
