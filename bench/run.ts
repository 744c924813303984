/**
 * `npm run bench` / `nencache bench`: flag parsing for the server throughput
 * comparison against redis-server; the work is in bench/server/redis-benchmark.ts.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_OPTIONS, repoRoot, runServerBench, type ServerName } from './server/redis-benchmark.js';
import { formatMemoryTable, runMemoryBench, type MemoryServer } from './memory/rss.js';
import { formatHitRatioTable, runHitRatio } from './hitratio/run.js';
import { enginePolicies } from './hitratio/engine-policies.js';
import { formatEmbeddedTable, runEmbeddedBench } from './embedded/compare.js';
import { formatTypesTable, runTypesMemoryBench } from './memory/types.js';
import { join } from 'node:path';
import { formatLlmTable, runLlmBench } from './llm/run.js';
import { runKvBench } from './kvcache/run.js';
import { formatLargeTable, runLargeBench } from './server/large.js';

const positive = (integer: boolean) => (v: string): number => {
  const n = Number(v);
  if (v.trim() === '' || !(n > 0) || (integer && !Number.isInteger(n))) {
    throw new InvalidArgumentError(`expected a positive ${integer ? 'integer' : 'number'}`);
  }
  return n;
};

const list = (v: string): string[] => {
  const xs = v.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (xs.length === 0) throw new InvalidArgumentError('expected a comma-separated list');
  return xs;
};

const intList = (v: string): number[] => list(v).map(positive(true));

/** Splits the --nencache-cmd line into words, honouring single and double quotes and backslashes. */
function splitCommand(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote !== null) throw new Error(`unbalanced quote in command: ${line}`);
  if (inWord) words.push(cur);
  return words;
}

/** Parses `argv` (shaped like process.argv: two leading entries) and runs the benchmark. */
export async function main(argv: string[]): Promise<void> {
  const d = DEFAULT_OPTIONS;
  const program = new Command()
    .name('nencache bench')
    .description('redis-benchmark against NenCache and redis-server on this machine, side by side, in alternating rounds')
    .option('--rounds <n>', 'alternating rounds; medians are reported', positive(true), d.rounds)
    .option('--requests <n>', 'fixed requests per run at -P 1, x min(P,10) when pipelined (100000: 1000000 at -P 16) [default: sized from the warm-up so a run lasts --seconds]', positive(true))
    .option('--seconds <s>', 'target length of one run when --requests is not given', positive(false), d.seconds)
    .option('--tests <list>', 'redis-benchmark -t tests (ping = ping_inline + ping_mbulk)', list, d.tests)
    .option('--pipelines <list>', 'pipeline depths (-P)', intList, d.pipelines)
    .option('--clients <n>', 'parallel connections (-c)', positive(true), d.clients)
    .option('--data-size <bytes>', 'value size (-d)', positive(true), d.dataSize)
    .option('--keyspace <n>', 'random keys (-r)', positive(true), d.keyspace)
    .option('--json <file>', 'where to write the results [default: bench/results/server-<timestamp>.json]')
    .option('--nencache-cmd <cmd>', `command that starts NenCache; --port P --bind 127.0.0.1 --save "" --appendonly no --loglevel warning are appended [default: "node --max-semi-space-size=1 dist/src/cli/nencache-server.js"]`)
    .addOption(new Option('--only <server>', 'run against one server only').choices(['nencache', 'redis']))
    .addOption(new Option('--appendfsync <policy>', 'server suite: both servers with the AOF on and this fsync policy, each in a fresh directory [default: persistence off]').choices(['always', 'everysec']))
    .option('--suites <list>', 'which parts: server (redis-benchmark ratios), memory (RSS per key vs redis-server and memcached), hitratio (policies vs LRU and Belady), embedded (Cache vs lru-cache), types-memory (small hashes, sets, sorted sets vs redis-server), large (1 and 4 MiB redis-benchmark and 32 MiB raw-socket SET/GET in GB/s vs redis-server), kvcache (KV.LOOKUP latency over 100,000 chunks, int8 quantization error), llm (LMCache workload vs redis-server; not in the default set)', list, ['server', 'memory', 'types-memory', 'hitratio', 'embedded', 'large', 'kvcache'])
    .option('--memory-keys <n>', 'keys loaded by the memory suite', positive(true), 1_000_000)
    .option('--types-keys <n>', 'keys of each shape loaded by the types-memory suite', positive(true), 100_000)
    .option('--hitratio-length <n>', 'requests per hit-ratio trace', positive(true), 1_000_000)
    .option('--hitratio-universe <n>', 'Zipf universe of the hit-ratio traces', positive(true), 100_000)
    .option('--llm-chunk-mib <n>', 'KV chunk payload of the llm suite (MiB)', positive(true), 4)
    .option('--llm-ram-mib <n>', 'maxmemory of every server in the llm suite (MiB)', positive(true), 256)
    .option('--llm-prefill-ms <ms>', 'prefill cost per token the llm suite assumes (ms)', positive(false), 0.2)
    .option('--llm-clients <n>', 'concurrent clients of the llm suite', positive(true), 4)
    .argument('[suites...]', 'suites to run, as --suites (e.g. `npm run bench -- llm`); llm is not in the default set');
  program.parse(argv);
  if (program.args.length > 0) program.setOptionValue('suites', program.args.flatMap((a) => list(a)));
  const o = program.opts<{
    rounds: number;
    requests?: number;
    seconds: number;
    tests: string[];
    pipelines: number[];
    clients: number;
    dataSize: number;
    keyspace: number;
    json?: string;
    nencacheCmd?: string;
    only?: ServerName;
    appendfsync?: 'always' | 'everysec';
    suites: string[];
    memoryKeys: number;
    typesKeys: number;
    hitratioLength: number;
    hitratioUniverse: number;
    llmChunkMib: number;
    llmRamMib: number;
    llmPrefillMs: number;
    llmClients: number;
  }>();
  const nencacheCmd = o.nencacheCmd === undefined ? undefined : splitCommand(o.nencacheCmd);
  if (o.suites.includes('server')) await runServerBench({ ...o, nencacheCmd });
  if (o.suites.includes('memory')) {
    const mo = {
      keys: o.memoryKeys,
      valueSize: 128,
      servers: ['nencache', 'redis', 'memcached'] as MemoryServer[],
      nencacheCommand: nencacheCmd ?? ['node', '--max-semi-space-size=1', join(repoRoot(), 'dist/src/cli/nencache-server.js')],
    };
    console.log(`\n${formatMemoryTable(await runMemoryBench(mo), mo)}`);
  }
  if (o.suites.includes('types-memory')) {
    const mo = {
      keys: o.typesKeys,
      valueSize: 0,
      servers: ['nencache', 'redis'] as MemoryServer[],
      nencacheCommand: nencacheCmd ?? ['node', '--max-semi-space-size=1', join(repoRoot(), 'dist/src/cli/nencache-server.js')],
    };
    console.log(`\n${formatTypesTable(await runTypesMemoryBench(o.typesKeys, mo), o.typesKeys)}`);
  }
  if (o.suites.includes('large')) {
    const rows = await runLargeBench({
      rounds: o.rounds,
      sizes: [1024 * 1024, 4 * 1024 * 1024],
      clients: 4,
      bytesPerRun: 2 * 2 ** 30,
      rawSize: 32 * 1024 * 1024,
      rawClients: 2,
      rawOps: 32,
      nencacheCmd: nencacheCmd ?? ['node', '--max-semi-space-size=1', join(repoRoot(), 'dist/src/cli/nencache-server.js')],
    });
    console.log(`\n${formatLargeTable(rows)}`);
  }
  if (o.suites.includes('hitratio')) {
    const r = runHitRatio({ policies: enginePolicies(), length: o.hitratioLength, universe: o.hitratioUniverse });
    console.log(`\n${formatHitRatioTable(r)}`);
  }
  if (o.suites.includes('embedded')) console.log(`\n${formatEmbeddedTable(runEmbeddedBench())}`);
  if (o.suites.includes('kvcache')) console.log(`\n${await runKvBench({ chunks: 100_000, chunksPerSequence: 16, lookups: 20_000 })}`);
  if (o.suites.includes('llm')) {
    const lo = { chunkMiB: o.llmChunkMib, ramMiB: o.llmRamMib, prefillMsPerToken: o.llmPrefillMs, clients: o.llmClients };
    console.log(`\n${formatLlmTable(await runLlmBench(lo), lo)}`);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main(process.argv).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
