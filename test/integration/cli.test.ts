import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RawClient, plain } from '../helpers/resp-client.js';
import { freePort } from '../helpers/server.js';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'cli');

function run(script: string, args: string[]): { proc: ReturnType<typeof spawn>; output: Promise<{ code: number | null; out: string }> } {
  const proc = spawn(process.execPath, [join(cliDir, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const output = new Promise<{ code: number | null; out: string }>((r) => proc.on('close', (code) => r({ code, out })));
  return { proc, output };
}

async function connectWhenUp(port: number): Promise<RawClient> {
  for (let i = 0; i < 100; i++) {
    try {
      return await RawClient.connect(port);
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('server did not start');
}

test('nencache-server starts from a config file plus --name overrides and stops on SHUTDOWN', async () => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'nencache-'));
  const conf = join(dir, 'test.conf');
  writeFileSync(conf, `# a comment\nport 1\nbind 127.0.0.1\nrequirepass "s3cret"\ndatabases 4\n`);
  const { output } = run('nencache-server.js', [conf, '--port', String(port), '--loglevel', 'warning']);
  const c = await connectWhenUp(port);
  assert.equal(String((await c.call('AUTH', 's3cret'))), 'OK');
  assert.deepEqual(plain(await c.call('CONFIG', 'GET', 'databases')), ['databases', '4']);
  c.write('*1\r\n$8\r\nSHUTDOWN\r\n');
  const { code } = await output;
  assert.equal(code, 0);
});

test('nencache serve runs the same server', async () => {
  const port = await freePort();
  const { proc, output } = run('nencache.js', ['serve', '--port', String(port)]);
  const c = await connectWhenUp(port);
  assert.equal(await c.call('PING'), 'PONG');
  c.close();
  proc.kill('SIGTERM');
  assert.equal((await output).code, 0);
});

test('a bad config line stops nencache-server with Redis\'s fatal config message', async () => {
  const { code, out } = await run('nencache-server.js', ['--maxclients', 'lots']).output;
  assert.equal(code, 1);
  assert.match(out, /\*\*\* FATAL CONFIG FILE ERROR \(Redis 7\.0\.15\) \*\*\*/);
  assert.match(out, />>> 'maxclients "lots"'/);
});

test('--version and --help answer without starting a server', async () => {
  assert.match((await run('nencache-server.js', ['--version']).output).out, /^NenCache server v=\d+\.\d+\.\d+/);
  assert.match((await run('nencache-server.js', ['--help']).output).out, /Usage: nencache-server/);
  const help = (await run('nencache.js', ['--help']).output).out;
  assert.match(help, /serve/);
  assert.match(help, /bench/);
  assert.match((await run('nencache.js', ['bench', '--help']).output).out, /--pipelines/);
});
