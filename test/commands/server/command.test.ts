// COMMAND | COUNT | INFO | DOCS | LIST | GETKEYS | GETKEYSANDFLAGS | HELP — replies from Redis 7.0.15.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from '../../helpers/server.js';
import { RawClient, plain } from '../../helpers/resp-client.js';
import { aclCategories } from '../../../src/commands/define.js';
import { Wire, runSteps } from './wire.js';

const INFO_GET =
  '*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n*3\r\n+@read\r\n+@string\r\n+@fast\r\n*0\r\n*1\r\n' +
  '*6\r\n$5\r\nflags\r\n*2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n' +
  '$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n';
const INFO_ECHO = '*10\r\n$4\r\necho\r\n:2\r\n*3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n*2\r\n+@fast\r\n+@connection\r\n*0\r\n*0\r\n*0\r\n';
const INFO_CONFIG_GET =
  '*10\r\n$10\r\nconfig|get\r\n:-3\r\n*4\r\n+admin\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n*3\r\n+@admin\r\n+@slow\r\n+@dangerous\r\n*0\r\n*0\r\n*0\r\n';
const INFO_TIME =
  '*10\r\n$4\r\ntime\r\n:1\r\n*3\r\n+loading\r\n+stale\r\n+fast\r\n:0\r\n:0\r\n:0\r\n*1\r\n+@fast\r\n*1\r\n$23\r\nnondeterministic_output\r\n*0\r\n*0\r\n';
const INFO_GET_RESP3 =
  '*10\r\n$3\r\nget\r\n:2\r\n~2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n~3\r\n+@read\r\n+@string\r\n+@fast\r\n~0\r\n~1\r\n' +
  '%3\r\n$5\r\nflags\r\n~2\r\n+RO\r\n+access\r\n$12\r\nbegin_search\r\n%2\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n%1\r\n$5\r\nindex\r\n:1\r\n' +
  '$9\r\nfind_keys\r\n%2\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n%3\r\n$7\r\nlastkey\r\n:0\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n~0\r\n';

describe('COMMAND', () => {
  let s: TestServer;
  let r: RawClient;
  before(async () => {
    s = await startServer();
    r = await RawClient.connect(s.port);
  });
  after(async () => {
    r.close();
    await s.stop();
  });

  test('COMMAND COUNT is the number of top-level commands', async () => {
    assert.equal(plain(await r.call('COMMAND', 'COUNT')), s.server.table.size);
    assert.deepEqual(plain(await r.call('COMMAND', 'COUNT', 'x')), { error: "ERR wrong number of arguments for 'command|count' command" });
  });

  test('COMMAND INFO of some commands', () =>
    runSteps(s.port, [
      [['COMMAND', 'INFO', 'get', 'echo', 'config|get', 'time', 'nosuch', 'CONFIG|GET'], `*6\r\n${INFO_GET}${INFO_ECHO}${INFO_CONFIG_GET}${INFO_TIME}$-1\r\n${INFO_CONFIG_GET}`],
      [['COMMAND', 'INFO', 'config|nosuch', 'get|x', 'config|get|x'], '*3\r\n$-1\r\n$-1\r\n$-1\r\n'],
    ]));

  test('COMMAND INFO uses sets and maps in RESP3', async () => {
    const c = await Wire.connect(s.port);
    await c.call('HELLO', '3');
    assert.equal(await c.call('COMMAND', 'INFO', 'get', 'nosuch'), `*2\r\n${INFO_GET_RESP3}_\r\n`);
    c.close();
  });

  test('COMMAND INFO of a container lists its subcommands', async () => {
    const [config] = plain(await r.call('COMMAND', 'INFO', 'config')) as unknown[][];
    assert.deepEqual(config!.slice(0, 9), ['config', -2, [], 0, 0, 0, ['@slow'], [], []]);
    const subs = (config![9] as unknown[][]).map((x) => x[0]).sort();
    assert.deepEqual(subs, ['config|get', 'config|help', 'config|resetstat', 'config|rewrite', 'config|set']);
  });

  test('COMMAND and COMMAND INFO without names describe every command', async () => {
    const all = plain(await r.call('COMMAND')) as unknown[][];
    assert.equal(all.length, s.server.table.size);
    const names = all.map((x) => x[0]);
    for (const n of ['get', 'config', 'client', 'command', 'info', 'hello']) assert.ok(names.includes(n), n);
    assert.deepEqual(plain(await r.call('COMMAND', 'INFO')), all);
  });

  test('COMMAND DOCS of some commands', () =>
    runSteps(s.port, [
      [
        ['COMMAND', 'DOCS', 'time', 'slowlog|len', 'debug', 'nosuch'],
        '*6\r\n$4\r\ntime\r\n*8\r\n$7\r\nsummary\r\n$30\r\nReturn the current server time\r\n$5\r\nsince\r\n$5\r\n2.6.0\r\n$5\r\ngroup\r\n$6\r\nserver\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n' +
          "$11\r\nslowlog|len\r\n*8\r\n$7\r\nsummary\r\n$25\r\nGet the slow log's length\r\n$5\r\nsince\r\n$6\r\n2.2.12\r\n$5\r\ngroup\r\n$6\r\nserver\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n" +
          '$5\r\ndebug\r\n*10\r\n$7\r\nsummary\r\n$34\r\nA container for debugging commands\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nserver\r\n$10\r\ncomplexity\r\n$22\r\nDepends on subcommand.\r\n$9\r\ndoc_flags\r\n*1\r\n+syscmd\r\n',
      ],
      [['COMMAND', 'DOCS', 'nosuch'], '*0\r\n'],
    ]));

  test('COMMAND DOCS in RESP3 with history and subcommands', async () => {
    const c = await Wire.connect(s.port);
    await c.call('HELLO', '3');
    const docs = await c.call('COMMAND', 'DOCS', 'slowlog');
    assert.ok(docs.startsWith('%1\r\n$7\r\nslowlog\r\n%5\r\n$7\r\nsummary\r\n$33\r\nA container for slow log commands\r\n'));
    assert.ok(docs.includes('$11\r\nsubcommands\r\n%4\r\n'));
    assert.ok(docs.includes('$7\r\nhistory\r\n~1\r\n*2\r\n$5\r\n4.0.0\r\n$52\r\nAdded client IP address, port and name to the reply.\r\n'));
    c.close();
    const all = plain(await r.call('COMMAND', 'DOCS')) as unknown[];
    assert.equal(all.length, 2 * s.server.table.size);
  });

  test('COMMAND LIST with and without filters', async () => {
    const all = plain(await r.call('COMMAND', 'LIST')) as string[];
    for (const n of ['get', 'config', 'config|get', 'client|kill', 'command|list']) assert.ok(all.includes(n), n);
    const cl = (plain(await r.call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'CL*')) as string[]).sort();
    assert.ok(cl.length > 0 && cl.every((n) => n.startsWith('client')));
    assert.ok(cl.includes('client') && cl.includes('client|setname'));
    const conn = plain(await r.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'Connection')) as string[];
    for (const n of ['echo', 'hello', 'auth', 'client|id', 'command', 'command|info']) assert.ok(conn.includes(n), n);
    for (const n of conn) assert.ok(aclCategories(s.server.table.byName(n)!.spec).includes('connection'), n);
    assert.deepEqual(plain(await r.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch')), []);
    assert.deepEqual(plain(await r.call('COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x')), []);
  });

  test('COMMAND LIST syntax errors', () =>
    runSteps(s.port, [
      [['COMMAND', 'LIST', 'foo'], '-ERR syntax error\r\n'],
      [['COMMAND', 'LIST', 'FILTERBY', 'foo', 'x'], '-ERR syntax error\r\n'],
      [['COMMAND', 'LIST', 'FILTERBY', 'PATTERN'], '-ERR syntax error\r\n'],
      [['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'a', 'b'], '-ERR syntax error\r\n'],
    ]));

  test('COMMAND GETKEYS GET and GETKEYSANDFLAGS', () =>
    runSteps(s.port, [
      [['COMMAND', 'GETKEYS', 'get', 'k'], '*1\r\n$1\r\nk\r\n'],
      [['COMMAND', 'GETKEYS', 'GET', '\x00\xff'], '*1\r\n$2\r\n\x00\xff\r\n'],
      [['COMMAND', 'GETKEYSANDFLAGS', 'get', 'k'], '*1\r\n*2\r\n$1\r\nk\r\n*2\r\n+RO\r\n+access\r\n'],
    ]));

  test('COMMAND GETKEYS errors', () =>
    runSteps(s.port, [
      [['COMMAND', 'GETKEYS', 'foo', 'k'], '-ERR Invalid command specified\r\n'],
      [['COMMAND', 'GETKEYS', 'client', 'foo'], '-ERR Invalid command specified\r\n'],
      [['COMMAND', 'GETKEYS', 'client', 'list'], '-ERR The command has no key arguments\r\n'],
      [['COMMAND', 'GETKEYS', 'config', 'get', 'x'], '-ERR The command has no key arguments\r\n'],
      [['COMMAND', 'GETKEYS', 'echo', 'x'], '-ERR The command has no key arguments\r\n'],
      [['COMMAND', 'GETKEYS', 'get', 'k', 'x'], '-ERR Invalid number of arguments specified for command\r\n'],
      [['COMMAND', 'GETKEYS', 'get'], "-ERR wrong number of arguments for 'command|getkeys' command\r\n"],
      [['COMMAND', 'GETKEYSANDFLAGS', 'ping'], "-ERR wrong number of arguments for 'command|getkeysandflags' command\r\n"],
    ]));

  test('COMMAND HELP and unknown subcommands', () =>
    runSteps(s.port, [
      [
        ['COMMAND', 'HELP'],
        '*21\r\n+COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+(no subcommand)\r\n+    Return details about all Redis commands.\r\n' +
          '+COUNT\r\n+    Return the total number of commands in this Redis server.\r\n+LIST\r\n+    Return a list of all commands in this Redis server.\r\n' +
          '+INFO [<command-name> ...]\r\n+    Return details about multiple Redis commands.\r\n+    If no command names are given, documentation details for all\r\n' +
          '+    commands are returned.\r\n+DOCS [<command-name> ...]\r\n+    Return documentation details about multiple Redis commands.\r\n' +
          '+    If no command names are given, documentation details for all\r\n+    commands are returned.\r\n+GETKEYS <full-command>\r\n' +
          '+    Return the keys from a full Redis command.\r\n+GETKEYSANDFLAGS <full-command>\r\n+    Return the keys and the access flags from a full Redis command.\r\n' +
          '+HELP\r\n+    Prints this help.\r\n',
      ],
      [['COMMAND', 'foo'], "-ERR unknown subcommand 'foo'. Try COMMAND HELP.\r\n"],
    ]));
});
