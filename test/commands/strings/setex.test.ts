// SETEX key seconds value | PSETEX key milliseconds value
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SETEX sets the value and a TTL in seconds',
    steps: [
      [['SETEX', 'k', '100', 'v'], '+OK\r\n'],
      [['GET', 'k'], '$1\r\nv\r\n'],
      [['TTL', 'k'], ':100\r\n'],
    ],
  },
  {
    name: 'PSETEX sets the value and a TTL in milliseconds',
    steps: [
      [['PSETEX', 'k', '100000', 'v'], '+OK\r\n'],
      [['GET', 'k'], '$1\r\nv\r\n'],
      [['TTL', 'k'], ':100\r\n'],
    ],
  },
  {
    name: 'SETEX overwrites the value and the TTL of an existing key',
    steps: [
      [['SET', 'k', 'old', 'EX', '5000'], '+OK\r\n'],
      [['SETEX', 'k', '100', 'new'], '+OK\r\n'],
      [['GET', 'k'], '$3\r\nnew\r\n'],
      [['TTL', 'k'], ':100\r\n'],
    ],
  },
  {
    name: 'SETEX stores empty, binary and integer values',
    steps: [
      [['SETEX', 'k', '100', ''], '+OK\r\n'],
      [['GET', 'k'], '$0\r\n\r\n'],
      [['SETEX', 'k', '100', '\x00\r\n'], '+OK\r\n'],
      [['GET', 'k'], '$3\r\n\x00\r\n\r\n'],
      [['SETEX', 'k', '100', '-42'], '+OK\r\n'],
      [['INCR', 'k'], ':-41\r\n'],
      [['TTL', 'k'], ':100\r\n'],
    ],
  },
  {
    name: 'SETEX rejects invalid expire times naming the command',
    steps: [
      [['SETEX', 'k', '0', 'v'], '-ERR invalid expire time in \'setex\' command\r\n'],
      [['SETEX', 'k', '-1', 'v'], '-ERR invalid expire time in \'setex\' command\r\n'],
      [['SETEX', 'k', 'x', 'v'], '-ERR value is not an integer or out of range\r\n'],
      [['SETEX', 'k', '1.5', 'v'], '-ERR value is not an integer or out of range\r\n'],
      [['SETEX', 'k', '9223372036854775', 'v'], '-ERR invalid expire time in \'setex\' command\r\n'],
      [['SETEX', 'k', '9223372036854775808', 'v'], '-ERR value is not an integer or out of range\r\n'],
      [['SETEX', 'k', '10000000000000000', 'v'], '-ERR invalid expire time in \'setex\' command\r\n'],
      [['SETEX', 'k', '-9999999999999999', 'v'], '-ERR invalid expire time in \'setex\' command\r\n'],
      [['GET', 'k'], '$-1\r\n'],
    ],
  },
  {
    name: 'PSETEX rejects invalid expire times naming the command',
    steps: [
      [['PSETEX', 'k', '0', 'v'], '-ERR invalid expire time in \'psetex\' command\r\n'],
      [['PSETEX', 'k', '-100', 'v'], '-ERR invalid expire time in \'psetex\' command\r\n'],
      [['PSETEX', 'k', 'x', 'v'], '-ERR value is not an integer or out of range\r\n'],
      [['PSETEX', 'k', '9223372036854775807', 'v'], '-ERR invalid expire time in \'psetex\' command\r\n'],
      [['GET', 'k'], '$-1\r\n'],
    ],
  },
  {
    name: 'SETEX and PSETEX check their arity',
    steps: [
      [['SETEX', 'k', '10'], '-ERR wrong number of arguments for \'setex\' command\r\n'],
      [['SETEX', 'k', '10', 'v', 'extra'], '-ERR wrong number of arguments for \'setex\' command\r\n'],
      [['PSETEX', 'k'], '-ERR wrong number of arguments for \'psetex\' command\r\n'],
      [['PSETEX', 'k', '10', 'v', 'NX'], '-ERR wrong number of arguments for \'psetex\' command\r\n'],
    ],
  },
];

runCases('SETEX and PSETEX', cases);
