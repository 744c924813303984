// GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | PERSIST]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'GETEX EX option',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'ex', '10'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
    ],
  },
  {
    name: 'GETEX PX option',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'px', '10000'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
    ],
  },
  {
    name: 'GETEX PERSIST option',
    steps: [
      [['SET', 'foo', 'bar', 'ex', '10'], '+OK\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
      [['GETEX', 'foo', 'persist'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
      [['GETEX', 'foo', 'PERSIST'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'GETEX no option',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo'], '$3\r\nbar\r\n'],
      [['GETEX', 'foo'], '$3\r\nbar\r\n'],
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['GETEX', 'foo'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
    ],
  },
  {
    name: 'GETEX syntax errors',
    steps: [
      [['GETEX', 'foo', 'non-existent-option'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'EX'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'EX', '10', 'PX', '10'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'EX', '10', 'PERSIST'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'PERSIST', 'EX', '10'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'KEEPTTL'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'NX'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'XX'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'GET'], '-ERR syntax error\r\n'],
      [['GETEX', 'foo', 'PERSIST', 'PERSIST'], '$3\r\nbar\r\n'],
      [['GETEX', 'foo', 'EX', '10', 'EX', '20'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':20\r\n'],
    ],
  },
  {
    name: 'GETEX and GET expired key or not exist',
    steps: [
      [['SET', 'foo', 'bar', 'PXAT', '1'], '+OK\r\n'],
      [['GETEX', 'foo'], '$-1\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
      [['GETEX', 'nokey', 'EX', '10'], '$-1\r\n'],
    ],
  },
  {
    name: 'GETEX no arguments',
    steps: [
      [['GETEX'], '-ERR wrong number of arguments for \'getex\' command\r\n'],
    ],
  },
  {
    name: 'GETEX checks the syntax before the key and the key before the expire value',
    steps: [
      [['GETEX', 'nokey', 'BAD'], '-ERR syntax error\r\n'],
      [['GETEX', 'nokey', 'EX', 'abc'], '$-1\r\n'],
      [['GETEX', 'nokey', 'EX', '0'], '$-1\r\n'],
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'EX', 'abc'], '-ERR value is not an integer or out of range\r\n'],
      [['GETEX', 'foo', 'EX', '0'], '-ERR invalid expire time in \'getex\' command\r\n'],
      [['GETEX', 'foo', 'PX', '-1'], '-ERR invalid expire time in \'getex\' command\r\n'],
    ],
  },
  {
    name: 'GETEX with big integer should report an error',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'EX', '10000000000000000'], '-ERR invalid expire time in \'getex\' command\r\n'],
    ],
  },
  {
    name: 'GETEX with smallest integer should report an error',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'EX', '-9999999999999999'], '-ERR invalid expire time in \'getex\' command\r\n'],
    ],
  },
  {
    name: 'GETEX rejects expire times that overflow',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['GETEX', 'foo', 'EX', '9223372036854775'], '-ERR invalid expire time in \'getex\' command\r\n'],
      [['GETEX', 'foo', 'PX', '9223372036854775807'], '-ERR invalid expire time in \'getex\' command\r\n'],
      [['GETEX', 'foo', 'EXAT', '9223372036854776'], '-ERR invalid expire time in \'getex\' command\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'GETEX with an absolute time in the past deletes the key',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['GETEX', 'foo', 'EXAT', '1'], '$3\r\nbar\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
      [['SET', 'foo', '123'], '+OK\r\n'],
      [['GETEX', 'foo', 'PXAT', '1'], '$3\r\n123\r\n'],
      [['TTL', 'foo'], ':-2\r\n'],
    ],
  },
  {
    name: 'GETEX options end at a NUL byte like Redis',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['GETEX', 'foo', 'persist\x00x'], '$3\r\nbar\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
];

runCases('GETEX', cases);
