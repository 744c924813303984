// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'LPOS finds the first match, by rank, with count and maxlen',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'c', 'a'], ':7\r\n'],
      [['LPOS', 'l', 'a'], ':0\r\n'],
      [['LPOS', 'l', 'c'], ':2\r\n'],
      [['LPOS', 'l', 'zz'], '$-1\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '2'], ':3\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '-1'], ':6\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '-2', 'COUNT', '2'], '*2\r\n:3\r\n:0\r\n'],
      [['LPOS', 'l', 'a', 'COUNT', '0'], '*3\r\n:0\r\n:3\r\n:6\r\n'],
      [['LPOS', 'l', 'a', 'COUNT', '0', 'MAXLEN', '4'], '*2\r\n:0\r\n:3\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '4'], '$-1\r\n'],
      [['LPOS', 'l', 'a', 'COUNT', '2', 'RANK', '2'], '*2\r\n:3\r\n:6\r\n'],
      [['LPOS', 'l', 'zz', 'COUNT', '0'], '*0\r\n'],
    ],
  },
  {
    name: 'LPOS option errors',
    steps: [
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '0'], '-ERR RANK can\'t be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n'],
      [['LPOS', 'l', 'a', 'COUNT', '-1'], '-ERR COUNT can\'t be negative\r\n'],
      [['LPOS', 'l', 'a', 'MAXLEN', '-1'], '-ERR MAXLEN can\'t be negative\r\n'],
      [['LPOS', 'l', 'a', 'RANK', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['LPOS', 'l', 'a', 'COUNT', 'x'], '-ERR COUNT can\'t be negative\r\n'],
      [['LPOS', 'l', 'a', 'RANK'], '-ERR syntax error\r\n'],
      [['LPOS', 'l', 'a', 'FOO', '1'], '-ERR syntax error\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '-9223372036854775808'], ':0\r\n'],
      [['LPOS', 'l', 'a', 'RANK', '-9223372036854775808', 'COUNT', '5'], '*1\r\n:0\r\n'],
    ],
  },
  {
    name: 'LPOS on a missing key and a wrong type',
    steps: [
      [['LPOS', 'nokey', 'a'], '$-1\r\n'],
      [['LPOS', 'nokey', 'a', 'COUNT', '1'], '*0\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LPOS', 's', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LPOS', 's', 'a', 'RANK', '0'], '-ERR RANK can\'t be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n'],
    ],
  },
  {
    name: 'LPOS in RESP3',
    resp: 3,
    steps: [
      [['LPOS', 'nokey', 'a'], '_\r\n'],
      [['LPOS', 'nokey', 'a', 'COUNT', '0'], '*0\r\n'],
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LPOS', 'l', 'b'], '_\r\n'],
    ],
  },
];

runCases('LPOS', cases);
