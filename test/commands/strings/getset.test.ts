// GETSET key value
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'GETSET (set new value)',
    steps: [
      [['GETSET', 'foo', 'xyz'], '$-1\r\n'],
      [['GET', 'foo'], '$3\r\nxyz\r\n'],
    ],
  },
  {
    name: 'GETSET (replace old value)',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETSET', 'foo', 'xyz'], '$3\r\nbar\r\n'],
      [['GET', 'foo'], '$3\r\nxyz\r\n'],
    ],
  },
  {
    name: 'GETSET clears the TTL',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['GETSET', 'foo', 'baz'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'GETSET replies with integer and binary values',
    steps: [
      [['SET', 'foo', '123'], '+OK\r\n'],
      [['GETSET', 'foo', '\x00'], '$3\r\n123\r\n'],
      [['GETSET', 'foo', ''], '$1\r\n\x00\r\n'],
      [['GETSET', 'foo', '9223372036854775807'], '$0\r\n\r\n'],
      [['GETSET', 'foo', 'x'], '$19\r\n9223372036854775807\r\n'],
    ],
  },
  {
    name: 'GETSET checks its arity',
    steps: [
      [['GETSET', 'foo'], '-ERR wrong number of arguments for \'getset\' command\r\n'],
      [['GETSET', 'foo', 'a', 'b'], '-ERR wrong number of arguments for \'getset\' command\r\n'],
    ],
  },
];

runCases('GETSET', cases);
