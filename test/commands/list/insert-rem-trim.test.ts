// LINSERT, LREM, LTRIM
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'LINSERT before and after a pivot',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c'], ':3\r\n'],
      [['LINSERT', 'l', 'BEFORE', 'b', 'x'], ':4\r\n'],
      [['LINSERT', 'l', 'after', 'c', 'y'], ':5\r\n'],
      [['LINSERT', 'l', 'AFTER', 'a', 'z'], ':6\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*6\r\n$1\r\na\r\n$1\r\nz\r\n$1\r\nx\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\ny\r\n'],
    ],
  },
  {
    name: 'LINSERT replies -1 without pivot and 0 without key',
    steps: [
      [['LINSERT', 'nokey', 'BEFORE', 'a', 'b'], ':0\r\n'],
      [['RPUSH', 'l', 'a'], ':1\r\n'],
      [['LINSERT', 'l', 'BEFORE', 'zz', 'b'], ':-1\r\n'],
      [['LINSERT', 'l', 'middle', 'a', 'b'], '-ERR syntax error\r\n'],
      [['LINSERT', 'nokey', 'middle', 'a', 'b'], '-ERR syntax error\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LINSERT', 's', 'BEFORE', 'a', 'b'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LINSERT', 's', 'bad', 'a', 'b'], '-ERR syntax error\r\n'],
    ],
  },
  {
    name: 'LREM from the head, the tail, or all',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a', 'b'], ':6\r\n'],
      [['LREM', 'l', '1', 'a'], ':1\r\n'],
      [['LREM', 'l', '-1', 'b'], ':1\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*4\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n$1\r\na\r\n'],
      [['LREM', 'l', '0', 'a'], ':2\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*2\r\n$1\r\nb\r\n$1\r\nc\r\n'],
      [['LREM', 'l', '0', 'zz'], ':0\r\n'],
      [['LREM', 'l', 'x', 'a'], '-ERR value is not an integer or out of range\r\n'],
      [['LREM', 'nokey', '0', 'a'], ':0\r\n'],
      [['LREM', 'l', '0', 'b'], ':1\r\n'],
      [['LREM', 'l', '0', 'c'], ':1\r\n'],
      [['EXISTS', 'l'], ':0\r\n'],
    ],
  },
  {
    name: 'LTRIM keeps a range and deletes an emptied list',
    steps: [
      [['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'], ':5\r\n'],
      [['LTRIM', 'l', '1', '-2'], '+OK\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n'],
      [['LTRIM', 'l', '-100', '100'], '+OK\r\n'],
      [['LRANGE', 'l', '0', '-1'], '*3\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n'],
      [['LTRIM', 'l', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
      [['LTRIM', 'nokey', '0', '1'], '+OK\r\n'],
      [['LTRIM', 'l', '2', '1'], '+OK\r\n'],
      [['EXISTS', 'l'], ':0\r\n'],
      [['SET', 's', 'v'], '+OK\r\n'],
      [['LTRIM', 's', '0', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['LREM', 's', '0', 'a'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
];

runCases('LINSERT LREM LTRIM', cases);
