// APPEND key value | STRLEN key
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'APPEND basics',
    steps: [
      [['APPEND', 'foo', 'bar'], ':3\r\n'],
      [['GET', 'foo'], '$3\r\nbar\r\n'],
      [['APPEND', 'foo', '100'], ':6\r\n'],
      [['GET', 'foo'], '$6\r\nbar100\r\n'],
    ],
  },
  {
    name: 'APPEND basics, integer encoded values',
    steps: [
      [['SET', 'foo', '1'], '+OK\r\n'],
      [['APPEND', 'foo', '2'], ':2\r\n'],
      [['GET', 'foo'], '$2\r\n12\r\n'],
      [['SET', 'foo', '1'], '+OK\r\n'],
      [['APPEND', 'foo', '2'], ':2\r\n'],
      [['GET', 'foo'], '$2\r\n12\r\n'],
      [['INCR', 'foo'], ':13\r\n'],
    ],
  },
  {
    name: 'APPEND of an empty value',
    steps: [
      [['APPEND', 'foo', ''], ':0\r\n'],
      [['GET', 'foo'], '$0\r\n\r\n'],
      [['STRLEN', 'foo'], ':0\r\n'],
      [['SET', 'n', '12'], '+OK\r\n'],
      [['APPEND', 'n', ''], ':2\r\n'],
      [['GET', 'n'], '$2\r\n12\r\n'],
    ],
  },
  {
    name: 'APPEND binary data',
    steps: [
      [['APPEND', 'b', '\x00\r\n'], ':3\r\n'],
      [['APPEND', 'b', '\xff\x00'], ':5\r\n'],
      [['GET', 'b'], '$5\r\n\x00\r\n\xff\x00\r\n'],
      [['STRLEN', 'b'], ':5\r\n'],
    ],
  },
  {
    name: 'APPEND keeps the TTL',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['APPEND', 'foo', 'baz'], ':6\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
      [['GET', 'foo'], '$6\r\nbarbaz\r\n'],
    ],
  },
  {
    name: 'APPEND to an expired key starts a new value',
    steps: [
      [['SET', 'foo', 'bar', 'PXAT', '1'], '+OK\r\n'],
      [['APPEND', 'foo', 'new'], ':3\r\n'],
      [['GET', 'foo'], '$3\r\nnew\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'APPEND to negative and large integers',
    steps: [
      [['SET', 'n', '-9223372036854775808'], '+OK\r\n'],
      [['APPEND', 'n', '0'], ':21\r\n'],
      [['GET', 'n'], '$21\r\n-92233720368547758080\r\n'],
      [['INCR', 'n'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'm', '9223372036854775807'], '+OK\r\n'],
      [['APPEND', 'm', 'x'], ':20\r\n'],
      [['STRLEN', 'm'], ':20\r\n'],
    ],
  },
  {
    name: 'APPEND checks its arity',
    steps: [
      [['APPEND', 'foo'], '-ERR wrong number of arguments for \'append\' command\r\n'],
      [['APPEND', 'foo', 'a', 'b'], '-ERR wrong number of arguments for \'append\' command\r\n'],
    ],
  },
  {
    name: 'STRLEN against non-existing key',
    steps: [
      [['STRLEN', 'notakey'], ':0\r\n'],
    ],
  },
  {
    name: 'STRLEN against integer-encoded value',
    steps: [
      [['SET', 'myinteger', '-555'], '+OK\r\n'],
      [['STRLEN', 'myinteger'], ':4\r\n'],
      [['SET', 'myinteger', '-9223372036854775808'], '+OK\r\n'],
      [['STRLEN', 'myinteger'], ':20\r\n'],
      [['SET', 'z', '0'], '+OK\r\n'],
      [['STRLEN', 'z'], ':1\r\n'],
    ],
  },
  {
    name: 'STRLEN against plain string',
    steps: [
      [['SET', 'mystring', 'foozzz0123456789_baz'], '+OK\r\n'],
      [['STRLEN', 'mystring'], ':20\r\n'],
      [['SET', 'e', ''], '+OK\r\n'],
      [['STRLEN', 'e'], ':0\r\n'],
      [['SET', 'b', '\x00\x00\x00'], '+OK\r\n'],
      [['STRLEN', 'b'], ':3\r\n'],
    ],
  },
  {
    name: 'STRLEN checks its arity',
    steps: [
      [['STRLEN'], '-ERR wrong number of arguments for \'strlen\' command\r\n'],
      [['STRLEN', 'a', 'b'], '-ERR wrong number of arguments for \'strlen\' command\r\n'],
    ],
  },
];

runCases('APPEND and STRLEN', cases);
