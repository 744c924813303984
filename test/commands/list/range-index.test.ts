// LLEN, LRANGE, LINDEX, LSET
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'LRANGE with negative and out of range indexes',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'], ':5\r\n'],
      [['LRANGE', 'l', '1', '-2'], '*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n'],
      [['LRANGE', 'l', '-100', '100'], '*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n'],
      [['LRANGE', 'l', '-1', '-1'], '*1\r\n$1\r\ne\r\n'],
      [['LRANGE', 'l', '3', '1'], '*0\r\n'],
      [['LRANGE', 'l', '5', '10'], '*0\r\n'],
      [['LRANGE', 'l', '0', '9223372036854775807'], '*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n'],
      [['LRANGE', 'l', '-9223372036854775808', '0'], '*1\r\n$1\r\na\r\n'],
      [['LRANGE', 'l', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
      [['LRANGE', 'l', '1', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['LRANGE', 'nokey', '0', '-1'], '*0\r\n'],
      [['LRANGE', 'nokey', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'LINDEX by positive and negative index',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['LINDEX', 'l', '0'], '$1\r\na\r\n'],
      [['LINDEX', 'l', '-1'], '$1\r\nc\r\n'],
      [['LINDEX', 'l', '-3'], '$1\r\na\r\n'],
      [['LINDEX', 'l', '-4'], '$-1\r\n'],
      [['LINDEX', 'l', '3'], '$-1\r\n'],
      [['LINDEX', 'l', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['LINDEX', 'nokey', 'x'], '$-1\r\n'],
      [['LINDEX', 'nokey', '0'], '$-1\r\n'],
    ],
  },
  {
    name: 'LSET replaces an element and checks the index',
    steps: [
      [['LSET', 'nokey', '0', 'a'], '-ERR no such key\r\n'],
      [['LSET', 'nokey', 'x', 'a'], '-ERR no such key\r\n'],
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['LSET', 'l', '1', 'B'], '+OK\r\n'],
      [['LSET', 'l', '-1', 'C'], '+OK\r\n'],
      [['LSET', 'l', '3', 'x'], '-ERR index out of range\r\n'],
      [['LSET', 'l', '-4', 'x'], '-ERR index out of range\r\n'],
      [['LSET', 'l', 'x', 'y'], '-ERR value is not an integer or out of range\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$1\r\na\r\n$1\r\nB\r\n$1\r\nC\r\n'],
    ],
  },
  {
    name: 'LLEN, LRANGE, LINDEX and LSET on a wrong type',
    steps: [
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LLEN', 's'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LLEN', 'nokey'], ':0\r\n'],
      [['LRANGE', 's', '0', '-1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LINDEX', 's', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LSET', 's', '0', 'x'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LRANGE', 's', 'x', '0'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'read commands in RESP3',
    resp: 3,
    steps: [
      [['LINDEX', 'nokey', '0'], '_\r\n'],
      [['LRANGE', 'nokey', '0', '1'], '*0\r\n'],
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LINDEX', 'l', '5'], '_\r\n'],
      [['LRANGE', 'l', '0', '0'], '*1\r\n$1\r\na\r\n'],
    ],
  },
];

runCases('LLEN LRANGE LINDEX LSET', cases);
