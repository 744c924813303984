// DEL, UNLINK, EXISTS, TYPE, TOUCH, KEYS, RANDOMKEY
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'DEL against a single item',
    steps: [
      [['SET', 'x', 'foo'], '+OK\r\n'],
      [['GET', 'x'], '$3\r\nfoo\r\n'],
      [['DEL', 'x'], ':1\r\n'],
      [['GET', 'x'], '$-1\r\n'],
    ],
  },
  {
    name: 'Vararg DEL',
    steps: [
      [['SET', 'foo1', 'a'], '+OK\r\n'],
      [['SET', 'foo2', 'b'], '+OK\r\n'],
      [['SET', 'foo3', 'c'], '+OK\r\n'],
      [['DEL', 'foo1', 'foo2', 'foo3', 'foo4'], ':3\r\n'],
      [['MGET', 'foo1', 'foo2', 'foo3'], '*3\r\n$-1\r\n$-1\r\n$-1\r\n'],
    ],
  },
  {
    name: 'DEL counts a key given twice once',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['DEL', 'a', 'a', 'b'], ':1\r\n'],
      [['DEL', 'a'], ':0\r\n'],
    ],
  },
  {
    name: 'UNLINK can reclaim memory in background',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SET', 'b', '2'], '+OK\r\n'],
      [['UNLINK', 'a', 'b', 'a', 'c'], ':2\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'DEL of an expired key returns 0',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'a', '1', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['DBSIZE'], ':1\r\n'],
      [['DEL', 'a'], ':0\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'EXISTS',
    steps: [
      [['SET', 'newkey', 'test'], '+OK\r\n'],
      [['EXISTS', 'newkey'], ':1\r\n'],
      [['DEL', 'newkey'], ':1\r\n'],
      [['EXISTS', 'newkey'], ':0\r\n'],
    ],
  },
  {
    name: 'Zero length value in key. SET/GET/EXISTS',
    steps: [
      [['SET', 'emptykey', ''], '+OK\r\n'],
      [['GET', 'emptykey'], '$0\r\n\r\n'],
      [['EXISTS', 'emptykey'], ':1\r\n'],
      [['DEL', 'emptykey'], ':1\r\n'],
      [['EXISTS', 'emptykey'], ':0\r\n'],
    ],
  },
  {
    name: 'EXISTS counts every argument, repeated keys too',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['EXISTS', 'a', 'a', 'b', 'a'], ':3\r\n'],
      [['EXISTS', 'b', 'c'], ':0\r\n'],
    ],
  },
  {
    name: 'TYPE of a string, a missing key and an empty key name',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['TYPE', 'a'], '+string\r\n'],
      [['TYPE', 'nokey'], '+none\r\n'],
      [['SET', '', 'x'], '+OK\r\n'],
      [['TYPE', ''], '+string\r\n'],
    ],
  },
  {
    name: 'TYPE of an expired key is none',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'a', '1', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['TYPE', 'a'], '+none\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'TOUCH returns the number of existing keys specified',
    steps: [
      [['FLUSHDB'], '+OK\r\n'],
      [['SET', 'key1', '1'], '+OK\r\n'],
      [['SET', 'key2', '2'], '+OK\r\n'],
      [['TOUCH', 'key0', 'key1', 'key2', 'key3'], ':2\r\n'],
      [['TOUCH', 'key1', 'key1'], ':2\r\n'],
    ],
  },
  {
    name: 'KEYS with pattern',
    steps: [
      [['MSET', 'key_x', '1', 'key_y', '1', 'key_z', '1', 'foo_a', '1', 'foo_b', '1', 'foo_c', '1'], '+OK\r\n'],
      [['KEYS', 'foo*'], '*3\r\n$5\r\nfoo_b\r\n$5\r\nfoo_c\r\n$5\r\nfoo_a\r\n', 'unordered'],
      [['KEYS', '*'], '*6\r\n$5\r\nfoo_b\r\n$5\r\nkey_z\r\n$5\r\nfoo_c\r\n$5\r\nfoo_a\r\n$5\r\nkey_x\r\n$5\r\nkey_y\r\n', 'unordered'],
      [['KEYS', 'key_?'], '*3\r\n$5\r\nkey_z\r\n$5\r\nkey_x\r\n$5\r\nkey_y\r\n', 'unordered'],
      [['KEYS', 'key_[xz]'], '*2\r\n$5\r\nkey_z\r\n$5\r\nkey_x\r\n', 'unordered'],
      [['KEYS', 'key_[^x]'], '*2\r\n$5\r\nkey_z\r\n$5\r\nkey_y\r\n', 'unordered'],
      [['KEYS', 'KEY*'], '*0\r\n', 'unordered'],
    ],
  },
  {
    name: 'KEYS to get all keys',
    steps: [
      [['MSET', 'a', '1', 'b', '2'], '+OK\r\n'],
      [['KEYS', '*'], '*2\r\n$1\r\nb\r\n$1\r\na\r\n', 'unordered'],
      [['DBSIZE'], ':2\r\n'],
    ],
  },
  {
    name: 'KEYS with an empty pattern or an empty database',
    steps: [
      [['KEYS', '*'], '*0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['KEYS', ''], '*0\r\n'],
      [['SET', '', '1'], '+OK\r\n'],
      [['KEYS', ''], '*1\r\n$0\r\n\r\n'],
      [['KEYS', '*'], '*2\r\n$0\r\n\r\n$1\r\na\r\n', 'unordered'],
    ],
  },
  {
    name: 'KEYS with hashtag',
    steps: [
      [['MSET', '{a}x', '1', '{a}y', '1', '{b}z', '1'], '+OK\r\n'],
      [['KEYS', '{a}*'], '*2\r\n$4\r\n{a}x\r\n$4\r\n{a}y\r\n', 'unordered'],
      [['KEYS', '*{b}*'], '*1\r\n$4\r\n{b}z\r\n', 'unordered'],
    ],
  },
  {
    name: 'KEYS matches keys holding glob metacharacters when they are escaped',
    steps: [
      [['MSET', 'a*b', '1', 'a?b', '2', 'a[b', '3', 'a\\b', '4', 'axb', '5'], '+OK\r\n'],
      [['KEYS', 'a\\*b'], '*1\r\n$3\r\na*b\r\n'],
      [['KEYS', 'a\\?b'], '*1\r\n$3\r\na?b\r\n'],
      [['KEYS', 'a\\[b'], '*1\r\n$3\r\na[b\r\n'],
      [['KEYS', 'a\\\\b'], '*1\r\n$3\r\na\\b\r\n'],
      [['KEYS', 'a[*]b'], '*1\r\n$3\r\na*b\r\n'],
      [['KEYS', 'a[^x]b'], '*4\r\n$3\r\na?b\r\n$3\r\na*b\r\n$3\r\na[b\r\n$3\r\na\\b\r\n', 'unordered'],
      [['KEYS', 'a?b'], '*5\r\n$3\r\na?b\r\n$3\r\na*b\r\n$3\r\na[b\r\n$3\r\na\\b\r\n$3\r\naxb\r\n', 'unordered'],
      [['KEYS', 'a[\\[\\\\]b'], '*2\r\n$3\r\na[b\r\n$3\r\na\\b\r\n', 'unordered'],
    ],
  },
  {
    name: 'KEYS matches binary key names',
    steps: [
      [['SET', '\xff\x00\x01', 'v'], '+OK\r\n'],
      [['KEYS', '\xff*'], '*1\r\n$3\r\n\xff\x00\x01\r\n'],
      [['KEYS', '?\x00?'], '*1\r\n$3\r\n\xff\x00\x01\r\n'],
      [['KEYS', '[\xf0-\xff]*'], '*1\r\n$3\r\n\xff\x00\x01\r\n'],
      [['KEYS', '\xff'], '*0\r\n'],
    ],
  },
  {
    name: 'KEYS skips expired keys without deleting them',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'a', '1', 'PX', '10'], '+OK\r\n'],
      [['SET', 'b', '1'], '+OK\r\n'],
      { advance: 20 },
      [['KEYS', '*'], '*1\r\n$1\r\nb\r\n'],
      [['DBSIZE'], ':2\r\n'],
      [['KEYS', 'a'], '*0\r\n'],
      [['DBSIZE'], ':2\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY',
    steps: [
      [['SET', 'foo', 'x'], '+OK\r\n'],
      [['RANDOMKEY'], '$3\r\nfoo\r\n'],
      [['DEL', 'foo'], ':1\r\n'],
      [['SET', 'bar', 'y'], '+OK\r\n'],
      [['RANDOMKEY'], '$3\r\nbar\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY against empty DB',
    steps: [
      [['FLUSHDB'], '+OK\r\n'],
      [['RANDOMKEY'], '$-1\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY against empty DB in RESP3 is a null',
    resp: 3,
    steps: [
      [['RANDOMKEY'], '_\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY regression 1',
    steps: [
      [['SET', 'x', '10'], '+OK\r\n'],
      [['DEL', 'x'], ':1\r\n'],
      [['RANDOMKEY'], '$-1\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY skips and deletes expired keys',
    steps: [
      [['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], '+OK\r\n'],
      [['SET', 'a', '1', 'PX', '10'], '+OK\r\n'],
      { advance: 20 },
      [['DBSIZE'], ':1\r\n'],
      [['RANDOMKEY'], '$-1\r\n'],
      [['DBSIZE'], ':0\r\n'],
    ],
  },
  {
    name: 'RANDOMKEY returns binary and empty key names',
    steps: [
      [['SET', '', 'v'], '+OK\r\n'],
      [['RANDOMKEY'], '$0\r\n\r\n'],
      [['DEL', ''], ':1\r\n'],
      [['SET', '\x00\xff', 'v'], '+OK\r\n'],
      [['RANDOMKEY'], '$2\r\n\x00\xff\r\n'],
    ],
  },
  {
    name: 'Keyspace commands reject a wrong number of arguments',
    steps: [
      [['DEL'], '-ERR wrong number of arguments for \'del\' command\r\n'],
      [['UNLINK'], '-ERR wrong number of arguments for \'unlink\' command\r\n'],
      [['EXISTS'], '-ERR wrong number of arguments for \'exists\' command\r\n'],
      [['TYPE'], '-ERR wrong number of arguments for \'type\' command\r\n'],
      [['TYPE', 'a', 'b'], '-ERR wrong number of arguments for \'type\' command\r\n'],
      [['TOUCH'], '-ERR wrong number of arguments for \'touch\' command\r\n'],
      [['KEYS'], '-ERR wrong number of arguments for \'keys\' command\r\n'],
      [['KEYS', 'a', 'b'], '-ERR wrong number of arguments for \'keys\' command\r\n'],
      [['RANDOMKEY', 'x'], '-ERR wrong number of arguments for \'randomkey\' command\r\n'],
    ],
  },
];

runCases('DEL UNLINK EXISTS TYPE TOUCH KEYS RANDOMKEY', cases);
