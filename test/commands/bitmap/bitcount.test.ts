// BITCOUNT
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from '../strings/harness.js';

const cases: Case[] = [
  {
    name: 'BITCOUNT against non-existing key, whatever the arguments',
    steps: [
      [['BITCOUNT', 'no'], ':0\r\n'],
      [['BITCOUNT', 'no', '0', '-1'], ':0\r\n'],
      [['BITCOUNT', 'no', 'x', 'y'], ':0\r\n'],
      [['BITCOUNT', 'no', '1'], ':0\r\n'],
      [['BITCOUNT', 'no', '0', '1', 'bogus'], ':0\r\n'],
    ],
  },
  {
    name: 'BITCOUNT returns the number of set bits',
    steps: [
      [['SET', 's', 'foobar'], '+OK\r\n'],
      [['BITCOUNT', 's'], ':26\r\n'],
      [['BITCOUNT', 's', '0', '0'], ':4\r\n'],
      [['BITCOUNT', 's', '1', '1'], ':6\r\n'],
      [['BITCOUNT', 's', '1', '1', 'BYTE'], ':6\r\n'],
      [['BITCOUNT', 's', '5', '30', 'BIT'], ':17\r\n'],
      [['BITCOUNT', 's', '5', '30', 'bit'], ':17\r\n'],
      [['BITCOUNT', 's', '0', '-1', 'BIT'], ':26\r\n'],
      [['BITCOUNT', 's', '47', '47', 'BIT'], ':0\r\n'],
      [['BITCOUNT', 's', '1', '6', 'BIT'], ':4\r\n'],
    ],
  },
  {
    name: 'BITCOUNT with negative and out of range indexes',
    steps: [
      [['SET', 's', 'foobar'], '+OK\r\n'],
      [['BITCOUNT', 's', '-2', '-1'], ':7\r\n'],
      [['BITCOUNT', 's', '-1', '-2'], ':0\r\n'],
      [['BITCOUNT', 's', '-1', '-2', 'bogus'], ':0\r\n'],
      [['BITCOUNT', 's', '-100', '100'], ':26\r\n'],
      [['BITCOUNT', 's', '5', '1'], ':0\r\n'],
      [['BITCOUNT', 's', '6', '100'], ':0\r\n'],
      [['BITCOUNT', 's', '-9', '-1', 'BIT'], ':5\r\n'],
      [['BITCOUNT', 's', '-48', '-41', 'BIT'], ':4\r\n'],
      [['BITCOUNT', 's', '9223372036854775807', '-9223372036854775808'], ':0\r\n'],
      [['BITCOUNT', 's', '-9223372036854775808', '9223372036854775807', 'BIT'], ':26\r\n'],
    ],
  },
  {
    name: 'BITCOUNT syntax and integer errors',
    steps: [
      [['SET', 's', 'foobar'], '+OK\r\n'],
      [['BITCOUNT', 's', '0'], '-ERR syntax error\r\n'],
      [['BITCOUNT', 's', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
      [['BITCOUNT', 's', '0', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['BITCOUNT', 's', '0', '1', 'bits'], '-ERR syntax error\r\n'],
      [['BITCOUNT', 's', '0', '1', 'BIT', 'x'], '-ERR syntax error\r\n'],
      [['BITCOUNT', 's', '0', 'x', 'bits'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'BITCOUNT against integer-encoded and empty strings',
    steps: [
      [['SET', 'n', '12345'], '+OK\r\n'],
      [['BITCOUNT', 'n'], ':17\r\n'],
      [['BITCOUNT', 'n', '1', '2'], ':7\r\n'],
      [['SET', 'e', ''], '+OK\r\n'],
      [['BITCOUNT', 'e'], ':0\r\n'],
      [['BITCOUNT', 'e', '0', '-1'], ':0\r\n'],
      [['BITCOUNT', 'e', '0', '-1', 'BIT'], ':0\r\n'],
    ],
  },
  {
    name: 'BITCOUNT against wrong type',
    lists: ['l'],
    steps: [
      [['BITCOUNT', 'l'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
      [['BITCOUNT', 'l', 'x'], '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'],
    ],
  },
];

runCases('BITCOUNT', cases);
