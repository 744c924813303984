// EXPIRE key seconds [NX | XX | GT | LT], PEXPIRE, EXPIREAT, PEXPIREAT
// Expected replies are the exact wire text Redis 7.0.15 sent for the same steps
// (the server under test runs on a FakeClock; { advance } steps move it).
import { runCases, type Case } from './harness.js';

const cases: Case[] = [
  {
    name: 'EXPIRE - set timeouts multiple times',
    steps: [
      [['SET', 'x', 'foobar'], '+OK\r\n'],
      [['EXPIRE', 'x', '5'], ':1\r\n'],
      [['TTL', 'x'], ':5\r\n'],
      [['EXPIRE', 'x', '10'], ':1\r\n'],
      [['TTL', 'x'], ':10\r\n'],
      [['EXPIRE', 'x', '2'], ':1\r\n'],
      [['TTL', 'x'], ':2\r\n'],
    ],
  },
  {
    name: 'EXPIRE - It should be still possible to read \'x\'',
    steps: [
      [['SET', 'x', 'foobar'], '+OK\r\n'],
      [['EXPIRE', 'x', '2'], ':1\r\n'],
      [['GET', 'x'], '$6\r\nfoobar\r\n'],
    ],
  },
  {
    name: 'PEXPIRE - after the time has passed the key is gone',
    steps: [
      [['SET', 'x', 'foobar'], '+OK\r\n'],
      [['PEXPIRE', 'x', '100'], ':1\r\n'],
      { advance: 110 },
      [['GET', 'x'], '$-1\r\n'],
      [['EXISTS', 'x'], ':0\r\n'],
    ],
  },
  {
    name: 'EXPIREAT - Check for EXPIRE alike behavior',
    steps: [
      [['SET', 'x', 'foo'], '+OK\r\n'],
      [['EXPIREAT', 'x', '33177117420'], ':1\r\n'],
      [['EXPIRETIME', 'x'], ':33177117420\r\n'],
      [['GET', 'x'], '$3\r\nfoo\r\n'],
    ],
  },
  {
    name: 'EXPIRE with a negative time deletes the key',
    steps: [
      [['SET', 'x', 'y'], '+OK\r\n'],
      [['EXPIRE', 'x', '-10'], ':1\r\n'],
      [['EXISTS', 'x'], ':0\r\n'],
    ],
  },
  {
    name: 'PEXPIRE/PSETEX/PEXPIREAT can set sub-second expires',
    steps: [
      [['SET', 'x', 'somevalue'], '+OK\r\n'],
      [['PEXPIRE', 'x', '80'], ':1\r\n'],
      [['GET', 'x'], '$9\r\nsomevalue\r\n'],
      { advance: 90 },
      [['GET', 'x'], '$-1\r\n'],
      [['SET', 'x', 'somevalue'], '+OK\r\n'],
      [['PEXPIREAT', 'x', '33177117420080'], ':1\r\n'],
      [['PEXPIRETIME', 'x'], ':33177117420080\r\n'],
    ],
  },
  {
    name: 'EXPIRE on a missing key returns 0 and creates nothing',
    steps: [
      [['EXPIRE', 'nokey', '100'], ':0\r\n'],
      [['PEXPIRE', 'nokey', '100'], ':0\r\n'],
      [['EXPIREAT', 'nokey', '33177117420'], ':0\r\n'],
      [['PEXPIREAT', 'nokey', '1'], ':0\r\n'],
      [['EXISTS', 'nokey'], ':0\r\n'],
    ],
  },
  {
    name: 'EXPIRE with a time in the past deletes the key and returns 1',
    steps: [
      [['SET', 'a', '1'], '+OK\r\n'],
      [['EXPIRE', 'a', '0'], ':1\r\n'],
      [['EXISTS', 'a'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['PEXPIRE', 'a', '-1'], ':1\r\n'],
      [['EXISTS', 'a'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['EXPIREAT', 'a', '1'], ':1\r\n'],
      [['EXISTS', 'a'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['PEXPIREAT', 'a', '0'], ':1\r\n'],
      [['EXISTS', 'a'], ':0\r\n'],
      [['SET', 'a', '1'], '+OK\r\n'],
      [['PEXPIREAT', 'a', '-9223372036854775808'], ':1\r\n'],
      [['EXISTS', 'a'], ':0\r\n'],
    ],
  },
  {
    name: 'EXPIRE with big integer overflow when basetime is added',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '9223370399119966'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['EXPIRE', 'foo', '9223372036854775'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'EXPIRE with big integer overflows when converted to milliseconds',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '9223372036854776'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['EXPIRE', 'foo', '10000000000000000'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['EXPIRE', 'foo', '-9223372036854776'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['EXPIRE', 'foo', '-9999999999999999'], '-ERR invalid expire time in \'expire\' command\r\n'],
      [['EXPIREAT', 'foo', '9223372036854776'], '-ERR invalid expire time in \'expireat\' command\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'PEXPIRE with big integer overflow when basetime is added',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIRE', 'foo', '9223372036854770000'], '-ERR invalid expire time in \'pexpire\' command\r\n'],
      [['PEXPIRE', 'foo', '9223372036854775807'], '-ERR invalid expire time in \'pexpire\' command\r\n'],
      [['TTL', 'foo'], ':-1\r\n'],
    ],
  },
  {
    name: 'EXPIRE with big negative integer',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['EXPIRE', 'foo', '-9223372036854775'], ':1\r\n'],
      [['TTL', 'foo'], ':-2\r\n'],
    ],
  },
  {
    name: 'PEXPIREAT with big integer works',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIREAT', 'foo', '9223372036854770000'], ':1\r\n'],
      [['EXISTS', 'foo'], ':1\r\n'],
    ],
  },
  {
    name: 'PEXPIREAT with big negative integer works',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIREAT', 'foo', '-9223372036854770000'], ':1\r\n'],
      [['TTL', 'foo'], ':-2\r\n'],
    ],
  },
  {
    name: 'PEXPIREAT with the int64 maximum is kept and reported exactly',
    steps: [
      [['SET', 'foo', 'bar'], '+OK\r\n'],
      [['PEXPIREAT', 'foo', '9223372036854775807'], ':1\r\n'],
      [['PEXPIRETIME', 'foo'], ':9223372036854775807\r\n'],
      [['EXPIRETIME', 'foo'], ':9223372036854776\r\n'],
      [['EXPIREAT', 'foo', '9223372036854775'], ':1\r\n'],
      [['EXPIRETIME', 'foo'], ':9223372036854775\r\n'],
    ],
  },
  {
    name: 'EXPIRE with non-integer and malformed values',
    steps: [
      [['SET', 'k', 'v'], '+OK\r\n'],
      [['EXPIRE', 'k', 'abc'], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', ''], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', ' 10'], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', '10 '], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', '+10'], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', '010'], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'k', '1.5'], '-ERR value is not an integer or out of range\r\n'],
      [['PEXPIRE', 'k', '9223372036854775808'], '-ERR value is not an integer or out of range\r\n'],
      [['EXPIRE', 'nokey', 'abc'], '-ERR value is not an integer or out of range\r\n'],
      [['TTL', 'k'], ':-1\r\n'],
    ],
  },
];

runCases('EXPIRE PEXPIRE EXPIREAT PEXPIREAT', cases);
