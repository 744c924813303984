// BITOP
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'BITOP NOT (empty string)',
    steps: [
      [['SET', 's', ''], '+OK\r\n'],
      [['BITOP', 'NOT', 'dest', 's'], ':0\r\n'],
      [['EXISTS', 'dest'], ':0\r\n'],
      [['SET', 'dest', 'x'], '+OK\r\n'],
      [['BITOP', 'NOT', 'dest', 's'], ':0\r\n'],
      [['EXISTS', 'dest'], ':0\r\n'],
      [['BITOP', 'AND', 'dest', 'no1', 'no2'], ':0\r\n'],
    ],
  },
  {
    name: 'BITOP NOT, AND, OR, XOR',
    steps: [
      [['SET', 'a', '\xaa\x0f'], '+OK\r\n'],
      [['SET', 'b', '\xff'], '+OK\r\n'],
      [['BITOP', 'NOT', 'd', 'a'], ':2\r\n'],
      [['GET', 'd'], '$2\r\nU\xf0\r\n'],
      [['BITOP', 'and', 'd', 'a', 'b'], ':2\r\n'],
      [['GET', 'd'], '$2\r\n\xaa\x00\r\n'],
      [['BITOP', 'Or', 'd', 'a', 'b'], ':2\r\n'],
      [['GET', 'd'], '$2\r\n\xff\x0f\r\n'],
      [['BITOP', 'XOR', 'd', 'a', 'b', 'nokey'], ':2\r\n'],
      [['GET', 'd'], '$2\r\nU\x0f\r\n'],
      [['BITOP', 'AND', 'd', 'a', 'nokey'], ':2\r\n'],
      [['GET', 'd'], '$2\r\n\x00\x00\r\n'],
      [['OBJECT', 'ENCODING', 'd'], '$3\r\nraw\r\n'],
    ],
  },
  {
    name: 'BITOP with integer encoded source objects',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['SET', 'b', '2'], '+OK\r\n'],
      [['BITOP', 'XOR', 'dest', 'a', 'b', 'a'], ':1\r\n'],
      [['GET', 'dest'], '$1\r\n2\r\n'],
      [['OBJECT', 'ENCODING', 'dest'], '$3\r\nraw\r\n'],
    ],
  },
  {
    name: 'BITOP replaces the destination and drops its TTL',
    steps: [
      [['SET', 'a', 'abc'], '+OK\r\n'],
      [['SET', 'd', 'old', 'EX', '100'], '+OK\r\n'],
      [['BITOP', 'OR', 'd', 'a'], ':3\r\n'],
      [['TTL', 'd'], ':-1\r\n'],
      [['BITOP', 'OR', 'a', 'a', 'a'], ':3\r\n'],
      [['GET', 'a'], '$3\r\nabc\r\n'],
    ],
  },
  {
    name: 'BITOP with non string source key',
    lists: ['l'],
    steps: [
      [['SET', 'a', 'x'], '+OK\r\n'],
      [['BITOP', 'OR', 'dest', 'a', 'l'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['EXISTS', 'dest'], ':0\r\n'],
      [['BITOP', 'OR', 'l', 'a'], ':1\r\n'],
      [['GET', 'l'], '$1\r\nx\r\n'],
    ],
  },
  {
    name: 'BITOP with empty string after non empty string (issue #529)',
    steps: [
      [['FLUSHDB'], '+OK\r\n'],
      [['SET', 'a', '\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'], '+OK\r\n'],
      [['BITOP', 'OR', 'x', 'a', 'b'], ':32\r\n'],
    ],
  },
  {
    name: 'BITOP errors',
    steps: [
      [['BITOP', 'NOT', 'd', 'a', 'b'], '-ERR BITOP NOT must be called with a single source key.\r\n'],
      [['BITOP', 'NAND', 'd', 'a'], '-ERR syntax error\r\n'],
      [['BITOP', 'AND', 'd'], '-ERR wrong number of arguments for \'bitop\' command\r\n'],
    ],
  },
];

runCases('BITOP', cases);
