/**
 * Server throughput side by side: starts NenCache and a real redis-server on
 * free loopback ports (persistence off), runs redis-benchmark against each in
 * alternating order, round after round, and reports medians and NenCache/Redis.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, infoServer, waitForPing } from './ports.js';

/** Which server a sample came from. */
export type ServerName = 'nencache' | 'redis';

/** What to run; {@link DEFAULT_OPTIONS} fills whatever is left out. */
export interface ServerBenchOptions {
  /** Alternating rounds; medians across them are reported. */
  rounds: number;
  /**
   * redis-benchmark `-t` tests; `ping` is measured as ping_inline and
   * ping_mbulk. A test with spaces is a command line (e.g. `HGET myhash
   * element:__rand_int__`), run after the tests before it in the list.
   */
  tests: string[];
  /** Pipeline depths (`-P`). */
  pipelines: number[];
  /** Parallel connections (`-c`). */
  clients: number;
  /** Value size in bytes (`-d`). */
  dataSize: number;
  /** Random keyspace (`-r`). */
  keyspace: number;
  /**
   * Fixed requests per run at `-P 1`; pipelined runs get `requests * min(P, 10)`
   * (100000 gives 100000 at P1 and 1000000 at P16). Left out, each (test,
   * pipeline) is calibrated from its warm-up so a run lasts about `seconds`.
   */
  requests?: number;
  /** Target length of one run when `requests` is left out. */
  seconds: number;
  /** Command (argv) that starts NenCache; the server flags are appended. */
  nencacheCmd: string[];
  /** Run against one server only. */
  only?: ServerName;
  /**
   * Persistence for both servers: `always` or `everysec` turns the AOF on
   * with that fsync policy, each server in a fresh directory of its own.
   * Default off.
   */
  appendfsync?: 'always' | 'everysec';
  /** Where to write the JSON results; `false` writes nothing. Default under bench/results/. */
  json?: string | false;
  /** Progress and table output; default console.log. */
  log?: (line: string) => void;
}

/** One redis-benchmark run (latencies in ms, as redis-benchmark prints them). */
export interface Sample {
  rps: number;
  avg: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Wall-clock seconds the run took. */
  elapsed: number;
  /** Whether this server went first in its (round, test, pipeline) pair. */
  first: boolean;
}

/** Medians across rounds of one server's samples. */
export interface Medians {
  rps: number;
  p50: number;
  p99: number;
}

/** One (test, pipeline) row: raw per-round samples and their medians. */
export interface Row {
  test: string;
  /** The test name redis-benchmark printed, e.g. `MSET (10 keys)`. */
  label: string;
  pipeline: number;
  requests: number;
  nencache: Sample[];
  redis: Sample[];
  median: { nencache: Medians | null; redis: Medians | null; ratio: number | null };
}

/** Everything a run produced; also what is written as JSON. */
export interface ServerBenchResult {
  date: string;
  durationSeconds: number;
  machine: { os: string; cpu: string; cores: number; memoryGiB: number; node: string; redisServer: string };
  servers: Partial<Record<ServerName, { command: string[]; version: string }>>;
  options: Omit<ServerBenchOptions, 'log' | 'json'>;
  rows: Row[];
  jsonFile?: string;
}

/** The repository root: the nearest parent holding NenCache's package.json, else the cwd. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name"\s*:\s*"nencache"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** Defaults of `npm run bench`. */
export const DEFAULT_OPTIONS: Readonly<ServerBenchOptions> = {
  rounds: 3,
  tests: ['ping', 'set', 'get', 'incr', 'mset'],
  pipelines: [1, 16],
  clients: 50,
  dataSize: 128,
  keyspace: 100000,
  seconds: 3,
  nencacheCmd: [process.execPath, '--max-semi-space-size=1', join(repoRoot(), 'dist', 'src', 'cli', 'nencache-server.js')],
};

/** Median of `xs` (mean of the middle two for an even count); NaN when empty. */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const CSV_COLUMNS = ['test', 'rps', 'avg_latency_ms', 'min_latency_ms', 'p50_latency_ms', 'p95_latency_ms', 'p99_latency_ms', 'max_latency_ms'];

/**
 * Parses redis-benchmark 7.0 `--csv` output (a header line, then one line per
 * test) into `[label, sample]` pairs. Throws if the header is not the expected one.
 */
export function parseCsv(out: string): [string, Omit<Sample, 'elapsed' | 'first'>][] {
  const cells = (l: string): string[] => (l.match(/"[^"]*"|[^,]+/g) ?? []).map((x) => x.replace(/^"|"$/g, ''));
  const lines = out.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = cells(lines[0] ?? '');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`redis-benchmark --csv header lacks "${name}": ${lines[0] ?? '(no output)'}`);
    return i;
  };
  const [t, rps, avg, min, p50, p95, p99, max] = CSV_COLUMNS.map(col) as [number, number, number, number, number, number, number, number];
  return lines.slice(1).map((l) => {
    const c = cells(l);
    const n = (i: number): number => Number(c[i]);
    return [c[t]!, { rps: n(rps), avg: n(avg), min: n(min), p50: n(p50), p95: n(p95), p99: n(p99), max: n(max) }];
  });
}

interface Server {
  name: ServerName;
  command: string[];
  port: number;
  proc: ChildProcess;
  /** Last few KB of the server's stdout and stderr, shown if it fails. */
  output: string;
  exited: string | null;
}

/** Child processes to kill on exit or interrupt. */
const children = new Set<ChildProcess>();

/** AOF directories the servers of this run write to; removed with the servers. */
const dirs: string[] = [];

function killChildren(): void {
  for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  children.clear();
  // A killed server may still be writing for a moment: force and retries.
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true, maxRetries: 5 });
}

function track(p: ChildProcess): ChildProcess {
  children.add(p);
  p.once('exit', () => children.delete(p));
  return p;
}

async function startServer(name: ServerName, command: string[], port: number, appendfsync?: 'always' | 'everysec'): Promise<Server> {
  const args = [...command.slice(1), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'];
  if (appendfsync !== undefined) {
    const dir = mkdtempSync(join(os.tmpdir(), `nencache-bench-${name}-`));
    dirs.push(dir);
    args.push('--appendonly', 'yes', '--appendfsync', appendfsync, '--dir', dir);
  }
  const proc = track(spawn(command[0]!, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  const s: Server = { name, command, port, proc, output: '', exited: null };
  const keep = (d: Buffer): void => {
    s.output = (s.output + d.toString()).slice(-4096);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  proc.once('error', (err) => (s.exited = `${name} (${command.join(' ')}) could not start: ${err.message}`));
  proc.once('exit', (code, sig) => (s.exited = `${name} (${command.join(' ')}) exited (${sig ?? `code ${code}`})\n${s.output}`));
  await waitForPing(port, () => s.exited);
  return s;
}

/** Runs redis-benchmark once; resolves with its stdout. */
function redisBenchmark(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const p = track(spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let err = '';
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4096)));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.once('error', (e) => reject(new Error(`redis-benchmark could not start: ${e.message}`)));
    p.once('close', (code, sig) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`redis-benchmark ${args.join(' ')} failed (${sig ?? `code ${code}`}): ${err || out}`));
    });
  });
}

/** One measured run of `test` at depth `pipeline` with `n` requests. */
async function measure(s: Server, test: string, pipeline: number, n: number, o: ServerBenchOptions): Promise<[string, Omit<Sample, 'first'>]> {
  const args = ['-h', '127.0.0.1', '-p', String(s.port), '-c', String(o.clients), '-n', String(n), '-d', String(o.dataSize)];
  args.push('-r', String(o.keyspace), '-P', String(pipeline), '--csv');
  // A test with spaces is a command line of its own (redis-benchmark has no
  // -t test for HGET or ZRANGE): it reads what the hset/zadd tests wrote.
  if (test.includes(' ')) args.push(...test.split(' '));
  else args.push('-t', test);
  const t0 = performance.now();
  const out = await redisBenchmark(args, 300_000);
  const elapsed = Math.round(performance.now() - t0) / 1000;
  if (s.exited !== null) throw new Error(s.exited);
  const results = parseCsv(out);
  if (results.length !== 1) throw new Error(`redis-benchmark -t ${test} printed ${results.length} results, expected 1:\n${out}`);
  const [label, sample] = results[0]!;
  if (!(sample.rps > 0)) throw new Error(`redis-benchmark -t ${test} against ${s.name}: no throughput:\n${out}`);
  return [label, { ...sample, elapsed }];
}

/** Two significant digits, at least 10000: a request count that reads well. */
function niceCount(x: number): number {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(x, 1))) - 1);
  return Math.max(10000, Math.round(x / p) * p);
}

const mediansOf = (xs: Sample[]): Medians | null =>
  xs.length === 0 ? null : { rps: median(xs.map((s) => s.rps)), p50: median(xs.map((s) => s.p50)), p99: median(xs.map((s) => s.p99)) };

/**
 * Runs the whole comparison: starts the servers, warms them up, measures every
 * (round, pipeline, test) on both in alternating order, logs the table and
 * writes the JSON file. Servers are killed at the end, on error, on exit and
 * on SIGINT/SIGTERM.
 */
export async function runServerBench(options: Partial<ServerBenchOptions> = {}): Promise<ServerBenchResult> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<ServerBenchOptions>;
  const o: ServerBenchOptions = { ...DEFAULT_OPTIONS, ...given };
  const log = o.log ?? ((l: string) => console.log(l));
  const nencacheCmd = [...o.nencacheCmd];
  if (nencacheCmd.length === 0) throw new Error('empty --nencache-cmd');
  const script = nencacheCmd[nencacheCmd.length - 1]!;
  if (o.only !== 'redis' && given.nencacheCmd === undefined && !existsSync(script)) {
    throw new Error(`NenCache is not built (${script}): run \`npm run build\`, or pass --nencache-cmd`);
  }
  const started = Date.now();
  const onSignal = (sig: NodeJS.Signals): void => {
    killChildren();
    log(`\ninterrupted (${sig}); servers stopped`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', killChildren);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const redisServer = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim();
    const [pN, pR] = await freePorts(2);
    const servers: Server[] = [];
    if (o.only !== 'redis') servers.push(await startServer('nencache', nencacheCmd, pN!, o.appendfsync));
    if (o.only !== 'nencache') servers.push(await startServer('redis', ['redis-server'], pR!, o.appendfsync));
    if (o.appendfsync !== undefined) log(`both servers: --appendonly yes --appendfsync ${o.appendfsync}, each in a fresh --dir`);
    const versions: ServerBenchResult['servers'] = {};
    for (const s of servers) {
      const info = await infoServer(s.port);
      const version = info.nencache_version !== undefined ? `nencache ${info.nencache_version}` : `redis ${info.redis_version ?? '?'}`;
      versions[s.name] = { command: s.command, version };
      log(`${s.name}: ${s.command.join(' ')} on 127.0.0.1:${s.port} (${version})`);
    }

    // redis-benchmark's "ping" runs two tests; name them so each gets a row.
    const tests = o.tests.map((t) => t.toLowerCase()).flatMap((t) => (t === 'ping' ? ['ping_inline', 'ping_mbulk'] : [t]));
    const rows: Row[] = [];
    for (const pipeline of o.pipelines) {
      for (const test of tests) {
        const requests = o.requests !== undefined ? o.requests * Math.min(pipeline, 10) : 0;
        rows.push({ test, label: test, pipeline, requests, nencache: [], redis: [], median: { nencache: null, redis: null, ratio: null } });
      }
    }

    // GET reads key:__rand_int__; fill the keyspace with SET first so it hits.
    if (tests.includes('get')) {
      for (const s of servers) await measure(s, 'set', 16, o.keyspace * 3, o);
    }
    // Warm-up, not recorded: lets V8 compile the hot paths and, without
    // --requests, sizes each row so its runs last about `seconds`.
    log('warming up' + (o.requests === undefined ? ` and sizing runs to ~${o.seconds} s` : ''));
    for (const row of rows) {
      const n = o.requests !== undefined ? Math.max(1000, Math.round(row.requests / 10)) : 50000 * Math.min(row.pipeline, 10);
      let fastest = 0;
      for (const s of servers) {
        const [label, sample] = await measure(s, row.test, row.pipeline, n, o);
        row.label = label;
        fastest = Math.max(fastest, sample.rps);
      }
      if (o.requests === undefined) row.requests = niceCount(fastest * o.seconds);
    }
    const runs = rows.length * servers.length * o.rounds;
    log(`${runs} runs: ${o.rounds} rounds x ${o.pipelines.length} pipeline depths x ${tests.length} tests x ${servers.length} servers`);

    for (let round = 0; round < o.rounds; round++) {
      for (const [i, row] of rows.entries()) {
        // Alternate who goes first, by round and by row, so neither server
        // always runs right after the other has heated the machine.
        const order = (round + i) % 2 === 0 ? servers : [...servers].reverse();
        for (const [k, s] of order.entries()) {
          const [, sample] = await measure(s, row.test, row.pipeline, row.requests, o);
          row[s.name].push({ ...sample, first: k === 0 });
          log(
            `round ${round + 1}/${o.rounds}  ${row.test} -P ${row.pipeline} -n ${row.requests}  ${s.name.padEnd(8)} ` +
              `${Math.round(sample.rps)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms  (${sample.elapsed.toFixed(1)} s)`,
          );
        }
      }
    }
    for (const row of rows) {
      const n = mediansOf(row.nencache);
      const r = mediansOf(row.redis);
      row.median = { nencache: n, redis: r, ratio: n !== null && r !== null ? n.rps / r.rps : null };
    }

    const cpus = os.cpus();
    const { log: _log, json: _json, ...rest } = o;
    const result: ServerBenchResult = {
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine: {
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: cpus.length,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        redisServer,
      },
      servers: versions,
      options: { ...rest, nencacheCmd },
      rows,
    };
    log('');
    log(formatTable(result));
    if (o.json !== false) {
      const file = resolve(o.json ?? join(repoRoot(), 'bench', 'results', `server-${result.date.replace(/[:.]/g, '-')}.json`));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
      result.jsonFile = file;
      log(`\nraw results: ${file}`);
    }
    return result;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', killChildren);
    killChildren();
  }
}

/** The side-by-side table of medians and NenCache/Redis ratios, with the machine it ran on. */
export function formatTable(r: ServerBenchResult): string {
  const head = ['test', 'P', 'NenCache req/s', 'Redis req/s', 'ratio', 'N p50 ms', 'R p50 ms', 'N p99 ms', 'R p99 ms'];
  const num = (x: number | undefined, digits: number): string => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits));
  const lines = [head];
  for (const row of r.rows) {
    const { nencache: n, redis: d, ratio } = row.median;
    lines.push([
      row.test,
      String(row.pipeline),
      num(n?.rps, 0),
      num(d?.rps, 0),
      num(ratio ?? undefined, 2),
      num(n?.p50, 3),
      num(d?.p50, 3),
      num(n?.p99, 3),
      num(d?.p99, 3),
    ]);
  }
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const fmt = (l: string[]): string => l.map((x, c) => (c < 1 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
  const m = r.machine;
  const o = r.options;
  const size = o.requests !== undefined ? `-n ${o.requests} (x min(P,10) pipelined)` : `-n sized to ~${o.seconds} s per run`;
  return [
    `date ${r.date}  (${Math.round(r.durationSeconds / 6) / 10} min)`,
    `machine ${m.cpu} x ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}`,
    `node ${m.node}, ${m.redisServer.replace(/ sha=.*$/, '')}`,
    ...Object.entries(r.servers).map(([k, v]) => `${k}: ${v.version} (${v.command.join(' ')})`),
    `redis-benchmark -c ${o.clients} -d ${o.dataSize} -r ${o.keyspace} ${size}; ${o.rounds} alternating rounds, medians`,
    '',
    fmt(lines[0]!),
    ...lines.slice(1).map(fmt),
  ].join('\n');
}
