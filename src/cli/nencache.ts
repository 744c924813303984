#!/usr/bin/env -S node --max-semi-space-size=1
/**
 * The `nencache` tool: subcommands for running the server and measuring it.
 * Argument parsing only; the work lives in server/ and bench/.
 */
import { Command } from 'commander';
import { NENCACHE_VERSION } from '../observability/info.js';
import { runServer, SERVER_USAGE } from './serve.js';
import { checkRdb } from './check-rdb.js';

const program = new Command();
program.name('nencache').description('NenCache: a Redis-compatible cache server for Node.js').version(NENCACHE_VERSION);

program
  .command('serve')
  .description('run the server (same arguments as nencache-server: [config-file] [--name value ...])')
  .helpOption(false)
  .allowUnknownOption(true)
  .argument('[args...]', 'config file and --name value overrides')
  .addHelpText('after', `\n${SERVER_USAGE}`)
  .action(async (args: string[]) => {
    await runServer(args);
  });

program
  .command('bench')
  .description('run redis-benchmark against NenCache and redis-server side by side and print ratios')
  .helpOption(false)
  .allowUnknownOption(true)
  .argument('[args...]', 'benchmark options (nencache bench --help lists them)')
  .action(async (args: string[]) => {
    // bench/ is compiled beside src/ (dist/bench); resolved at run time so the
    // published package does not need it to type-check.
    const mod = (await import(new URL('../../bench/run.js', import.meta.url).href)) as { main(argv: string[]): Promise<void> };
    await mod.main(['node', 'bench', ...args]);
  });

program
  .command('check-rdb')
  .description('check an RDB file (structure, every value, checksum) and print a summary, like redis-check-rdb')
  .argument('<file>', 'the RDB file')
  .action((file: string) => {
    process.exitCode = checkRdb(file);
  });

await program.parseAsync(process.argv);
