// GETRANGE key start end | SUBSTR key start end
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'GETRANGE against non-existing key',
    steps: [
      [['GETRANGE', 'mykey', '0', '-1'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '5', '1'], '$0\r\n\r\n'],
    ],
  },
  {
    name: 'GETRANGE against string value',
    steps: [
      [['SET', 'mykey', 'Hello World'], '+OK\r\n'],
      [['GETRANGE', 'mykey', '0', '3'], '$4\r\nHell\r\n'],
      [['GETRANGE', 'mykey', '0', '-1'], '$11\r\nHello World\r\n'],
      [['GETRANGE', 'mykey', '-4', '-1'], '$4\r\norld\r\n'],
      [['GETRANGE', 'mykey', '5', '3'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '5', '5000'], '$6\r\n World\r\n'],
      [['GETRANGE', 'mykey', '-5000', '10000'], '$11\r\nHello World\r\n'],
      [['GETRANGE', 'mykey', '0', '-100'], '$1\r\nH\r\n'],
      [['GETRANGE', 'mykey', '1', '-100'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '-1', '-100'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '-100', '-99'], '$1\r\nH\r\n'],
      [['GETRANGE', 'mykey', '-100', '-100'], '$1\r\nH\r\n'],
      [['GETRANGE', 'mykey', '-100', '-101'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '11', '11'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '10', '10'], '$1\r\nd\r\n'],
    ],
  },
  {
    name: 'GETRANGE against integer-encoded value',
    steps: [
      [['SET', 'mykey', '1234'], '+OK\r\n'],
      [['GETRANGE', 'mykey', '0', '2'], '$3\r\n123\r\n'],
      [['GETRANGE', 'mykey', '0', '-1'], '$4\r\n1234\r\n'],
      [['GETRANGE', 'mykey', '-3', '-1'], '$3\r\n234\r\n'],
      [['GETRANGE', 'mykey', '5', '3'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '3', '5000'], '$1\r\n4\r\n'],
      [['GETRANGE', 'mykey', '-5000', '10000'], '$4\r\n1234\r\n'],
      [['GETRANGE', 'mykey', '0', '-100'], '$1\r\n1\r\n'],
      [['GETRANGE', 'mykey', '1', '-100'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '-1', '-100'], '$0\r\n\r\n'],
      [['GETRANGE', 'mykey', '-100', '-99'], '$1\r\n1\r\n'],
      [['GETRANGE', 'mykey', '-100', '-100'], '$1\r\n1\r\n'],
      [['GETRANGE', 'mykey', '-100', '-101'], '$0\r\n\r\n'],
      [['SET', 'neg', '-9223372036854775808'], '+OK\r\n'],
      [['GETRANGE', 'neg', '1', '3'], '$3\r\n922\r\n'],
    ],
  },
  {
    name: 'GETRANGE with huge ranges, Github issue #1844',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETRANGE', 'foo', '0', '4294967297'], '$3\r\nbar\r\n'],
      [['GETRANGE', 'foo', '9223372036854775807', '9223372036854775807'], '$0\r\n\r\n'],
      [['GETRANGE', 'foo', '-9223372036854775808', '9223372036854775807'], '$3\r\nbar\r\n'],
      [['GETRANGE', 'foo', '-9223372036854775808', '-9223372036854775807'], '$1\r\nb\r\n'],
      [['GETRANGE', 'foo', '-9223372036854775807', '-9223372036854775808'], '$0\r\n\r\n'],
      [['GETRANGE', 'foo', '-9007199254740993', '-9007199254740994'], '$0\r\n\r\n'],
      [['GETRANGE', 'foo', '-9007199254740994', '-9007199254740993'], '$1\r\nb\r\n'],
      [['GETRANGE', 'foo', '2', '9007199254740993'], '$1\r\nr\r\n'],
    ],
  },
  {
    name: 'GETRANGE against an empty string',
    steps: [
      [['SET', 'e', ''], '+OK\r\n'],
      [['GETRANGE', 'e', '0', '-1'], '$0\r\n\r\n'],
      [['GETRANGE', 'e', '0', '0'], '$0\r\n\r\n'],
      [['GETRANGE', 'e', '-1', '0'], '$0\r\n\r\n'],
      [['GETRANGE', 'e', '-1', '-1'], '$0\r\n\r\n'],
    ],
  },
  {
    name: 'GETRANGE returns binary data',
    steps: [
      [['SET', 'b', '\x00\x01\r\n\xff'], '+OK\r\n'],
      [['GETRANGE', 'b', '1', '3'], '$3\r\n\x01\r\n\r\n'],
      [['GETRANGE', 'b', '-1', '-1'], '$1\r\n\xff\r\n'],
    ],
  },
  {
    name: 'GETRANGE checks the indexes before the key',
    steps: [
      [['GETRANGE', 'nokey', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
      [['GETRANGE', 'nokey', '1', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['GETRANGE', 'nokey', '1.5', '2'], '-ERR value is not an integer or out of range\r\n'],
      [['GETRANGE', 'nokey', '0', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['GETRANGE', 'nokey', '+1', '2'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'Coverage: SUBSTR',
    steps: [
      [['SET', 'key', 'abcde'], '+OK\r\n'],
      [['SUBSTR', 'key', '0', '0'], '$1\r\na\r\n'],
      [['SUBSTR', 'key', '0', '3'], '$4\r\nabcd\r\n'],
      [['SUBSTR', 'key', '-4', '-1'], '$4\r\nbcde\r\n'],
      [['SUBSTR', 'key', '-1', '-3'], '$0\r\n\r\n'],
      [['SUBSTR', 'key', '7', '8'], '$0\r\n\r\n'],
      [['SUBSTR', 'nokey', '0', '1'], '$0\r\n\r\n'],
      [['SUBSTR', 'key', 'x', '1'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'GETRANGE and SUBSTR check their arity',
    steps: [
      [['GETRANGE', 'k', '0'], '-ERR wrong number of arguments for \'getrange\' command\r\n'],
      [['GETRANGE', 'k', '0', '1', '2'], '-ERR wrong number of arguments for \'getrange\' command\r\n'],
      [['SUBSTR', 'k'], '-ERR wrong number of arguments for \'substr\' command\r\n'],
      [['SUBSTR', 'k', '0', '1', '2'], '-ERR wrong number of arguments for \'substr\' command\r\n'],
    ],
  },
];

runCases('GETRANGE and SUBSTR', cases);
