// MGET key [key ...]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'MGET',
    steps: [
      [['SET', 'foo{t}', 'BAR'], '+OK\r\n'],
      [['SET', 'bar{t}', 'FOO'], '+OK\r\n'],
      [['MGET', 'foo{t}', 'bar{t}'], '*2\r\n$3\r\nBAR\r\n$3\r\nFOO\r\n'],
    ],
  },
  {
    name: 'MGET against non existing key',
    steps: [
      [['SET', 'foo{t}', 'BAR'], '+OK\r\n'],
      [['SET', 'bar{t}', 'FOO'], '+OK\r\n'],
      [['MGET', 'foo{t}', 'baazz{t}', 'bar{t}'], '*3\r\n$3\r\nBAR\r\n$-1\r\n$3\r\nFOO\r\n'],
    ],
  },
  {
    name: 'MGET with one key, repeated keys, integers and binary values',
    steps: [
      [['MGET', 'a'], '*1\r\n$-1\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SET', 'b', '\x00\r\n'], '+OK\r\n'],
      [['SET', 'c', ''], '+OK\r\n'],
      [['MGET', 'a', 'a', 'b', 'c', 'a'], '*5\r\n$1\r\n1\r\n$1\r\n1\r\n$3\r\n\x00\r\n\r\n$0\r\n\r\n$1\r\n1\r\n'],
      [['SET', 'd', '-9223372036854775808'], '+OK\r\n'],
      [['MGET', 'd'], '*1\r\n$20\r\n-9223372036854775808\r\n'],
    ],
  },
  {
    name: 'MGET skips expired keys',
    steps: [
      [['SET', 'a', '1', 'PXAT', '1'], '+OK\r\n'],
      [['SET', 'b', '2', 'EX', '100'], '+OK\r\n'],
      [['MGET', 'a', 'b'], '*2\r\n$-1\r\n$1\r\n2\r\n'],
    ],
  },
  {
    name: 'MGET checks its arity',
    steps: [
      [['MGET'], '-ERR wrong number of arguments for \'mget\' command\r\n'],
    ],
  },
];

runCases('MGET', cases);
