// MSET key value [key value ...] | MSETNX key value [key value ...]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'MSET base case',
    steps: [
      [['MSET', 'x{t}', '10', 'y{t}', 'foo bar', 'z{t}', 'x x x x x x x\n\n\r\n'], '+OK\r\n'],
      [['MGET', 'x{t}', 'y{t}', 'z{t}'], '*3\r\n$2\r\n10\r\n$7\r\nfoo bar\r\n$17\r\nx x x x x x x\n\n\r\n\r\n'],
    ],
  },
  {
    name: 'MSET/MSETNX wrong number of args',
    steps: [
      [['MSET', 'x{t}', '10', 'y{t}', 'foo bar', 'z{t}'], '-ERR wrong number of arguments for \'mset\' command\r\n'],
      [['MSETNX', 'x{t}', '20', 'y{t}', 'foo bar', 'z{t}'], '-ERR wrong number of arguments for \'msetnx\' command\r\n'],
      [['MSET', 'a'], '-ERR wrong number of arguments for \'mset\' command\r\n'],
      [['MSETNX', 'a'], '-ERR wrong number of arguments for \'msetnx\' command\r\n'],
      [['MSET'], '-ERR wrong number of arguments for \'mset\' command\r\n'],
      [['MGET', 'x{t}', 'y{t}'], '*2\r\n$-1\r\n$-1\r\n'],
    ],
  },
  {
    name: 'MSET with already existing - same key twice',
    steps: [
      [['SET', 'x{t}', 'x'], '+OK\r\n'],
      [['MSET', 'x{t}', 'xxx', 'x{t}', 'yyy'], '+OK\r\n'],
      [['GET', 'x{t}'], '$3\r\nyyy\r\n'],
    ],
  },
  {
    name: 'MSETNX with already existent key',
    steps: [
      [['SET', 'x{t}', '10'], '+OK\r\n'],
      [['MSETNX', 'x1{t}', 'xxx', 'y2{t}', 'yyy', 'x{t}', '20'], ':0\r\n'],
      [['MGET', 'x1{t}', 'y2{t}', 'x{t}'], '*3\r\n$-1\r\n$-1\r\n$2\r\n10\r\n'],
    ],
  },
  {
    name: 'MSETNX with not existing keys',
    steps: [
      [['MSETNX', 'x1{t}', 'xxx', 'y2{t}', 'yyy'], ':1\r\n'],
      [['GET', 'x1{t}'], '$3\r\nxxx\r\n'],
      [['GET', 'y2{t}'], '$3\r\nyyy\r\n'],
    ],
  },
  {
    name: 'MSETNX with not existing keys - same key twice',
    steps: [
      [['MSETNX', 'x1{t}', 'xxx', 'x1{t}', 'yyy'], ':1\r\n'],
      [['GET', 'x1{t}'], '$3\r\nyyy\r\n'],
    ],
  },
  {
    name: 'MSETNX with already existing keys - same key twice',
    steps: [
      [['MSETNX', 'x1{t}', 'xxx', 'x1{t}', 'yyy'], ':1\r\n'],
      [['MSETNX', 'x1{t}', 'xxx', 'x1{t}', 'zzz'], ':0\r\n'],
      [['GET', 'x1{t}'], '$3\r\nyyy\r\n'],
    ],
  },
  {
    name: 'MSET clears TTLs',
    steps: [
      [['SET', 'a', '1', 'EX', '100'], '+OK\r\n'],
      [['MSET', 'a', '2', 'b', '3'], '+OK\r\n'],
      [['TTL', 'a'], ':-1\r\n'],
      [['MGET', 'a', 'b'], '*2\r\n$1\r\n2\r\n$1\r\n3\r\n'],
    ],
  },
  {
    name: 'MSETNX treats an expired key as missing',
    steps: [
      [['SET', 'a', '1', 'PXAT', '1'], '+OK\r\n'],
      [['MSETNX', 'a', '2', 'b', '3'], ':1\r\n'],
      [['MGET', 'a', 'b'], '*2\r\n$1\r\n2\r\n$1\r\n3\r\n'],
      [['TTL', 'a'], ':-1\r\n'],
    ],
  },
  {
    name: 'MSET stores empty, binary and integer values',
    steps: [
      [['MSET', '', '', '\x00', '\xff', 'n', '9223372036854775807'], '+OK\r\n'],
      [['MGET', '', '\x00', 'n'], '*3\r\n$0\r\n\r\n$1\r\n\xff\r\n$19\r\n9223372036854775807\r\n'],
      [['INCR', 'n'], '-ERR increment or decrement would overflow\r\n'],
    ],
  },
];

runCases('MSET and MSETNX', cases);
