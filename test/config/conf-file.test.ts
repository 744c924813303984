// redis.conf and command-line loading: messages, line numbers and resulting
// values as redis-server 7.0.15 produced them for the same inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFileError, loadConfig, parseServerArgs } from '../../src/config/conf-file.js';
import { quoteArg, splitArgs, splitArgsBytes } from '../../src/config/split-args.js';

// Every expected message and value below is what redis-server 7.0.15 printed
// (or answered to CONFIG GET) for the same file and arguments.

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'nencache-conf-')));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function fatalOf(argv: string[]): string {
  try {
    loadConfig(argv);
  } catch (e) {
    assert.ok(e instanceof ConfigFileError);
    return e.message;
  }
  assert.fail('expected a config error');
}

const FATAL = '\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n';
const at = (line: number, text: string, why: string): string => `${FATAL}Reading the configuration file, at line ${line}\n>>> '${text}'\n${why}`;

test('an unknown directive stops loading with the line number and line', () => {
  assert.equal(fatalOf([file('bad1.conf', 'port 6396\nfoo bar\n')]), at(2, 'foo bar', 'Bad directive or wrong number of arguments'));
});

test('comments and blank lines count as lines and the echoed line is trimmed', () => {
  assert.equal(fatalOf([file('bad2.conf', '# c\n\n  port "abc"  \n')]), at(3, 'port "abc"', "argument couldn't be parsed into an integer"));
});

test('command line options follow the file after a newline and are echoed quoted', () => {
  assert.equal(fatalOf(['--port', 'abc']), at(2, 'port "abc"', "argument couldn't be parsed into an integer"));
  assert.equal(fatalOf([file('ok.conf', 'port 6396\n'), '--hz', 'abc']), at(3, 'hz "abc"', "argument couldn't be parsed into an integer"));
  assert.equal(fatalOf([file('ok2.conf', 'port 6396'), '--hz', 'abc']), at(2, 'hz "abc"', "argument couldn't be parsed into an integer"));
  assert.equal(fatalOf(['--port', '6396', '--maxmemory', '1x']), at(3, 'maxmemory "1x"', 'argument must be a memory value'));
  assert.equal(fatalOf(['--port', '6396', '--hz', '1', '2']), at(3, 'hz "1" "2"', 'wrong number of arguments'));
});

test('each type of bad value gives Redis reason', () => {
  const cases: [string, string][] = [
    ['port "6396', 'Unbalanced quotes in configuration line'],
    ['port "6396"x', 'Unbalanced quotes in configuration line'],
    ['databases 0', 'argument must be between 1 and 2147483647 inclusive'],
    ['save 1', 'Invalid save parameters'],
    ['PORT abc', "argument couldn't be parsed into an integer"],
    ['loglevel', 'wrong number of arguments'],
    ['socket-mark-id -1', 'argument must be between 0 and 4294967295 inclusive'],
    ['unixsocketperm 800', "argument couldn't be parsed as an octal number"],
    ['shutdown-on-sigint save nosave', "shutdown options SAVE and NOSAVE can't be used simultaneously"],
  ];
  for (const [line, why] of cases) assert.equal(fatalOf([file('one.conf', line + '\n')]), at(1, line, why), line);
});

test('a missing config file or include is reported as redis-server logs it', () => {
  assert.equal(fatalOf([join(dir, 'nonexist.conf')]), `Fatal error, can't open config file '${join(dir, 'nonexist.conf')}': No such file or directory`);
  assert.equal(fatalOf([file('inc-missing.conf', 'include /nonexist.conf\n')]), "Fatal error, can't open config file '/nonexist.conf': No such file or directory");
});

test('a full file with includes, quoting, aliases and repeated lines loads as in redis', () => {
  mkdirSync(join(dir, 'sub'), { recursive: true });
  file('sub/inc.conf', 'hz 20\n');
  file('sub/a1.conf', 'maxmemory 5mb\n');
  file('sub/a2.conf', 'maxmemory 6mb\n');
  const conf = file(
    'good.conf',
    [
      '# comment', '   port 6396   ', 'bind 127.0.0.1', 'bind 127.0.0.1 ::1', 'save 100 1', 'save 200 2', 'SAVE 300 3',
      `include ${dir}/sub/inc.conf`, `include ${dir}/sub/a*.conf`, `include ${dir}/sub/none*.conf`,
      String.raw`masteruser "a\x41\tb\\\"q"`, String.raw`masterauth 'it\'s "x"'`, 'list-max-ziplist-entries 5', 'lua-replicate-commands yes',
      'notify-keyspace-events ""', 'ignore-warnings "" ', 'slave-read-only no', 'client-output-buffer-limit pubsub 1mb 2mb 3',
      'client-output-buffer-limit normal 1 2 3 replica 4 5 6', 'oom-score-adj-values 1 2 3', '',
    ].join('\n'),
  );
  const cfg = loadConfig([conf, '--loglevel', 'warning', '--save', '--appendonly', 'no']);
  const expected: Record<string, string> = {
    port: '6396', hz: '20', maxmemory: '6291456', bind: '127.0.0.1 ::1', save: '', masteruser: 'aA\tb\\"q', masterauth: 'it\'s "x"',
    'replica-read-only': 'no', 'client-output-buffer-limit': 'normal 1 2 3 slave 4 5 6 pubsub 1048576 2097152 3',
    'oom-score-adj-values': '1 2 3', 'notify-keyspace-events': '', loglevel: 'warning', appendonly: 'no',
  };
  for (const [k, v] of Object.entries(expected)) assert.equal(cfg.get(k), v, k);
  assert.equal(cfg.configFile, conf);
  // After an include ends, Redis leaves "reading" mode: later save lines replace the rules.
  assert.equal(loadConfig([conf, '--save', '5', '5', '--save', '6', '6']).get('save'), '6 6');
  assert.equal(loadConfig([conf, '--bind', '127.0.0.1', '--bind', '::1', '--masterauth', '--x']).get('masterauth'), '--x');
});

test('save lines in a file add up, save "" clears them and options append after the file', () => {
  const conf = file('s.conf', 'save 100 1\nsave 200 2\nsave 300 3 400 4\n');
  assert.equal(loadConfig([conf]).get('save'), '100 1 200 2 300 3 400 4');
  assert.equal(loadConfig([conf, '--save', '5', '5']).get('save'), '100 1 200 2 300 3 400 4 5 5');
  assert.equal(loadConfig([conf, '--save', '5', '5', '--save', '6', '6', '--hz', '5']).get('save'), '100 1 200 2 300 3 400 4 5 5 6 6');
  assert.equal(loadConfig([conf, '--save', '', '--save', '7', '7']).get('save'), '7 7');
  assert.equal(loadConfig([conf, '--save', '--port', '6396']).get('save'), '');
  assert.equal(loadConfig(['--port', '6396', '--save']).get('save'), '');
});

test('dir changes where later relative includes are read from', () => {
  mkdirSync(join(dir, 'sub'), { recursive: true });
  file('sub/inc.conf', 'hz 20\n');
  const cfg = loadConfig([file('dirinc.conf', `dir ${dir}/sub\ninclude inc.conf\nport 6396\n`)]);
  assert.equal(cfg.get('hz'), '20');
  assert.equal(cfg.get('dir'), join(dir, 'sub'));
});

test('special parameters from a file are normalised as CONFIG GET prints them', () => {
  const conf = file('misc.conf', [
    'port 6396', 'hz 0', 'repl-backlog-size 1', 'maxmemory-clients 5%', 'unixsocketperm 0755', 'socket-mark-id 7',
    'shutdown-on-sigterm force now', 'notify-keyspace-events KEA', 'latency-tracking-info-percentiles ""',
    'client-output-buffer-limit normal 1gb 512mb 0', 'replicaof "127.0.0.1" 0', 'save ""', 'bind ""', 'bind 127.0.0.1 -::1', 'slaveof no one', '',
  ].join('\n'));
  const cfg = loadConfig([conf]);
  const expected: Record<string, string> = {
    hz: '1', 'repl-backlog-size': '1', 'maxmemory-clients': '5%', unixsocketperm: '755', 'socket-mark-id': '7', 'shutdown-on-sigterm': 'now force',
    'notify-keyspace-events': 'AKE', 'latency-tracking-info-percentiles': '', replicaof: '', slaveof: '', save: '', bind: '127.0.0.1 -::1',
    'client-output-buffer-limit': 'normal 1073741824 536870912 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60',
  };
  for (const [k, v] of Object.entries(expected)) assert.equal(cfg.get(k), v, k);
});

test('option values keep spaces, quotes and backslashes', () => {
  const cfg = loadConfig(['--port', '6396', '--bind', '127.0.0.1', '-::1', '--requirepass', 'sp ace"q\\\\', '--masterauth', 't\tab\x01']);
  assert.equal(cfg.get('bind'), '127.0.0.1 -::1');
  assert.equal(cfg.get('requirepass'), 'sp ace"q\\\\');
  assert.equal(cfg.get('masterauth'), 't\tab\x01');
  assert.equal(loadConfig(['--port 6396', '--hz', '7']).get('port'), '6396');
});

test('rename-command, user and module lines are kept for the server to apply', () => {
  const cfg = loadConfig([file('dirs.conf', 'rename-command FLUSHALL ""\nuser alice on >pw ~* +@all\nmymod.opt 5\nsentinel\n')]);
  assert.deepEqual(cfg.directives, [
    { name: 'rename-command', args: ['FLUSHALL', ''] },
    { name: 'user', args: ['alice', 'on', '>pw', '~*', '+@all'] },
    { name: 'mymod.opt', args: ['5'] },
  ]);
  assert.equal(fatalOf([file('modbad.conf', 'mymod.opt\n')]), at(1, 'mymod.opt', 'Module config specified without value'));
});

test('server arguments become config lines the way redis-server main() builds them', () => {
  assert.deepEqual(parseServerArgs(['a.conf', '--port', '1', '--bind', 'x', 'y']), { configFile: 'a.conf', fromStdin: false, options: 'port "1" \nbind "x" "y" ' });
  assert.deepEqual(parseServerArgs(['--save', '--port', '1']), { fromStdin: false, options: 'save ""\nport "1" ' });
  assert.deepEqual(parseServerArgs(['--masterauth', '--x']), { fromStdin: false, options: 'masterauth "--x" ' });
  assert.deepEqual(parseServerArgs(['-', '--port', '1']), { fromStdin: true, options: 'port "1" ' });
  assert.equal(loadConfig(['-', '--hz', '3'], { readStdin: () => 'port 7001\n' }).get('port'), '7001');
});

test('splitArgs follows sdssplitargs quoting as the inline protocol of redis does', () => {
  // Checked with inline ECHO commands against redis-server.
  assert.deepEqual(splitArgs(String.raw`ECHO "a\x41\n\t\"b'"`), ['ECHO', 'aA\n\t"b\'']);
  assert.deepEqual(splitArgs(String.raw`ECHO 'it\'s "x"'`), ['ECHO', 'it\'s "x"']);
  assert.deepEqual(splitArgs('ECHO ab"cd"'), ['ECHO', 'abcd']);
  assert.equal(splitArgs('ECHO "abc"x'), null);
  assert.equal(splitArgs("ECHO 'abc"), null);
  assert.deepEqual(splitArgs(String.raw`ECHO "a\qb\\"`), ['ECHO', 'aqb\\']);
  assert.deepEqual(splitArgs(String.raw`ECHO "\x4g"`), ['ECHO', 'x4g']);
  assert.deepEqual(splitArgs('ECHO a\vb'), ['ECHO', 'a\vb']);
  assert.deepEqual(splitArgs('ECHO ""'), ['ECHO', '']);
  assert.deepEqual(splitArgs("ECHO a'b c'"), ['ECHO', 'ab c']);
  assert.deepEqual(splitArgs('  \t '), []);
  assert.deepEqual(splitArgs('a\0b c'), ['a']);
  assert.deepEqual(splitArgsBytes(Buffer.from('x "\\xff" y', 'latin1'), 2, 8), [Uint8Array.of(0xff)]);
  assert.equal(splitArgsBytes(Buffer.from('"open'), 0, 5), null);
});

test('quoteArg escapes like sdscatrepr and splits back to the same string', () => {
  assert.equal(quoteArg('a"b\\c\n\x01\x7f\xe9'), '"a\\"b\\\\c\\n\\x01\\x7f\\xe9"');
  for (const s of ['', 'plain', 'sp ace', '"\'\\', '\t\r\n\x07\x08', '\x00\xff', 'snow\u2603']) assert.deepEqual(splitArgs(quoteArg(s)), [s]);
});
