// BITPOS
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'BITPOS against non-existing key',
    steps: [
      [['BITPOS', 'no', '0'], ':0\r\n'],
      [['BITPOS', 'no', '1'], ':-1\r\n'],
      [['BITPOS', 'no', '1', 'x', 'y'], ':-1\r\n'],
      [['BITPOS', 'no', '0', '1', '2', 'BIT', 'x'], ':0\r\n'],
      [['BITPOS', 'no', '2'], '-ERR The bit argument must be 1 or 0.\r\n'],
      [['BITPOS', 'no', 'x'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'BITPOS bit=0 with empty key returns 0',
    steps: [
      [['SET', 'e', ''], '+OK\r\n'],
      [['BITPOS', 'e', '0'], ':-1\r\n'],
      [['BITPOS', 'e', '1'], ':-1\r\n'],
      [['BITPOS', 'e', '0', '0'], ':-1\r\n'],
      [['BITPOS', 'e', '0', '0', '-1', 'BIT'], ':-1\r\n'],
    ],
  },
  {
    name: 'BITPOS bit=1 and bit=0 with BYTE ranges',
    steps: [
      [['SET', 's', '\xff\xf0\x00'], '+OK\r\n'],
      [['BITPOS', 's', '0'], ':12\r\n'],
      [['BITPOS', 's', '1', '2'], ':-1\r\n'],
      [['BITPOS', 's', '1', '2', '-1', 'BYTE'], ':-1\r\n'],
      [['BITPOS', 's', '0', '0', '0'], ':-1\r\n'],
      [['BITPOS', 's', '0', '0'], ':12\r\n'],
      [['SET', 'f', '\xff\xff\xff'], '+OK\r\n'],
      [['BITPOS', 'f', '0'], ':24\r\n'],
      [['BITPOS', 'f', '0', '1'], ':24\r\n'],
      [['BITPOS', 'f', '0', '0', '-1'], ':-1\r\n'],
      [['BITPOS', 'f', '0', '5', '10'], ':-1\r\n'],
      [['BITPOS', 'f', '1', '-1', '-2'], ':-1\r\n'],
    ],
  },
  {
    name: 'BITPOS with BIT ranges',
    steps: [
      [['SET', 's', '\x00\xff\x00'], '+OK\r\n'],
      [['BITPOS', 's', '1', '7', '15', 'BIT'], ':8\r\n'],
      [['BITPOS', 's', '1', '9', '15', 'BIT'], ':9\r\n'],
      [['BITPOS', 's', '0', '8', '15', 'BIT'], ':-1\r\n'],
      [['BITPOS', 's', '0', '8', '16', 'BIT'], ':16\r\n'],
      [['BITPOS', 's', '1', '17', '-1', 'BIT'], ':-1\r\n'],
      [['BITPOS', 's', '0', '3', '5', 'bit'], ':3\r\n'],
      [['BITPOS', 's', '1', '3', '5', 'bit'], ':-1\r\n'],
      [['SET', 'f', '\xff\xff'], '+OK\r\n'],
      [['BITPOS', 'f', '0', '3', '-1', 'BIT'], ':-1\r\n'],
      [['BITPOS', 'f', '0', '3', '12', 'BIT'], ':-1\r\n'],
      [['BITPOS', 'f', '0', '-3', '-1', 'BIT'], ':-1\r\n'],
    ],
  },
  {
    name: 'BITPOS errors',
    lists: ['l'],
    steps: [
      [['SET', 's', 'a'], '+OK\r\n'],
      [['BITPOS', 's', '2'], '-ERR The bit argument must be 1 or 0.\r\n'],
      [['BITPOS', 's', '-1'], '-ERR The bit argument must be 1 or 0.\r\n'],
      [['BITPOS', 's', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['BITPOS', 's', '1', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['BITPOS', 's', '1', '0', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['BITPOS', 's', '1', '0', 'x', 'bogus'], '-ERR syntax error\r\n'],
      [['BITPOS', 's', '1', '0', '1', 'bogus'], '-ERR syntax error\r\n'],
      [['BITPOS', 's', '1', '0', '1', 'BIT', 'x'], '-ERR syntax error\r\n'],
      [['BITPOS', 'l', '1'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['BITPOS', 'l', '2'], '-ERR The bit argument must be 1 or 0.\r\n'],
    ],
  },
  {
    name: 'BITPOS against integer-encoded key',
    steps: [
      [['SET', 'n', '0'], '+OK\r\n'],
      [['BITPOS', 'n', '1'], ':2\r\n'],
      [['BITPOS', 'n', '0'], ':0\r\n'],
      [['BITPOS', 'n', '1', '0', '0', 'BIT'], ':-1\r\n'],
    ],
  },
];

runCases('BITPOS', cases);
