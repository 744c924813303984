// LMOVE, RPOPLPUSH
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'LMOVE between two lists in every direction',
    steps: [
      [['RPUSH', 'src', 'a', 'b', 'c', 'd'], ':4\r\n'],
      [['LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'], '$1\r\na\r\n'],
      [['LMOVE', 'src', 'dst', 'RIGHT', 'LEFT'], '$1\r\nd\r\n'],
      [['LMOVE', 'src', 'dst', 'left', 'left'], '$1\r\nb\r\n'],
      [['LMOVE', 'src', 'dst', 'Right', 'right'], '$1\r\nc\r\n'],
      [['LRANGE', 'dst', '0', '-1'], '*4\r\n$1\r\nb\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nc\r\n'],
      [['EXISTS', 'src'], ':0\r\n'],
    ],
  },
  {
    name: 'LMOVE with the same source and destination rotates the list',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['LMOVE', 'l', 'l', 'LEFT', 'RIGHT'], '$1\r\na\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n'],
      [['LMOVE', 'l', 'l', 'RIGHT', 'LEFT'], '$1\r\na\r\n'],
      [['LMOVE', 'l', 'l', 'LEFT', 'LEFT'], '$1\r\na\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n'],
      [['RPUSH', 'one', 'x'], ':1\r\n'],
      [['EXPIRE', 'one', '1000'], ':1\r\n'],
      [['LMOVE', 'one', 'one', 'LEFT', 'RIGHT'], '$1\r\nx\r\n'],
      [['TTL', 'one'], ':1000\r\n'],
    ],
  },
  {
    name: 'LMOVE to a wrong type moves nothing',
    steps: [
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LMOVE', 'l', 's', 'LEFT', 'LEFT'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*1\r\n$1\r\na\r\n'],
      [['LMOVE', 's', 'l', 'LEFT', 'LEFT'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LMOVE', 'nokey', 's', 'LEFT', 'LEFT'], '$-1\r\n'],
      [['LMOVE', 'l', 'l', 'LEFT', 'UP'], '-ERR syntax error\r\n'],
      [['LMOVE', 'l', 'l', 'UP', 'LEFT'], '-ERR syntax error\r\n'],
      [['LMOVE', 'l'], '-ERR wrong number of arguments for \'lmove\' command\r\n'],
    ],
  },
  {
    name: 'RPOPLPUSH moves the tail to the head',
    steps: [
      [['RPUSH', 'src', 'a', 'b'], ':2\r\n'],
      [['RPOPLPUSH', 'src', 'dst'], '$1\r\nb\r\n'],
      [['RPOPLPUSH', 'src', 'dst'], '$1\r\na\r\n'],
      [['RPOPLPUSH', 'src', 'dst'], '$-1\r\n'],
      [['LRANGE', 'dst', '0', '-1'], '*2\r\n$1\r\na\r\n$1\r\nb\r\n'],
      [['RPOPLPUSH', 'dst', 'dst'], '$1\r\nb\r\n'],
      [['LRANGE', 'dst', '0', '-1'], '*2\r\n$1\r\nb\r\n$1\r\na\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['RPOPLPUSH', 'dst', 's'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['RPOPLPUSH', 's', 'dst'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'LMOVE on a missing key in RESP3',
    resp: 3,
    steps: [
      [['LMOVE', 'nokey', 'dst', 'LEFT', 'LEFT'], '_\r\n'],
      [['RPOPLPUSH', 'nokey', 'dst'], '_\r\n'],
    ],
  },
];

runCases('LMOVE RPOPLPUSH', cases);
