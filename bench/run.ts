/**
 * `npm run bench` / `nencache bench`: the server throughput comparison against
 * redis-server (bench/server/redis-benchmark.ts), printed as a table and saved
 * as JSON under bench/results/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { formatTable, runServerBench } from './server/redis-benchmark.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter((x) => x !== '');

/** Parses `argv` (as process.argv) and runs the benchmark. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('nencache bench')
    .description('redis-benchmark against NenCache and redis-server on this machine, side by side')
    .option('--rounds <n>', 'alternating rounds; medians are reported', '3')
    .option('--tests <list>', 'redis-benchmark tests', 'ping,set,get,incr,mset')
    .option('--pipelines <list>', 'pipeline depths', '1,16')
    .option('--clients <n>', 'parallel connections', '50')
    .option('--data-size <bytes>', 'value size', '128')
    .option('--keyspace <n>', 'random keys (-r)', '100000')
    .option('--requests <n>', 'requests per run at -P 1 (x10 when pipelined)', '100000')
    .option('--json <file>', 'where to save the raw results')
    .option('--nencache-cmd <cmd>', 'command that starts NenCache', `node ${join(root, 'dist', 'src', 'cli', 'nencache-server.js')}`)
    .option('--only <server>', 'run against one server only: nencache or redis');
  program.parse(argv);
  const o = program.opts<Record<string, string>>();
  const result = await runServerBench({
    rounds: Number(o.rounds),
    tests: list(o.tests!),
    pipelines: list(o.pipelines!).map(Number),
    clients: Number(o.clients),
    dataSize: Number(o.dataSize),
    keyspace: Number(o.keyspace),
    requests: Number(o.requests),
    nencacheCmd: o.nencacheCmd!.split(' ').filter((x) => x !== ''),
    only: o.only as 'nencache' | 'redis' | undefined,
  });
  console.log('');
  console.log(formatTable(result));
  const file = o.json ?? join(root, 'bench', 'results', `server-${result.date.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 1));
  console.log(`\nraw results: ${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
