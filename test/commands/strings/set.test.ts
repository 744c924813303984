// SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds | KEEPTTL]
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps.
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'SET and GET an item',
    steps: [
      [['SET', 'x', 'foobar'], '+OK\r\n'],
      [['GET', 'x'], '$6\r\nfoobar\r\n'],
    ],
  },
  {
    name: 'SET and GET an empty item',
    steps: [
      [['SET', 'x', ''], '+OK\r\n'],
      [['GET', 'x'], '$0\r\n\r\n'],
    ],
  },
  {
    name: 'SET and GET binary keys and values',
    steps: [
      [['SET', '\x00\xff\r\n', 'a\x00b\r\n\xfe'], '+OK\r\n'],
      [['GET', '\x00\xff\r\n'], '$6\r\na\x00b\r\n\xfe\r\n'],
      [['SET', '', 'empty key'], '+OK\r\n'],
      [['GET', ''], '$9\r\nempty key\r\n'],
    ],
  },
  {
    name: 'SET stores integers, int64 limits and non-canonical numbers as given',
    steps: [
      [['SET', 'a', '9223372036854775807'], '+OK\r\n'],
      [['GET', 'a'], '$19\r\n9223372036854775807\r\n'],
      [['SET', 'a', '-9223372036854775808'], '+OK\r\n'],
      [['GET', 'a'], '$20\r\n-9223372036854775808\r\n'],
      [['SET', 'a', '9223372036854775808'], '+OK\r\n'],
      [['GET', 'a'], '$19\r\n9223372036854775808\r\n'],
      [['SET', 'a', '007'], '+OK\r\n'],
      [['GET', 'a'], '$3\r\n007\r\n'],
      [['SET', 'a', '-0'], '+OK\r\n'],
      [['GET', 'a'], '$2\r\n-0\r\n'],
      [['SET', 'a', '12345678901234567890'], '+OK\r\n'],
      [['GET', 'a'], '$20\r\n12345678901234567890\r\n'],
    ],
  },
  {
    name: 'Extended SET can detect syntax errors',
    steps: [
      [['SET', 'foo', 'bar', 'non-existing-option'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'bar', 'EX'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'bar', 'EX', '10', 'BAD'], '-ERR syntax error\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
    ],
  },
  {
    name: 'Extended SET NX option',
    steps: [
      [['SET', 'foo', '1', 'nx'], '+OK\r\n'],
      [['SET', 'foo', '2', 'nx'], '$-1\r\n'],
      [['GET', 'foo'], '$1\r\n1\r\n'],
    ],
  },
  {
    name: 'Extended SET XX option',
    steps: [
      [['SET', 'foo', '1', 'xx'], '$-1\r\n'],
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['SET', 'foo', '2', 'xx'], '+OK\r\n'],
      [['GET', 'foo'], '$1\r\n2\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['SET', 'foo', 'bar2', 'GET'], '$3\r\nbar\r\n'],
      [['GET', 'foo'], '$4\r\nbar2\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option with no previous value',
    steps: [
      [['SET', 'foo', 'bar', 'GET'], '$-1\r\n'],
      [['GET', 'foo'], '$3\r\nbar\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option with XX',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['SET', 'foo', 'baz', 'GET', 'XX'], '$3\r\nbar\r\n'],
      [['GET', 'foo'], '$3\r\nbaz\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option with XX and no previous value',
    steps: [
      [['SET', 'foo', 'bar', 'GET', 'XX'], '$-1\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option with NX',
    steps: [
      [['SET', 'foo', 'bar', 'GET', 'NX'], '$-1\r\n'],
      [['GET', 'foo'], '$3\r\nbar\r\n'],
    ],
  },
  {
    name: 'Extended SET GET option with NX and previous value',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['SET', 'foo', 'baz', 'GET', 'NX'], '$3\r\nbar\r\n'],
      [['GET', 'foo'], '$3\r\nbar\r\n'],
    ],
  },
  {
    name: 'SET GET replies with an integer value as a bulk string',
    steps: [
      [['SET', 'foo', '12345'], '+OK\r\n'],
      [['SET', 'foo', 'x', 'GET'], '$5\r\n12345\r\n'],
      [['SET', 'foo', '-9223372036854775808'], '+OK\r\n'],
      [['SET', 'foo', 'y', 'GET'], '$20\r\n-9223372036854775808\r\n'],
    ],
  },
  {
    name: 'SET with NX and XX together is a syntax error',
    steps: [
      [['SET', 'foo', '1', 'NX', 'XX'], '-ERR syntax error\r\n'],
      [['SET', 'foo', '1', 'XX', 'NX'], '-ERR syntax error\r\n'],
      [['SET', 'foo', '1', 'NX', 'NX'], '+OK\r\n'],
      [['SET', 'foo', '1', 'xx', 'Xx'], '+OK\r\n'],
      [['GET', 'foo'], '$1\r\n1\r\n'],
    ],
  },
  {
    name: 'SET rejects conflicting expire options',
    steps: [
      [['SET', 'foo', 'v', 'EX', '10', 'PX', '10'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'PX', '10', 'EX', '10'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'EX', '10', 'EXAT', '10'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'EXAT', '10', 'PXAT', '10'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'EX', '10', 'KEEPTTL'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'KEEPTTL', 'PX', '10'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'PERSIST'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'v', 'KEEPTTL', 'KEEPTTL'], '+OK\r\n'],
      [['SET', 'foo', 'v', 'EX', '100', 'EX', '200'], '+OK\r\n'],
      [['TTL', 'foo'], ':200\r\n'],
    ],
  },
  {
    name: 'SET option keywords are case-insensitive and end at a NUL byte',
    steps: [
      [['SET', 'foo', '1', 'nX'], '+OK\r\n'],
      [['SET', 'foo', '2', 'Xx', 'gEt'], '$1\r\n1\r\n'],
      [['SET', 'foo', '3', 'xx\x00junk'], '+OK\r\n'],
      [['GET', 'foo'], '$1\r\n3\r\n'],
      [['SET', 'foo', '4', 'ex\x00', '100'], '+OK\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
      [['SET', 'foo', '5', 'x\x00x'], '-ERR syntax error\r\n'],
      [['SET', 'foo', '5', 'NXX'], '-ERR syntax error\r\n'],
    ],
  },
  {
    name: 'SET with EX with big integer should report an error',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '10000000000000000'], '-ERR invalid expire time in \'set\' command\r\n'],
    ],
  },
  {
    name: 'SET with EX with smallest integer should report an error',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '-9999999999999999'], '-ERR invalid expire time in \'set\' command\r\n'],
    ],
  },
  {
    name: 'SET rejects zero, negative, non-integer and overflowing expire times',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '0'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'PX', '0'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'EXAT', '0'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'PXAT', '-1'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'EX', 'x'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'foo', 'bar', 'PX', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'foo', 'bar', 'EX', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['SET', 'foo', 'bar', 'EX', '9223372036854775'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'PX', '9223372036854775807'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['SET', 'foo', 'bar', 'EXAT', '9223372036854776'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
      [['SET', 'foo', 'bar', 'EX', 'x', 'BAD'], '-ERR syntax error\r\n'],
      [['SET', 'foo', 'bar', 'BAD', 'EX', 'x'], '-ERR syntax error\r\n'],
    ],
  },
  {
    name: 'SET checks the expire time before GET sees the key',
    steps: [
      [['SET', 'foo', 'old'], '+OK\r\n'],
      [['SET', 'foo', 'new', 'GET', 'EX', '0'], '-ERR invalid expire time in \'set\' command\r\n'],
      [['GET', 'foo'], '$3\r\nold\r\n'],
    ],
  },
  {
    name: 'Extended SET EX option',
    steps: [
      [['SET', 'foo', 'bar', 'ex', '10'], '+OK\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
    ],
  },
  {
    name: 'Extended SET PX option',
    steps: [
      [['SET', 'foo', 'bar', 'px', '10000'], '+OK\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
    ],
  },
  {
    name: 'Extended SET using multiple options at once',
    steps: [
      [['SET', 'foo', 'val'], '+OK\r\n'],
      [['SET', 'foo', 'bar', 'xx', 'px', '10000'], '+OK\r\n'],
      [['TTL', 'foo'], ':10\r\n'],
    ],
  },
  {
    name: 'SET with an absolute time in the past leaves no key',
    steps: [
      [['SET', 'foo', 'bar', 'EXAT', '1'], '+OK\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
      [['SET', 'foo', 'bar', 'PXAT', '1', 'GET'], '$-1\r\n'],
      [['SET', 'foo', 'bar', 'PXAT', '1', 'GET'], '$-1\r\n'],
      [['GET', 'foo'], '$-1\r\n'],
    ],
  },
  {
    name: 'SET clears the TTL unless KEEPTTL is given',
    steps: [
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['SET', 'foo', 'bar2'], '+OK\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
      [['SET', 'foo', 'bar', 'EX', '100'], '+OK\r\n'],
      [['SET', 'foo', 'bar3', 'KEEPTTL'], '+OK\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
      [['GET', 'foo'], '$4\r\nbar3\r\n'],
      [['SET', 'foo', 'bar4', 'KEEPTTL', 'XX', 'GET'], '$4\r\nbar3\r\n'],
      [['TTL', 'foo'], ':100\r\n'],
      [['SET', 'foo', 'bar5', 'GET'], '$4\r\nbar4\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'SET NX on an expired key sets it',
    steps: [
      [['SET', 'foo', 'bar', 'PXAT', '1'], '+OK\r\n'],
      [['SET', 'foo', 'new', 'NX'], '+OK\r\n'],
      [['GET', 'foo'], '$3\r\nnew\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
];

runCases('SET', cases);
