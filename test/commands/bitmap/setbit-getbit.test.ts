// SETBIT and GETBIT
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'SETBIT against non-existing key',
    steps: [
      [['SETBIT', 'mykey', '1', '1'], ':0\r\n'],
      [['GET', 'mykey'], '$1\r\n@\r\n'],
      [['OBJECT', 'ENCODING', 'mykey'], '$3\r\nraw\r\n'],
      [['SETBIT', 'k2', '15', '1'], ':0\r\n'],
      [['GET', 'k2'], '$2\r\n\x00\x01\r\n'],
    ],
  },
  {
    name: 'SETBIT against string-encoded key',
    steps: [
      [['SET', 'mykey', '@'], '+OK\r\n'],
      [['SETBIT', 'mykey', '2', '1'], ':0\r\n'],
      [['GET', 'mykey'], '$1\r\n`\r\n'],
      [['SETBIT', 'mykey', '1', '0'], ':1\r\n'],
      [['GET', 'mykey'], '$1\r\n \r\n'],
      [['OBJECT', 'ENCODING', 'mykey'], '$3\r\nraw\r\n'],
    ],
  },
  {
    name: 'SETBIT against integer-encoded key',
    steps: [
      [['SET', 'mykey', '1'], '+OK\r\n'],
      [['OBJECT', 'ENCODING', 'mykey'], '$3\r\nint\r\n'],
      [['SETBIT', 'mykey', '6', '1'], ':0\r\n'],
      [['GET', 'mykey'], '$1\r\n3\r\n'],
      [['OBJECT', 'ENCODING', 'mykey'], '$3\r\nraw\r\n'],
      [['SET', 'n', '123'], '+OK\r\n'],
      [['SETBIT', 'n', '0', '0'], ':0\r\n'],
      [['OBJECT', 'ENCODING', 'n'], '$3\r\nraw\r\n'],
      [['GET', 'n'], '$3\r\n123\r\n'],
    ],
  },
  {
    name: 'SETBIT against key with wrong type',
    lists: ['mylist'],
    steps: [
      [['SETBIT', 'mylist', '0', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['GETBIT', 'mylist', '0'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
  {
    name: 'SETBIT with out of range bit offset',
    steps: [
      [['SETBIT', 'mykey', '4294967296', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '-1', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', 'x', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '9223372036854775808', '1'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['EXISTS', 'mykey'], ':0\r\n'],
    ],
  },
  {
    name: 'SETBIT with non-bit argument',
    steps: [
      [['SETBIT', 'mykey', '0', '-1'], '-ERR bit is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '0', '2'], '-ERR bit is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '0', '10'], '-ERR bit is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '0', '20'], '-ERR bit is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '0', 'x'], '-ERR bit is not an integer or out of range\r\n'],
      [['SETBIT', 'mykey', '0', '01'], '-ERR bit is not an integer or out of range\r\n'],
      [['EXISTS', 'mykey'], ':0\r\n'],
    ],
  },
  {
    name: 'SETBIT returns the previous bit and grows the string with zero bytes',
    steps: [
      [['SET', 'k', 'a'], '+OK\r\n'],
      [['SETBIT', 'k', '1', '1'], ':1\r\n'],
      [['SETBIT', 'k', '1', '0'], ':1\r\n'],
      [['SETBIT', 'k', '1', '0'], ':0\r\n'],
      [['SETBIT', 'k', '100', '1'], ':0\r\n'],
      [['STRLEN', 'k'], ':13\r\n'],
      [['GET', 'k'], '$13\r\n!\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\b\r\n'],
      [['SETBIT', 'k', '100', '1'], ':1\r\n'],
    ],
  },
  {
    name: 'SETBIT keeps the TTL',
    steps: [
      [['SET', 'k', 'x', 'EX', '100'], '+OK\r\n'],
      [['SETBIT', 'k', '20', '1'], ':0\r\n'],
      [['TTL', 'k'], ':100\r\n'],
    ],
  },
  {
    name: 'GETBIT against non-existing key',
    steps: [
      [['GETBIT', 'mykey', '0'], ':0\r\n'],
      [['GETBIT', 'mykey', '4294967295'], ':0\r\n'],
      [['GETBIT', 'mykey', '4294967296'], '-ERR bit offset is not an integer or out of range\r\n'],
      [['GETBIT', 'mykey', '-1'], '-ERR bit offset is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'GETBIT against string-encoded key',
    steps: [
      [['SET', 'mykey', '`'], '+OK\r\n'],
      [['GETBIT', 'mykey', '0'], ':0\r\n'],
      [['GETBIT', 'mykey', '1'], ':1\r\n'],
      [['GETBIT', 'mykey', '2'], ':1\r\n'],
      [['GETBIT', 'mykey', '3'], ':0\r\n'],
      [['GETBIT', 'mykey', '8'], ':0\r\n'],
      [['GETBIT', 'mykey', '100'], ':0\r\n'],
      [['GETBIT', 'mykey', '4294967295'], ':0\r\n'],
    ],
  },
  {
    name: 'GETBIT against integer-encoded key',
    steps: [
      [['SET', 'mykey', '1'], '+OK\r\n'],
      [['GETBIT', 'mykey', '0'], ':0\r\n'],
      [['GETBIT', 'mykey', '2'], ':1\r\n'],
      [['GETBIT', 'mykey', '3'], ':1\r\n'],
      [['GETBIT', 'mykey', '7'], ':1\r\n'],
      [['GETBIT', 'mykey', '8'], ':0\r\n'],
      [['OBJECT', 'ENCODING', 'mykey'], '$3\r\nint\r\n'],
    ],
  },
  {
    name: 'SETBIT and GETBIT on a large offset',
    steps: [
      [['SETBIT', 'big', '80000', '1'], ':0\r\n'],
      [['STRLEN', 'big'], ':10001\r\n'],
      [['GETBIT', 'big', '80000'], ':1\r\n'],
      [['GETBIT', 'big', '79999'], ':0\r\n'],
      [['SETBIT', 'big', '80000', '0'], ':1\r\n'],
      [['BITCOUNT', 'big'], ':0\r\n'],
      [['SETBIT', 'big', '7', '1'], ':0\r\n'],
      [['BITCOUNT', 'big'], ':1\r\n'],
      [['BITPOS', 'big', '1'], ':7\r\n'],
    ],
  },
];

runCases('SETBIT and GETBIT', cases);
