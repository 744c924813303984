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

program
  .command('check-aof')
  .description('check an AOF file (or every file a manifest names) and, with --fix, truncate it to the last valid command')
  .option('--fix', 'truncate the file to its last valid command')
  .option('--yes', 'do not ask before truncating')
  .argument('<file>', 'an AOF file or its .manifest')
  .action(async (file: string, opts: { fix?: boolean; yes?: boolean }) => {
    const { runCheckAof, progressBar } = await import('../persistence/aof/check.js');
    const ask = async (q: string): Promise<boolean> => {
      const rl = (await import('node:readline/promises')).createInterface({ input: process.stdin, output: process.stdout });
      const a = await rl.question(q);
      rl.close();
      return /^y(es)?$/i.test(a.trim());
    };
    try {
      process.exitCode = await runCheckAof(file, {
        fix: opts.fix === true,
        yes: opts.yes === true,
        ask,
        print: (line) => console.log(line),
        progress: process.stderr.isTTY ? progressBar(process.stderr) : undefined,
      });
    } catch (err) {
      console.error(`Cannot check ${file}: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);
