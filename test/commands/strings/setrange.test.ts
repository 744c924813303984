// SETRANGE key offset value
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SETRANGE against non-existing key',
    steps: [
      [['SETRANGE', 'mykey', '0', 'foo'], ':3\r\n'],
      [['GET', 'mykey'], '$3\r\nfoo\r\n'],
      [['SETRANGE', 'other', '0', ''], ':0\r\n'],
      [['EXISTS', 'other'], ':0\r\n'],
      [['SETRANGE', 'third', '1', 'foo'], ':4\r\n'],
      [['GET', 'third'], '$4\r\n\x00foo\r\n'],
    ],
  },
  {
    name: 'SETRANGE against string-encoded key',
    steps: [
      [['SET', 'mykey', 'foo'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '0', 'b'], ':3\r\n'],
      [['GET', 'mykey'], '$3\r\nboo\r\n'],
      [['SET', 'mykey', 'foo'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '0', ''], ':3\r\n'],
      [['GET', 'mykey'], '$3\r\nfoo\r\n'],
      [['SET', 'mykey', 'foo'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '1', 'b'], ':3\r\n'],
      [['GET', 'mykey'], '$3\r\nfbo\r\n'],
      [['SET', 'mykey', 'foo'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '4', 'bar'], ':7\r\n'],
      [['GET', 'mykey'], '$7\r\nfoo\x00bar\r\n'],
      [['SET', 'mykey', 'foo'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '2', 'xyz'], ':5\r\n'],
      [['GET', 'mykey'], '$5\r\nfoxyz\r\n'],
      [['SETRANGE', 'mykey', '5', 'end'], ':8\r\n'],
      [['GET', 'mykey'], '$8\r\nfoxyzend\r\n'],
    ],
  },
  {
    name: 'SETRANGE against integer-encoded key',
    steps: [
      [['SET', 'mykey', '1234'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '0', '2'], ':4\r\n'],
      [['GET', 'mykey'], '$4\r\n2234\r\n'],
      [['SET', 'mykey', '1234'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '0', ''], ':4\r\n'],
      [['GET', 'mykey'], '$4\r\n1234\r\n'],
      [['SET', 'mykey', '1234'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '1', '3'], ':4\r\n'],
      [['GET', 'mykey'], '$4\r\n1334\r\n'],
      [['SET', 'mykey', '1234'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '5', '2'], ':6\r\n'],
      [['GET', 'mykey'], '$6\r\n1234\x002\r\n'],
      [['INCR', 'mykey'], '-ERR value is not an integer or out of range\r\n'],
    ],
  },
  {
    name: 'SETRANGE with out of range offset',
    steps: [
      [['SETRANGE', 'mykey', '536870908', 'world'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SET', 'mykey', 'hello'], '+OK\r\n'],
      [['SETRANGE', 'mykey', '-1', 'world'], '-ERR offset is out of range\r\n'],
      [['SETRANGE', 'mykey', '536870908', 'world'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'mykey', '536870911', 'ab'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'mykey', '536870912', ''], ':5\r\n'],
      [['SETRANGE', 'nokey', '999999999999', ''], ':0\r\n'],
      [['SETRANGE', 'mykey', 'x', 'y'], '-ERR value is not an integer or out of range\r\n'],
      [['SETRANGE', 'mykey', '1.5', 'y'], '-ERR value is not an integer or out of range\r\n'],
      [['SETRANGE', 'nokey', '-1', 'a'], '-ERR offset is out of range\r\n'],
      [['GET', 'mykey'], '$5\r\nhello\r\n'],
    ],
  },
  {
    name: 'SETRANGE with huge offset',
    steps: [
      [['SETRANGE', 'K', '9223372036854775807', 'A'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'K', '2147483647', 'A'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'K', '9223372036854775806', 'AB'], '-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n'],
      [['SETRANGE', 'K', '9223372036854775808', 'A'], '-ERR value is not an integer or out of range\r\n'],
      [['EXISTS', 'K'], ':0\r\n'],
    ],
  },
  {
    name: 'SETRANGE keeps the TTL',
    steps: [
      [['SET', 'k', 'hello', 'EX', '100'], '+OK\r\n'],
      [['SETRANGE', 'k', '1', 'a'], ':5\r\n'],
      [['TTL', 'k'], ':100\r\n'],
      [['SETRANGE', 'k', '10', 'z'], ':11\r\n'],
      [['TTL', 'k'], ':100\r\n'],
      [['GET', 'k'], '$11\r\nhallo\x00\x00\x00\x00\x00z\r\n'],
    ],
  },
  {
    name: 'SETRANGE on an expired key starts from an empty string',
    steps: [
      [['SET', 'k', 'hello', 'PXAT', '1'], '+OK\r\n'],
      [['SETRANGE', 'k', '2', 'x'], ':3\r\n'],
      [['GET', 'k'], '$3\r\n\x00\x00x\r\n'],
      [['TTL', 'k'], ':-1\r\n'],
    ],
  },
  {
    name: 'SETRANGE writes binary data',
    steps: [
      [['SETRANGE', 'k', '3', '\x00\xff\r\n'], ':7\r\n'],
      [['GET', 'k'], '$7\r\n\x00\x00\x00\x00\xff\r\n\r\n'],
      [['STRLEN', 'k'], ':7\r\n'],
    ],
  },
  {
    name: 'SETRANGE checks its arity',
    steps: [
      [['SETRANGE', 'k', '0'], '-ERR wrong number of arguments for \'setrange\' command\r\n'],
      [['SETRANGE', 'k', '0', 'a', 'b'], '-ERR wrong number of arguments for \'setrange\' command\r\n'],
    ],
  },
];

runCases('SETRANGE', cases);
