// GETDEL key
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'GETDEL command',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETDEL', 'foo'], '$3\r\nbar\r\n'],
      [['GETDEL', 'foo'], '$-1\r\n'],
    ],
  },
  {
    name: 'GETDEL returns integer, empty and binary values',
    steps: [
      [['SET', 'foo', '-17'], '+OK\r\n'],
      [['GETDEL', 'foo'], '$3\r\n-17\r\n'],
      [['SET', 'foo', ''], '+OK\r\n'],
      [['GETDEL', 'foo'], '$0\r\n\r\n'],
      [['SET', '\x00', '\xff\x00'], '+OK\r\n'],
      [['GETDEL', '\x00'], '$2\r\n\xff\x00\r\n'],
      [['GET', '\x00'], '$-1\r\n'],
    ],
  },
  {
    name: 'GETDEL on an expired key replies nil',
    steps: [
      [['SET', 'foo', 'bar', 'PXAT', '1'], '+OK\r\n'],
      [['GETDEL', 'foo'], '$-1\r\n'],
    ],
  },
  {
    name: 'GETDEL checks its arity',
    steps: [
      [['GETDEL'], '-ERR wrong number of arguments for \'getdel\' command\r\n'],
      [['GETDEL', 'a', 'b'], '-ERR wrong number of arguments for \'getdel\' command\r\n'],
    ],
  },
];

runCases('GETDEL', cases);
