// APPEND, SETRANGE and LCS with proto-max-bulk-len 1mb
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SETRANGE may reach proto-max-bulk-len but not exceed it',
    steps: [
      [['SETRANGE', 'k', '1048575', 'x'], ':1048576\r\n'],
      [['SETRANGE', 'k', '1048576', 'x'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'k2', '1048576', 'x'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'k2', '1048575', 'xy'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['STRLEN', 'k'], ':1048576\r\n'],
      [['EXISTS', 'k2'], ':0\r\n'],
    ],
  },
  {
    name: 'APPEND may reach proto-max-bulk-len but not exceed it',
    steps: [
      [['SETRANGE', 'k', '1048574', 'x'], ':1048575\r\n'],
      [['APPEND', 'k', 'y'], ':1048576\r\n'],
      [['APPEND', 'k', 'z'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['STRLEN', 'k'], ':1048576\r\n'],
      [['APPEND', 'k', ''], ':1048576\r\n'],
    ],
  },
  {
    name: 'LCS refuses a table larger than proto-max-bulk-len',
    steps: [
      [['SET', 'a', 'a'.repeat(600)], '+OK\r\n'],
      [['SET', 'b', 'a'.repeat(600)], '+OK\r\n'],
      [['LCS', 'a', 'b', 'LEN'], '-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n'],
      [['LCS', 'a', 'b', 'BOGUS'], '-ERR syntax error\r\n'],
      [['LCS', 'a', 'nokey', 'LEN'], ':0\r\n'],
      [['SET', 'c', 'a'.repeat(500)], '+OK\r\n'],
      [['LCS', 'a', 'c', 'LEN'], '-ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len\r\n'],
    ],
  },
];

runCases('proto-max-bulk-len limits', cases, ['--proto-max-bulk-len', '1mb']);
