// CONFIG GET | SET | RESETSTAT | REWRITE | HELP — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { loadConfig } from '../../../src/config/conf-file.js';
import { Server } from '../../../src/server/server.js';
import { Wire, runSteps } from './wire.js';

/** CONFIG GET's reply as sorted [name, value] pairs (Redis's order is its dict's). */
async function configGet(c: RawClient, ...patterns: string[]): Promise<[string, string][]> {
  const flat = plain(await c.call('CONFIG', 'GET', ...patterns)) as string[];
  const pairs: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  return pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('CONFIG', () => {
  let s: TestServer;
  let c: RawClient;
  before(async () => {
    s = await startServer();
    c = await RawClient.connect(s.port);
  });
  after(async () => {
    c.close();
    await s.stop();
  });

  test('CONFIG GET an exact name answers a name/value pair', () =>
    runSteps(s.port, [
      [['CONFIG', 'GET', 'maxmemory'], '*2\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n'],
      // The name is echoed as given; the same parameter twice is listed once.
      [['CONFIG', 'GET', 'MAXMEMORY', 'maxmemory'], '*2\r\n$9\r\nMAXMEMORY\r\n$1\r\n0\r\n'],
      [['CONFIG', 'GET', 'nonexistent'], '*0\r\n'],
      [['CONFIG', 'GET'], "-ERR wrong number of arguments for 'config|get' command\r\n"],
    ]));

  test('CONFIG GET with glob patterns and several arguments', async () => {
    assert.deepEqual(await configGet(c, 'maxmemory*'), [
      ['maxmemory', '0'],
      ['maxmemory-clients', '0'],
      ['maxmemory-eviction-tenacity', '10'],
      ['maxmemory-policy', 'noeviction'],
      ['maxmemory-samples', '5'],
    ]);
    assert.deepEqual(await configGet(c, 'maxmem*', '*memory-pol*', 'maxmemory'), [
      ['maxmemory', '0'],
      ['maxmemory-clients', '0'],
      ['maxmemory-eviction-tenacity', '10'],
      ['maxmemory-policy', 'noeviction'],
      ['maxmemory-samples', '5'],
    ]);
    // Patterns are case-insensitive and also match the old alias names.
    assert.deepEqual(await configGet(c, 'MaxMemory-P*'), [['maxmemory-policy', 'noeviction']]);
    assert.deepEqual(await configGet(c, '*max-*-entries*'), [
      ['hash-max-listpack-entries', '512'],
      ['hash-max-ziplist-entries', '512'],
      ['set-max-intset-entries', '512'],
      ['zset-max-listpack-entries', '128'],
      ['zset-max-ziplist-entries', '128'],
    ]);
  });

  test('CONFIG GET in RESP3 is a map', async () => {
    const w = await Wire.connect(s.port);
    await w.call('HELLO', '3');
    assert.equal(await w.call('CONFIG', 'GET', 'maxmemory-policy'), '%1\r\n$16\r\nmaxmemory-policy\r\n$10\r\nnoeviction\r\n');
    w.close();
  });

  test('CONFIG SET set and get several options at once', async () => {
    assert.equal(plain(await c.call('CONFIG', 'SET', 'maxmemory', '10mb', 'maxmemory-policy', 'allkeys-lru', 'slowlog-max-len', '129')), 'OK');
    assert.deepEqual(await configGet(c, 'maxmemory', 'maxmemory-policy', 'slowlog-max-len'), [
      ['maxmemory', '10485760'],
      ['maxmemory-policy', 'allkeys-lru'],
      ['slowlog-max-len', '129'],
    ]);
    assert.equal(plain(await c.call('CONFIG', 'SET', 'maxmemory', '0', 'maxmemory-policy', 'noeviction', 'slowlog-max-len', '128')), 'OK');
  });

  test('CONFIG SET rollback on set error', async () => {
    assert.deepEqual(plain(await c.call('CONFIG', 'SET', 'maxmemory', '10mb', 'port', 'abc')), {
      error: "ERR CONFIG SET failed (possibly related to argument 'port') - argument couldn't be parsed into an integer",
    });
    assert.deepEqual(await configGet(c, 'maxmemory'), [['maxmemory', '0']]);
  });

  test('CONFIG SET errors', () =>
    runSteps(s.port, [
      [['CONFIG', 'SET', 'maxmemory'], "-ERR wrong number of arguments for 'config|set' command\r\n"],
      [['CONFIG', 'SET', 'maxmemory', '1', 'x'], '-ERR syntax error\r\n'],
      [['CONFIG', 'SET', 'foo', 'bar'], "-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n"],
      [['CONFIG', 'SET', 'maxmemory', 'abc'], "-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value\r\n"],
      [['CONFIG', 'SET', 'maxmemory', '1', 'MAXMEMORY', '2'], "-ERR CONFIG SET failed (possibly related to argument 'MAXMEMORY') - duplicate parameter\r\n"],
      [['CONFIG', 'SET', 'daemonize', 'yes'], "-ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable config\r\n"],
      [['CONFIG', 'SET', 'dir', '/tmp'], "-ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config\r\n"],
    ]));

  test('CONFIG RESETSTAT and CONFIG REWRITE without a file', () =>
    runSteps(s.port, [
      [['CONFIG', 'RESETSTAT'], '+OK\r\n'],
      [['CONFIG', 'RESETSTAT', 'x'], "-ERR wrong number of arguments for 'config|resetstat' command\r\n"],
      [['CONFIG', 'REWRITE'], '-ERR The server is running without a config file\r\n'],
    ]));

  test('CONFIG HELP and unknown subcommands', () =>
    runSteps(s.port, [
      [
        ['CONFIG', 'HELP'],
        '*11\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+GET <pattern>\r\n' +
          '+    Return parameters matching the glob-like <pattern> and their values.\r\n+SET <directive> <value>\r\n' +
          '+    Set the configuration <directive> to <value>.\r\n+RESETSTAT\r\n+    Reset statistics reported by the INFO command.\r\n' +
          '+REWRITE\r\n+    Rewrite the configuration file.\r\n+HELP\r\n+    Prints this help.\r\n',
      ],
      [['CONFIG'], "-ERR wrong number of arguments for 'config' command\r\n"],
      [['CONFIG', 'foo'], "-ERR unknown subcommand 'foo'. Try CONFIG HELP.\r\n"],
    ]));
});

describe('CONFIG REWRITE', () => {
  test('CONFIG REWRITE keeps the file, replaces changed options and appends new ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nencache-rewrite-'));
    const file = join(dir, 'redis.conf');
    writeFileSync(file, '# my comment\nmaxmemory 100mb\nmaxmemory 200mb\nhash-max-ziplist-entries 100\n   hz 10\ninclude ' + join(dir, 'inc.conf') + '\n');
    writeFileSync(join(dir, 'inc.conf'), 'timeout 5\n');
    const server = new Server({ config: loadConfig([file, '--port', '0', '--bind', '127.0.0.1', '--save', '']) });
    server.configFile = file;
    await server.listen();
    try {
      const c = await Wire.connect(server.port);
      assert.equal(
        await c.call('CONFIG', 'SET', 'maxmemory', '1gb', 'hash-max-listpack-entries', '200', 'masterauth', 'a"b c', 'timeout', '7'),
        '+OK\r\n',
      );
      assert.equal(await c.call('CONFIG', 'REWRITE'), '+OK\r\n');
      const text = readFileSync(file, 'latin1');
      const [head, tail] = text.split('# Generated by CONFIG REWRITE\n');
      // As Redis wrote it for the same steps: first line of an option rewritten, later ones blanked,
      // aliases rewritten under the new name, default values kept where they were.
      assert.equal(head, `# my comment\nmaxmemory 1gb\n\nhash-max-listpack-entries 200\nhz 10\ninclude ${join(dir, 'inc.conf')}\n\n`);
      const appended = tail!.split('\n').filter((l) => l !== '');
      for (const line of ['port 0', 'bind 127.0.0.1', 'save ""', `dir ${JSON.stringify(process.cwd())}`, 'masterauth "a\\"b c"', 'timeout 7']) {
        assert.ok(appended.includes(line), `${line} in ${JSON.stringify(appended)}`);
      }
      assert.equal(appended.length, 6);
      // Like Redis, a second rewrite keeps the file's final newline as an empty line; then it is stable.
      assert.equal(await c.call('CONFIG', 'REWRITE'), '+OK\r\n');
      assert.equal(readFileSync(file, 'latin1'), text + '\n');
      assert.equal(await c.call('CONFIG', 'REWRITE'), '+OK\r\n');
      assert.equal(readFileSync(file, 'latin1'), text + '\n');
      // The rewritten file loads back to the same values.
      const again = loadConfig([file]);
      assert.equal(again.get('maxmemory'), String(1024 ** 3));
      assert.equal(again.get('masterauth'), 'a"b c');
      assert.equal(again.get('timeout'), '7');
      c.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('CONFIG REWRITE reports why the file cannot be written', async () => {
    const server = new Server({ config: loadConfig(['--port', '0', '--bind', '127.0.0.1']) });
    server.configFile = '/nonexistent-dir/redis.conf';
    await server.listen();
    try {
      await runSteps(server.port, [[['CONFIG', 'REWRITE'], '-ERR Rewriting config file: No such file or directory\r\n']]);
    } finally {
      await server.close();
    }
  });
});
